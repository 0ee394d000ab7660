# -Wnull-dereference is left out on purpose: at -O2 GCC 12 reports it for
# libstdc++ and CLI11 code inlined into ours, so it would fail the
# warnings-as-errors builds on code that is not ours.
# One place for warning flags, applied per target so that third-party headers
# (Boost) are not held to them: they are included as SYSTEM.
add_library(duban_warnings INTERFACE)
add_library(duban::warnings ALIAS duban_warnings)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(duban_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wcast-align -Wunused -Wformat=2
    $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast>)
  # GCC 12 at -O3 reports -Wrestrict for std::string code inlined from
  # libstdc++ (GCC bug 105329); the finding is never in our code.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(duban_warnings INTERFACE $<$<COMPILE_LANGUAGE:CXX>:-Wno-restrict>)
  endif()
  if(DUBAN_WERROR)
    target_compile_options(duban_warnings INTERFACE -Werror)
  endif()
endif()
