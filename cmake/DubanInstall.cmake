# Installing libduban so that other builds find it: headers, the library, a
# CMake package (find_package(duban) → duban::duban) and duban.pc for
# pkg-config. STYLE.md "Install and export" gives the reasons; in short:
#  - components duban_Runtime (the shared object) and duban_Development
#    (headers, the .so namelink, static archives, CMake and pkg-config files);
#  - SameMajorVersion compatibility, matching the ABI promise;
#  - duban::core (the C++ API, not ABI-stable) installed only on request
#    (DUBAN_INSTALL_CXX), or when a static libduban needs its archive.
include(CMakePackageConfigHelpers)

set(DUBAN_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/duban"
    CACHE STRING "Where the installed CMake package files go, relative to the prefix")
set(DUBAN_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where duban.pc goes, relative to the prefix")
mark_as_advanced(DUBAN_INSTALL_CMAKEDIR DUBAN_INSTALL_PKGCONFIGDIR)

get_target_property(duban_capi_type duban_capi TYPE)
if(duban_capi_type STREQUAL "SHARED_LIBRARY")
  set(DUBAN_SHARED_LIBRARY ON)
else()
  set(DUBAN_SHARED_LIBRARY OFF)
endif()
# A static libduban leaves the core's archive (and its dependencies) to the
# final link, so the package must carry both.
if(DUBAN_INSTALL_CXX OR NOT DUBAN_SHARED_LIBRARY)
  set(DUBAN_EXPORT_CORE ON)
else()
  set(DUBAN_EXPORT_CORE OFF)
endif()

# --- The C library and its headers.
install(TARGETS duban_capi EXPORT dubanTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT duban_Runtime
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT duban_Runtime NAMELINK_COMPONENT duban_Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT duban_Development
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/capi/include/
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  COMPONENT duban_Development
  FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/capi/include/duban/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/duban
  COMPONENT duban_Development)

# --- The C++ core, when wanted or needed.
if(DUBAN_EXPORT_CORE)
  install(TARGETS duban_core EXPORT dubanTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT duban_Development)
endif()
if(DUBAN_INSTALL_CXX)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/duban/
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/duban
    COMPONENT duban_Development
    FILES_MATCHING PATTERN "*.hpp")
  install(FILES ${PROJECT_BINARY_DIR}/include/duban/version.hpp
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/duban
    COMPONENT duban_Development)
endif()

# --- What a consumer of a static libduban (or of duban::core) must find
# itself. Derived from what the layers link, so a layer that adds a
# dependency cannot silently break the installed package; a dependency with
# no rule here is a configure warning.
set(duban_find_dependencies "")
set(duban_pc_requires "")
get_target_property(duban_core_links duban_core LINK_LIBRARIES)
foreach(dep IN LISTS duban_core_links)
  # "::@(…)" entries are CMake's markers for links made from other
  # directories, not dependencies.
  if(dep MATCHES "^::@" OR dep STREQUAL "duban_warnings" OR dep STREQUAL "duban::warnings")
    continue()
  elseif(dep MATCHES "^SQLite3?::SQLite3$")
    list(APPEND duban_find_dependencies "find_dependency(SQLite3)")
    list(APPEND duban_pc_requires sqlite3)
  elseif(dep MATCHES "^Boost::")
    list(APPEND duban_find_dependencies "find_dependency(Boost 1.74 CONFIG)")
  elseif(dep STREQUAL "nlohmann_json::nlohmann_json")
    list(APPEND duban_find_dependencies "find_dependency(nlohmann_json 3.10)")
  elseif(dep MATCHES "^OpenSSL::")
    list(APPEND duban_find_dependencies "find_dependency(OpenSSL COMPONENTS Crypto)")
    list(APPEND duban_pc_requires libcrypto)
  elseif(dep MATCHES "^pugixml(::pugixml)?$")
    list(APPEND duban_find_dependencies "find_dependency(pugixml)")
    list(APPEND duban_pc_requires pugixml)
  elseif(dep STREQUAL "muparser::muparser")
    list(APPEND duban_find_dependencies "find_dependency(muparser CONFIG)")
    list(APPEND duban_pc_requires muparser)
  elseif(dep STREQUAL "tomlplusplus::tomlplusplus")
    list(APPEND duban_find_dependencies "find_dependency(tomlplusplus CONFIG)")
    list(APPEND duban_pc_requires tomlplusplus)
  elseif(dep STREQUAL "Threads::Threads")
    list(APPEND duban_find_dependencies "find_dependency(Threads)")
  elseif(dep MATCHES "^PkgConfig::")
    # pkg_check_modules(<prefix> … <module>) records <prefix>_MODULE_NAME.
    string(REGEX REPLACE "^PkgConfig::" "" dep_prefix "${dep}")
    set(dep_module "${${dep_prefix}_MODULE_NAME}")
    if(dep_module STREQUAL "")
      message(WARNING "cmake/DubanInstall.cmake cannot tell which pkg-config module ${dep} is.")
      continue()
    endif()
    list(APPEND duban_find_dependencies
      "find_dependency(PkgConfig)\n  if(NOT TARGET PkgConfig::${dep_prefix})\n    pkg_check_modules(${dep_prefix} REQUIRED QUIET IMPORTED_TARGET ${dep_module})\n  endif()")
    list(APPEND duban_pc_requires ${dep_module})
  else()
    message(WARNING "cmake/DubanInstall.cmake has no rule for duban_core's dependency '${dep}': "
                    "a static or C++ duban package would not find it.")
  endif()
