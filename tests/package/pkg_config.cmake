# Builds tests/package/consumer/main.c with the C compiler and the flags
# `pkg-config --cflags --libs duban` gives for the installed PREFIX, and runs
# it: what a Makefile-based office system would do.
#   cmake -DPKG_CONFIG=... -DPREFIX=... -DSOURCE=... -DWORK=... -DC_COMPILER=...
#         -DVERSION=... [-DSTATIC=ON] -P pkg_config.cmake
# A static libduban needs `--static` and its dependencies' own .pc files,
# which is why only PKG_CONFIG_PATH (searched first) is set.
file(GLOB_RECURSE pc "${PREFIX}/*/duban.pc")
list(GET pc 0 pc)
get_filename_component(pc_dir "${pc}" DIRECTORY)
set(ENV{PKG_CONFIG_PATH} "${pc_dir}")

execute_process(COMMAND "${PKG_CONFIG}" --modversion duban
                OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT version STREQUAL "${VERSION}")
  message(FATAL_ERROR "pkg-config says duban is '${version}', expected ${VERSION}")
endif()
set(static_flag "")
if(STATIC)
  set(static_flag --static)
endif()
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs ${static_flag} duban
                OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs duban failed")
endif()
message(STATUS "pkg-config ${static_flag}: ${flags}")
# The .pc file is relocatable: its own -I and -L must lead into this prefix.
file(REAL_PATH "${PREFIX}" real_prefix)
separate_arguments(flag_list UNIX_COMMAND "${flags}")
set(libdir "")
set(include_ok FALSE)
foreach(flag IN LISTS flag_list)
  if(flag MATCHES "^-[IL](.*)$")
    file(REAL_PATH "${CMAKE_MATCH_1}" real)
    string(FIND "${real}" "${real_prefix}" at)
    if(at EQUAL 0 AND flag MATCHES "^-L")
      set(libdir "${real}")
    elseif(at EQUAL 0)
      set(include_ok TRUE)
    endif()
  endif()
endforeach()

if(libdir STREQUAL "" OR NOT include_ok)
  message(FATAL_ERROR "pkg-config's -I/-L do not lead into ${PREFIX}: ${flags}")
endif()

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(
  COMMAND "${C_COMPILER}" -std=c99 -Wall -Wextra -pedantic -Werror "${SOURCE}/main.c" ${flag_list}
          "-Wl,-rpath,${libdir}" -o "${WORK}/duban_consumer_pc"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "compiling main.c with pkg-config's flags failed")
endif()
execute_process(COMMAND "${WORK}/duban_consumer_pc" "${WORK}/consumer.duban" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "plan 1: 东西部协作工作要点, 1 task")
  message(FATAL_ERROR "the pkg-config consumer did not run as expected (exit ${rc})")
endif()
