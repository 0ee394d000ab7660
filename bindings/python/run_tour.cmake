# Runs examples/python/tour.py (ctest -L python, test python.tour) and checks
# that it succeeded and said what it should: a tour that prints nothing, or
# prints a traceback after its output, must fail.
#   cmake -DPYTHON=... -DSCRIPT=... -DPLAN=... -DWORK_DIR=... -P run_tour.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
execute_process(
  COMMAND ${PYTHON} ${SCRIPT} ${PLAN} ${WORK_DIR}/tour.duban
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
message("${out}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tour.py exited with ${rc}:\n${err}")
endif()
if(NOT err STREQUAL "")
  message(FATAL_ERROR "tour.py wrote to stderr:\n${err}")
endif()
foreach(expected IN ITEMS
    "2025年临江区东西部协作和对口支援工作要点"
    "滨江路街道"
    "深化村镇结对"
    "through 各街镇"
    "several_leads"
    "unresolved_group")
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "tour.py's output lacks '${expected}'")
  endif()
endforeach()
