# Configures, builds and runs tests/package/consumer against the installed
# PREFIX through find_package(duban).
#   cmake -DPREFIX=... -DSOURCE=... -DWORK=... -DGENERATOR=... -DC_COMPILER=...
#         -DCONFIG=... -P consumer.cmake
file(REMOVE_RECURSE "${WORK}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -S "${SOURCE}" -B "${WORK}" -G "${GENERATOR}"
          -DCMAKE_BUILD_TYPE=${CONFIG}
          -DCMAKE_C_COMPILER=${C_COMPILER}
          -DCMAKE_PREFIX_PATH=${PREFIX}
          -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
          -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "configuring the consumer against ${PREFIX} failed")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build "${WORK}" --config "${CONFIG}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the consumer failed")
endif()

# It must have found this prefix's package, not some other duban.
file(STRINGS "${WORK}/CMakeCache.txt" dir_line REGEX "^duban_DIR:")
string(FIND "${dir_line}" "${PREFIX}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "the consumer found duban elsewhere: ${dir_line}")
endif()

file(GLOB_RECURSE exe "${WORK}/duban_consumer" "${WORK}/duban_consumer.exe")
execute_process(COMMAND ${exe} "${WORK}/consumer.duban" RESULT_VARIABLE rc OUTPUT_VARIABLE out)
message(STATUS "${out}")
if(NOT rc EQUAL 0 OR NOT out MATCHES "plan 1: 东西部协作工作要点, 1 task")
  message(FATAL_ERROR "the consumer did not run as expected (exit ${rc})")
endif()
