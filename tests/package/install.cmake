# Installs the build tree's duban components into a fresh PREFIX, one
# component at a time, so that the split into duban_Runtime and
# duban_Development is exercised too.
#   cmake -DBUILD_DIR=... -DPREFIX=... -DCONFIG=... -P install.cmake
file(REMOVE_RECURSE "${PREFIX}")
foreach(component IN ITEMS duban_Runtime duban_Development)
  execute_process(
    COMMAND ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}" --config "${CONFIG}"
            --component ${component}
    RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "installing component ${component} failed")
  endif()
endforeach()

# What a consumer needs, and nothing of the C++ core unless asked for.
foreach(expected IN ITEMS include/duban.h include/duban/version.h include/duban/common.h include/duban/db.h)
  if(NOT EXISTS "${PREFIX}/${expected}")
    message(FATAL_ERROR "${expected} was not installed")
  endif()
endforeach()
file(GLOB_RECURSE configs "${PREFIX}/*/dubanConfig.cmake")
file(GLOB_RECURSE pcs "${PREFIX}/*/duban.pc")
file(GLOB_RECURSE hpps "${PREFIX}/include/*.hpp")
file(GLOB_RECURSE templates "${PREFIX}/include/*.in")
if(NOT configs OR NOT pcs)
  message(FATAL_ERROR "dubanConfig.cmake or duban.pc was not installed")
endif()
if(templates)
  message(FATAL_ERROR "header templates were installed: ${templates}")
endif()
if(hpps AND NOT INSTALL_CXX)
  message(FATAL_ERROR "C++ headers were installed without DUBAN_INSTALL_CXX: ${hpps}")
endif()
message(STATUS "installed duban into ${PREFIX}")
