# schemac_generate(TARGET <lib> PREFIX <prefix> SCHEMAS <file>...
#                  [OUTPUT_DIR <dir>] [STRICT])
#
# Generates C sources from schema files at build time and builds them into
# the static library <lib>. Linking <lib> gives its users the include folder
# of the generated headers and cJSON.
#
#   TARGET      the library target to create
#   PREFIX      prefix of every generated C name and of the runtime files
#   SCHEMAS     the schema files, relative to the calling folder or absolute.
#               List every file, including those reached only through $ref
#               (a file(GLOB ... CONFIGURE_DEPENDS) does): the library's
#               sources must be known when CMake configures, so schemac runs
#               with --listed-only and fails on a $ref to an unlisted file.
#   OUTPUT_DIR  where the sources go (default: <binary dir>/<lib>_generated);
#               relative to the calling folder's binary folder
#   STRICT      compile the generated sources with -Wall -Wextra -Wpedantic
#               -Werror (GCC and Clang)
#
# Generation reruns when a schema file, a template or schemac changes; schemac
# rewrites only the files whose content changed, so only those recompile.
# Works the same from schemac's source tree (add_subdirectory, FetchContent)
# and from an install (find_package(schemac)).
include_guard(GLOBAL)

# cJSON for the generated libraries, found once for every directory:
# through pkg-config, else through cJSON's own CMake package.
if(NOT TARGET schemac::cjson)
  find_package(PkgConfig QUIET)
  if(PKG_CONFIG_FOUND)
    pkg_check_modules(schemac_cjson QUIET IMPORTED_TARGET GLOBAL libcjson)
  endif()
  if(TARGET PkgConfig::schemac_cjson)
    add_library(schemac::cjson ALIAS PkgConfig::schemac_cjson)
  else()
    find_package(cJSON CONFIG QUIET)
    if(NOT TARGET cjson)
      message(FATAL_ERROR "schemac_generate needs cJSON, found neither by pkg-config (libcjson) "
                          "nor as a CMake package (cJSON); on Debian: apt-get install libcjson-dev")
    endif()
    set_target_properties(cjson PROPERTIES IMPORTED_GLOBAL TRUE)
    add_library(schemac::cjson ALIAS cjson)
  endif()
endif()

function(_schemac_check_arguments)
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "schemac_generate: unexpected arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  foreach(required IN ITEMS TARGET PREFIX SCHEMAS)
    if(NOT DEFINED ARG_${required} OR "${ARG_${required}}" STREQUAL "")
      message(FATAL_ERROR "schemac_generate: ${required} is required")
    endif()
  endforeach()
  string(LENGTH "${ARG_PREFIX}" length)
  if(NOT ARG_PREFIX MATCHES "^[a-z][a-z0-9_]*$" OR ARG_PREFIX MATCHES "_$" OR length GREATER 32)
    message(FATAL_ERROR "schemac_generate: PREFIX '${ARG_PREFIX}' must match [a-z][a-z0-9_]*, "
                        "be at most 32 characters and not end in '_'")
  endif()
  if(NOT CMAKE_C_COMPILER_LOADED)
    message(FATAL_ERROR "schemac_generate: the generated code is C: enable it with "
                        "project(... LANGUAGES C) or enable_language(C)")
  endif()
  if(TARGET ${ARG_TARGET})
    message(FATAL_ERROR "schemac_generate: target '${ARG_TARGET}' already exists")
  endif()
endfunction()

# Two generations writing one folder would overwrite each other's files.
function(_schemac_claim_output_dir dir target)
  get_property(claimed GLOBAL PROPERTY _SCHEMAC_OUTPUT_DIRS)
  list(FIND claimed "${dir}" index)
  if(NOT index EQUAL -1)
    message(FATAL_ERROR "schemac_generate: ${target}: OUTPUT_DIR ${dir} is used by another "
                        "schemac_generate call")
  endif()
  set_property(GLOBAL APPEND PROPERTY _SCHEMAC_OUTPUT_DIRS "${dir}")
endfunction()

function(schemac_generate)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "STRICT" "TARGET;PREFIX;OUTPUT_DIR" "SCHEMAS")
  _schemac_check_arguments()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR "${ARG_TARGET}_generated")
  endif()
  get_filename_component(out "${ARG_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  _schemac_claim_output_dir("${out}" ${ARG_TARGET})

  set(sources "${out}/${ARG_PREFIX}_runtime.c" "${out}/${ARG_PREFIX}_types.c")
  set(headers "${out}/${ARG_PREFIX}_runtime.h" "${out}/${ARG_PREFIX}_types.h")
  set(schemas "")
  set(arguments "")
  foreach(schema IN LISTS ARG_SCHEMAS)
    get_filename_component(absolute "${schema}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(absolute IN_LIST schemas)
      continue()
    endif()
    list(APPEND schemas "${absolute}")
    get_filename_component(stem "${absolute}" NAME_WLE)
    list(APPEND sources "${out}/${stem}.c")
    list(APPEND headers "${out}/${stem}.h")
    # Named relative to the calling folder, as a person would type them
    # there, so generated comments do not depend on where the tree is.
    file(RELATIVE_PATH relative "${CMAKE_CURRENT_SOURCE_DIR}" "${absolute}")
    list(APPEND arguments "${relative}")
  endforeach()

  get_target_property(templates schemac::schemac SCHEMAC_TEMPLATE_FILES)
  if(NOT templates)
    set(templates "")
  endif()
  set(stamp "${out}/.schemac.stamp")
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS ${sources} ${headers}
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${out}"
    COMMAND schemac::schemac --listed-only --prefix ${ARG_PREFIX} -o "${out}" -- ${arguments}
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS schemac::schemac ${schemas} ${templates}
    WORKING_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
    COMMENT "schemac: generating ${ARG_TARGET} (prefix ${ARG_PREFIX})"
    VERBATIM)
  add_custom_target(${ARG_TARGET}_schemac DEPENDS "${stamp}")

  add_library(${ARG_TARGET} STATIC ${sources})
  add_dependencies(${ARG_TARGET} ${ARG_TARGET}_schemac)
  set_target_properties(${ARG_TARGET} PROPERTIES C_STANDARD 11 C_STANDARD_REQUIRED ON)
  target_include_directories(${ARG_TARGET} PUBLIC "${out}")
  target_link_libraries(${ARG_TARGET} PUBLIC schemac::cjson m)
  if(ARG_STRICT)
    target_compile_options(${ARG_TARGET} PRIVATE
      "$<$<C_COMPILER_ID:GNU,Clang,AppleClang>:-Wall;-Wextra;-Wpedantic;-Werror>")
  endif()
endfunction()
