# One place for warning flags, applied per target so that third-party headers
# (Boost) are not held to them: they are included as SYSTEM.
add_library(duban_warnings INTERFACE)
add_library(duban::warnings ALIAS duban_warnings)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(duban_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wcast-align -Wunused -Wnull-dereference -Wformat=2
    $<$<COMPILE_LANGUAGE:CXX>:-Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast>)
  if(DUBAN_WERROR)
    target_compile_options(duban_warnings INTERFACE -Werror)
  endif()
endif()
