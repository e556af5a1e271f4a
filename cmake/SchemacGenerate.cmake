# schemac_generate_library(<target> PREFIX <prefix> SCHEMAS <file>... OUTPUT_DIR <dir>)
#
# List every schema file, including those only reached through $ref: the
# library compiles the sources of the listed files.
# Runs schemac over the schema files at build time and builds the generated
# sources into a static library <target>. Generation reruns when a schema or
# schemac itself (and so any template) changes; schemac rewrites only files
# whose content changed, so the library recompiles only what really changed.
function(schemac_generate_library target)
  cmake_parse_arguments(ARG "" "PREFIX;OUTPUT_DIR" "SCHEMAS" ${ARGN})
  if(NOT ARG_PREFIX OR NOT ARG_SCHEMAS OR NOT ARG_OUTPUT_DIR)
    message(FATAL_ERROR "schemac_generate_library needs PREFIX, SCHEMAS and OUTPUT_DIR")
  endif()
  set(sources "${ARG_OUTPUT_DIR}/${ARG_PREFIX}_runtime.c" "${ARG_OUTPUT_DIR}/${ARG_PREFIX}_types.c")
  set(headers "${ARG_OUTPUT_DIR}/${ARG_PREFIX}_runtime.h" "${ARG_OUTPUT_DIR}/${ARG_PREFIX}_types.h")
  foreach(schema IN LISTS ARG_SCHEMAS)
    get_filename_component(stem "${schema}" NAME_WLE)
    list(APPEND sources "${ARG_OUTPUT_DIR}/${stem}.c")
    list(APPEND headers "${ARG_OUTPUT_DIR}/${stem}.h")
  endforeach()
  # Schemas are named relative to the calling folder, as a person would type
  # them there, so the generated comments do not depend on the checkout path.
  set(relative "")
  foreach(schema IN LISTS ARG_SCHEMAS)
    get_filename_component(absolute "${schema}" ABSOLUTE)
    file(RELATIVE_PATH rel "${CMAKE_CURRENT_SOURCE_DIR}" "${absolute}")
    list(APPEND relative "${rel}")
  endforeach()
  set(stamp "${ARG_OUTPUT_DIR}/.schemac.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${sources} ${headers}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${ARG_OUTPUT_DIR}"
    COMMAND $<TARGET_FILE:schemac> --prefix ${ARG_PREFIX} -o "${ARG_OUTPUT_DIR}" ${relative}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS schemac ${ARG_SCHEMAS}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "schemac: generating ${target} from ${ARG_PREFIX} schemas"
    VERBATIM)
  add_custom_target(${target}_sources DEPENDS "${stamp}")
  add_library(${target} STATIC ${sources})
  add_dependencies(${target} ${target}_sources)
  target_include_directories(${target} PUBLIC "${ARG_OUTPUT_DIR}")
  target_link_libraries(${target} PUBLIC PkgConfig::CJSON m)
endfunction()
