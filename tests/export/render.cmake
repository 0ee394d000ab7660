# The monthly report rendered in headless Chromium (render_html.py):
# included from tests/cli, where the duban tool (`duban demo`, `duban
# export`) exists. Skipped (exit 77) where no Chromium is installed.

# Debian's interpreter, as for the Python binding's tests; the script needs
# nothing beyond the standard library.
if(EXISTS /usr/bin/python3)
  set(duban_render_python /usr/bin/python3)
else()
  find_package(Python3 3.9 REQUIRED COMPONENTS Interpreter)
  set(duban_render_python ${Python3_EXECUTABLE})
endif()
add_test(NAME export.html_render
  COMMAND ${duban_render_python} ${CMAKE_CURRENT_LIST_DIR}/render_html.py
    --tool $<TARGET_FILE:duban_tool>
    --source ${PROJECT_SOURCE_DIR}
    --work ${CMAKE_CURRENT_BINARY_DIR}/html_render)
set_tests_properties(export.html_render PROPERTIES
  LABELS "cli;export"
  SKIP_RETURN_CODE 77
  TIMEOUT 300)