endforeach()
list(REMOVE_DUPLICATES duban_find_dependencies)
list(REMOVE_DUPLICATES duban_pc_requires)
list(JOIN duban_find_dependencies "\n  " DUBAN_FIND_DEPENDENCIES)

# --- The CMake package.
install(EXPORT dubanTargets
  NAMESPACE duban::
  DESTINATION ${DUBAN_INSTALL_CMAKEDIR}
  COMPONENT duban_Development)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/dubanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/package/dubanConfig.cmake
  INSTALL_DESTINATION ${DUBAN_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/package/dubanConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES
    ${PROJECT_BINARY_DIR}/package/dubanConfig.cmake
    ${PROJECT_BINARY_DIR}/package/dubanConfigVersion.cmake
  DESTINATION ${DUBAN_INSTALL_CMAKEDIR}
  COMPONENT duban_Development)

# The same package straight from the build tree (find_package(duban) with
# duban_DIR=<build>), for trying a consumer without installing.
export(EXPORT dubanTargets NAMESPACE duban:: FILE ${PROJECT_BINARY_DIR}/dubanTargets.cmake)
configure_package_config_file(
  ${PROJECT_SOURCE_DIR}/cmake/dubanConfig.cmake.in
  ${PROJECT_BINARY_DIR}/dubanConfig.cmake
  INSTALL_DESTINATION ${PROJECT_BINARY_DIR}
  INSTALL_PREFIX ${PROJECT_BINARY_DIR})
configure_file(${PROJECT_BINARY_DIR}/package/dubanConfigVersion.cmake
               ${PROJECT_BINARY_DIR}/dubanConfigVersion.cmake COPYONLY)

# --- pkg-config. The prefix is found from the .pc file's own place, so the
# installed tree may be moved (or installed with --prefix) and still work.
if(IS_ABSOLUTE "${DUBAN_INSTALL_PKGCONFIGDIR}")
  set(DUBAN_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH duban_pc_up "/duban-root/${DUBAN_INSTALL_PKGCONFIGDIR}" "/duban-root")
  string(REGEX REPLACE "/$" "" duban_pc_up "${duban_pc_up}")
  set(DUBAN_PC_PREFIX "\${pcfiledir}/${duban_pc_up}")
endif()
foreach(dir IN ITEMS LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(DUBAN_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(DUBAN_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
if(DUBAN_SHARED_LIBRARY)
  set(DUBAN_PC_CFLAGS "")
  set(DUBAN_PC_LIBS_PRIVATE "")
else()
  set(DUBAN_PC_CFLAGS " -DDUBAN_STATIC")
  set(DUBAN_PC_LIBS_PRIVATE "-lduban_core -lstdc++ -lm")
endif()
string(JOIN " " DUBAN_PC_REQUIRES_PRIVATE ${duban_pc_requires})
configure_file(${PROJECT_SOURCE_DIR}/cmake/duban.pc.in ${PROJECT_BINARY_DIR}/package/duban.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/package/duban.pc
  DESTINATION ${DUBAN_INSTALL_PKGCONFIGDIR}
  COMPONENT duban_Development)
