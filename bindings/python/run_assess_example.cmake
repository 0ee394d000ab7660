# Runs examples/python/assess.py (ctest -L python, test python.assess) and
# checks what it printed and the CSV it wrote: the year's records went in,
# the late and the missing report and the extension show in the explanation,
# and the CSV holds every unit once, ranked, as a spreadsheet wants it.
#   cmake -DPYTHON=... -DSCRIPT=... -DPLANS=... -DWORK_DIR=... -P run_assess_example.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(csv ${WORK_DIR}/results.csv)
include(${CMAKE_CURRENT_LIST_DIR}/run_example.cmake)
run_example(NAME assess.py
  ARGS ${WORK_DIR}/assess.duban ${csv} ${PLANS}
  EXPECT
    "131 monthly reports, 12 tasks done; audit chain intact"
    "2025年临江区东西部协作和对口支援工作考核 (2025.1) as of 2025-12-31, stored as run 1"
    "    1  区合作交流办  101.2  好"
    "   26  临江城投集团  80  较好  veto 8.2"
    "区教育局: 96.37 — base 94.37 + bonus 2"
    "report due 2025-07-10 by 区教育局: -0.8 — not reported (漏报)"
    "due 2025-11-14 (extended): on time"
    "results written to ${csv}")

if(NOT EXISTS ${csv})
  message(FATAL_ERROR "assess.py wrote no ${csv}")
endif()
file(READ ${csv} bytes HEX LIMIT 3)
if(NOT bytes STREQUAL "efbbbf")
  message(FATAL_ERROR "${csv} does not start with a UTF-8 byte-order mark (${bytes})")
endif()
# file(READ) drops carriage returns, so the line ends are counted in hex.
file(READ ${csv} hex HEX)
string(REGEX MATCHALL ".." bytes "${hex}")
set(crlf 0)
set(bare_lf 0)
set(previous "")
foreach(byte IN LISTS bytes)
  if(byte STREQUAL "0a")
    if(previous STREQUAL "0d")
      math(EXPR crlf "${crlf} + 1")
    else()
      math(EXPR bare_lf "${bare_lf} + 1")
    endif()
  endif()
  set(previous "${byte}")
endforeach()
file(READ ${csv} text)
if(NOT crlf EQUAL 27 OR NOT bare_lf EQUAL 0)
  message(FATAL_ERROR "${csv} has ${crlf} CRLF and ${bare_lf} bare LF line ends, expected 27 CRLF "
                      "(a header and 26 units):\n${text}")
endif()
foreach(row IN ITEMS
    "rank,unit,score,base,bonus,deductions,grade,vetoes\n"
    "\n1,区合作交流办,101.2,99.2,2,0,好,\n"
    "\n8,江北商贸集团,100,100,0,0,一般,8.3 cap_grade 一般\n"
    "\n19,区教育局,96.37,94.37,2,0,好,\n"
    "\n24,区财政局,94.1,94.1,0,5,好,\n"
    "\n26,临江城投集团,80,80,0,0,较好,8.2 zero_group 资金支持\n")
  string(FIND "${text}" "${row}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${csv} lacks the row '${row}':\n${text}")
  endif()
endforeach()
