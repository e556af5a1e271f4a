# Fails when generated/ is not exactly what schemac makes from schema/:
# a file that differs, one that is missing, or one that should not be there.
#   cmake -DSCHEMAC=<exe> -DPREFIX=<p> -DSOURCE_DIR=<repo> -DWORK_DIR=<tmp> -P CheckGenerated.cmake
cmake_minimum_required(VERSION 3.22)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(GLOB schemas RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/schema/*.yaml")
list(SORT schemas)
execute_process(COMMAND "${SCHEMAC}" --prefix ${PREFIX} -o "${WORK_DIR}" ${schemas}
                WORKING_DIRECTORY "${SOURCE_DIR}" RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "schemac failed on schema/")
endif()
file(GLOB fresh RELATIVE "${WORK_DIR}" "${WORK_DIR}/*")
file(GLOB committed RELATIVE "${SOURCE_DIR}/generated" "${SOURCE_DIR}/generated/*")
set(stale "")
foreach(name IN LISTS fresh)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files
                  "${WORK_DIR}/${name}" "${SOURCE_DIR}/generated/${name}"
                  RESULT_VARIABLE differs OUTPUT_QUIET ERROR_QUIET)
  if(differs)
    list(APPEND stale "${name}")
  endif()
endforeach()
foreach(name IN LISTS committed)
  if(NOT name IN_LIST fresh)
    list(APPEND stale "${name} (not generated from schema/)")
  endif()
endforeach()
if(stale)
  list(JOIN stale "\n  " names)
  message(FATAL_ERROR "generated/ is stale:\n  ${names}\nRegenerate it from the repository root:\n"
          "  build/bin/schemac --prefix ${PREFIX} -o generated schema/*.yaml")
endif()
message(STATUS "generated/ matches schema/")
