# Runs the ajv agreement test for one or more generated libraries:
#
#   cmake -DNODE=node -DNPM=npm -DSOURCE_DIR=<tests/agree> -DWORK_DIR=<dir>
#         -DCOUNT=<messages per type> -DSEED=<seed>
#         -P agree.cmake NAME DRIVER SCHEMA_DIR [NAME DRIVER SCHEMA_DIR]...
#
# Installs the pinned ajv (package-lock.json) into WORK_DIR/node_modules with
# npm ci, only when the lock changed, so the source tree stays clean. Then
# for each library: DRIVER --list gives its registry, generate.js makes COUNT
# messages per type with ajv's verdicts, DRIVER decodes them, check.js
# compares. Every library runs even when one fails; the files stay in WORK_DIR
# (NAME.messages, NAME.ajv.jsonl, NAME.ours.jsonl) to look at.
cmake_minimum_required(VERSION 3.22)

set(sets "")
set(after_script -1)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(after_script EQUAL 1)
    list(APPEND sets "${CMAKE_ARGV${i}}")
  elseif(after_script EQUAL 0)
    set(after_script 1)
  elseif("${CMAKE_ARGV${i}}" STREQUAL "-P")
    set(after_script 0)
  endif()
endforeach()
list(LENGTH sets n)
math(EXPR rest "${n} % 3")
if(n EQUAL 0 OR NOT rest EQUAL 0)
  message(FATAL_ERROR "agree.cmake: give NAME DRIVER SCHEMA_DIR for each library")
endif()

file(MAKE_DIRECTORY "${WORK_DIR}")
file(COPY_FILE "${SOURCE_DIR}/package.json" "${WORK_DIR}/package.json" ONLY_IF_DIFFERENT)
file(COPY_FILE "${SOURCE_DIR}/package-lock.json" "${WORK_DIR}/package-lock.json" ONLY_IF_DIFFERENT)
set(installed "${WORK_DIR}/node_modules/.schemac-package-lock.json")
set(fresh FALSE)
if(EXISTS "${installed}")
  file(SHA256 "${installed}" a)
  file(SHA256 "${SOURCE_DIR}/package-lock.json" b)
  if(a STREQUAL b)
    set(fresh TRUE)
  endif()
endif()
if(NOT fresh)
  message(STATUS "npm ci: installing ajv into ${WORK_DIR}/node_modules")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund --loglevel=error --prefix "${WORK_DIR}"
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${rc}): the agreement test needs the npm registry once")
  endif()
  file(COPY_FILE "${SOURCE_DIR}/package-lock.json" "${installed}")
endif()

set(node_env "${CMAKE_COMMAND}" -E env "NODE_PATH=${WORK_DIR}/node_modules" "${NODE}")
set(failed "")
math(EXPR last "${n} - 1")
foreach(i RANGE 0 ${last} 3)
  math(EXPR j "${i} + 1")
  math(EXPR k "${i} + 2")
  list(GET sets ${i} name)
  list(GET sets ${j} driver)
  list(GET sets ${k} schemas)
  set(base "${WORK_DIR}/${name}")
  message(STATUS "== ${name}: ${schemas}")
  execute_process(COMMAND "${driver}" --list OUTPUT_FILE "${base}.types.jsonl" RESULT_VARIABLE rc)
  if(rc EQUAL 0)
    execute_process(COMMAND ${node_env} "${SOURCE_DIR}/generate.js" --schemas "${schemas}"
                            --types "${base}.types.jsonl" --count ${COUNT} --seed ${SEED}
                            --messages "${base}.messages" --verdicts "${base}.ajv.jsonl"
                    RESULT_VARIABLE rc)
  endif()
  if(rc EQUAL 0)
    execute_process(COMMAND "${driver}" "${base}.messages" OUTPUT_FILE "${base}.ours.jsonl"
                    RESULT_VARIABLE rc)
  endif()
  if(rc EQUAL 0)
    execute_process(COMMAND ${node_env} "${SOURCE_DIR}/check.js" --messages "${base}.messages"
                            --verdicts "${base}.ajv.jsonl" --ours "${base}.ours.jsonl"
                            --min-count 5000
                    RESULT_VARIABLE rc)
  endif()
  if(NOT rc EQUAL 0)
    list(APPEND failed "${name} (${rc})")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "ajv agreement failed for: ${failed}")
endif()
