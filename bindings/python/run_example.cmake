# Shared by the scripts that run an example under ctest (run_tour.cmake,
# run_assess_example.cmake): an example that fails, writes to stderr, or
# does not print every expected line fails its test.
#
#   run_example(NAME tour.py ARGS arg... EXPECT line...)
#
# runs ${PYTHON} ${SCRIPT} with ARGS, prints what it printed, and checks it.
function(run_example)
  cmake_parse_arguments(RUN "" "NAME" "ARGS;EXPECT" ${ARGN})
  execute_process(
    COMMAND ${PYTHON} ${SCRIPT} ${RUN_ARGS}
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  message("${out}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${RUN_NAME} exited with ${rc}:\n${err}")
  endif()
  if(NOT err STREQUAL "")
    message(FATAL_ERROR "${RUN_NAME} wrote to stderr:\n${err}")
  endif()
  foreach(expected IN LISTS RUN_EXPECT)
    string(FIND "${out}" "${expected}" at)
    if(at EQUAL -1)
      message(FATAL_ERROR "${RUN_NAME}'s output lacks '${expected}'")
    endif()
  endforeach()
endfunction()
