# Runs examples/python/tour.py (ctest -L python, test python.tour) and checks
# that it succeeded and said what it should: a tour that prints nothing, or
# prints a traceback after its output, must fail.
#   cmake -DPYTHON=... -DSCRIPT=... -DPLAN=... -DWORK_DIR=... -P run_tour.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
include(${CMAKE_CURRENT_LIST_DIR}/run_example.cmake)
run_example(NAME tour.py
  ARGS ${PLAN} ${WORK_DIR}/tour.duban
  EXPECT
    "2025年临江区东西部协作和对口支援工作要点"
    "滨江路街道"
    "深化村镇结对"
    "through 各街镇"
    "several_leads"
    "unresolved_group")
