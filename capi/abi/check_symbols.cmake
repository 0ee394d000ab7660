# The exported-symbol check (STYLE.md enforcement item 2), run by CTest:
#
#   cmake -DNM=nm -DLIBRARY=libduban.so -DSYMBOLS=capi/abi/symbols.txt
#         -DHEADERS=capi/include -DVERSION=0.1.0 -P check_symbols.cmake
#
# Fails when the library exports a symbol the list does not name, misses
# one it names, exports anything C++-mangled, or when a header declares a
# DUBAN_API function the list does not name (or the reverse). Each listed
# symbol carries the version that introduced it, which may not be newer
# than the library. With -DOBJDUMP=... it also checks that the SONAME
# carries the major version only (libduban.so.<major>).
cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS NM LIBRARY SYMBOLS HEADERS VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_symbols.cmake: -D${var}=... is required")
  endif()
endforeach()

set(problems "")

# The committed list: "name since" per line; '#' starts a comment.
file(STRINGS "${SYMBOLS}" lines)
set(listed "")
string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" _ "${VERSION}")
math(EXPR current "${CMAKE_MATCH_1} * 1000 + ${CMAKE_MATCH_2}")
foreach(line IN LISTS lines)
  string(REGEX REPLACE "#.*" "" line "${line}")
  string(STRIP "${line}" line)
  if(line STREQUAL "")
    continue()
  endif()
  if(NOT line MATCHES "^(duban_[a-z0-9_]+)[ \t]+([0-9]+)\\.([0-9]+)$")
    list(APPEND problems "symbols.txt: malformed line '${line}' (want 'duban_name major.minor')")
    continue()
  endif()
  set(name "${CMAKE_MATCH_1}")
  math(EXPR since "${CMAKE_MATCH_2} * 1000 + ${CMAKE_MATCH_3}")
  if(since GREATER current)
    list(APPEND problems "symbols.txt: ${name} is marked since ${CMAKE_MATCH_2}.${CMAKE_MATCH_3}, newer than ${VERSION}")
  endif()
  if(name IN_LIST listed)
    list(APPEND problems "symbols.txt: ${name} is listed twice")
  endif()
  list(APPEND listed "${name}")
endforeach()

# What the library exports.
execute_process(COMMAND "${NM}" -D --defined-only "${LIBRARY}"
                OUTPUT_VARIABLE nm_out ERROR_VARIABLE nm_err RESULT_VARIABLE nm_rc)
if(NOT nm_rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIBRARY}: ${nm_err}")
endif()
string(REPLACE "\n" ";" nm_lines "${nm_out}")
set(exported "")
foreach(line IN LISTS nm_lines)
  # "<address> <type> <name>[@version]"; type A marks version nodes, not code.
  if(NOT line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) (.+)$")
    continue()
  endif()
  set(type "${CMAKE_MATCH_1}")
  string(REGEX REPLACE "@.*" "" name "${CMAKE_MATCH_2}")
  if(type STREQUAL "A")
    continue()
  endif()
  if(name MATCHES "^_Z")
    list(APPEND problems "exported C++ symbol: ${name}")
  endif()
  list(APPEND exported "${name}")
endforeach()
if(exported STREQUAL "")
  message(FATAL_ERROR "${LIBRARY} exports nothing: is it the shared library?")
endif()

# What the headers declare.
file(GLOB_RECURSE headers "${HEADERS}/*.h" "${HEADERS}/*.h.in")
set(declared "")
foreach(header IN LISTS headers)
  file(READ "${header}" text)
  string(REGEX MATCHALL "DUBAN_API[^;(]*[ *](duban_[a-z0-9_]+)\\(" decls "${text}")
  foreach(decl IN LISTS decls)
    string(REGEX MATCH "(duban_[a-z0-9_]+)\\($" _ "${decl}")
    list(APPEND declared "${CMAKE_MATCH_1}")
  endforeach()
endforeach()

foreach(name IN LISTS exported)
  if(NOT name IN_LIST listed)
    list(APPEND problems "exported but not in symbols.txt: ${name}")
  endif()
endforeach()
foreach(name IN LISTS listed)
  if(NOT name IN_LIST exported)
    list(APPEND problems "in symbols.txt but not exported: ${name}")
  endif()
  if(NOT name IN_LIST declared)
    list(APPEND problems "in symbols.txt but declared in no header: ${name}")
  endif()
endforeach()
foreach(name IN LISTS declared)
  if(NOT name IN_LIST listed)
    list(APPEND problems "declared DUBAN_API but not in symbols.txt: ${name}")
  endif()
endforeach()

if(DEFINED OBJDUMP AND NOT OBJDUMP STREQUAL "")
  execute_process(COMMAND "${OBJDUMP}" -p "${LIBRARY}" OUTPUT_VARIABLE headers_out RESULT_VARIABLE od_rc)
  string(REGEX MATCH "^([0-9]+)" major "${VERSION}")
  if(NOT od_rc EQUAL 0 OR NOT headers_out MATCHES "SONAME +([^\n]+)")
    list(APPEND problems "no SONAME in ${LIBRARY}")
  elseif(NOT CMAKE_MATCH_1 STREQUAL "libduban.so.${major}")
    list(APPEND problems "SONAME is ${CMAKE_MATCH_1}, expected libduban.so.${major}")
  endif()
endif()

list(LENGTH listed count)
if(problems)
  list(JOIN problems "\n  " report)
  message(FATAL_ERROR "the C ABI does not match capi/abi/symbols.txt:\n  ${report}")
endif()
message(STATUS "${count} exported symbols match capi/abi/symbols.txt")
