# cmake --install: the schemac binary, its templates, the CMake package and
# a pkg-config file. Every installed file finds the others by relative paths
# only, so the install can be moved to another prefix:
#   bin/schemac
#   share/schemac/templates/*.tmpl
#   lib/cmake/schemac/{schemacConfig,schemacConfigVersion,schemacTargets,SchemacGenerate}.cmake
#   share/pkgconfig/schemac.pc
include(CMakePackageConfigHelpers)

set(SCHEMAC_PACKAGE_DIR lib/cmake/schemac)
install(TARGETS schemac EXPORT schemacTargets RUNTIME DESTINATION bin)
install(FILES ${SCHEMAC_TEMPLATES} DESTINATION share/schemac/templates)
install(EXPORT schemacTargets NAMESPACE schemac:: DESTINATION ${SCHEMAC_PACKAGE_DIR})

configure_package_config_file(cmake/schemacConfig.cmake.in
  "${PROJECT_BINARY_DIR}/schemacConfig.cmake"
  INSTALL_DESTINATION ${SCHEMAC_PACKAGE_DIR})
# Patch releases keep the schema language and the generated API, so any
# 0.1.x satisfies find_package(schemac 0.1).
write_basic_package_version_file("${PROJECT_BINARY_DIR}/schemacConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT) # a build tool: any target may use it
install(FILES "${PROJECT_BINARY_DIR}/schemacConfig.cmake"
              "${PROJECT_BINARY_DIR}/schemacConfigVersion.cmake"
              cmake/SchemacGenerate.cmake
        DESTINATION ${SCHEMAC_PACKAGE_DIR})

configure_file(cmake/schemac.pc.in "${PROJECT_BINARY_DIR}/schemac.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/schemac.pc" DESTINATION share/pkgconfig)
