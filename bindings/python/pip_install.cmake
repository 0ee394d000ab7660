# The offline install (cmake -P): a virtual environment of Debian's python,
# `pip install --no-index --no-build-isolation` of the staged package (which
# carries libduban), then the installed package used from outside the
# source and build trees with no DUBAN_LIBRARY: it must find its own copy.
# Nothing is downloaded: --no-index forbids it, so a dependency on PyPI
# fails this test instead of going unnoticed.
foreach(var PYTHON STAGE WORK PLAN)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "pip_install.cmake: ${var} is not set")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
# pip builds in the tree it is given and leaves build/ there; a copy keeps
# the staged package clean for the other tests.
file(COPY ${STAGE}/duban ${STAGE}/pyproject.toml DESTINATION ${WORK}/src)

function(run)
  execute_process(COMMAND ${ARGN} WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  message("${out}")
endfunction()

# System site packages give the venv Debian's setuptools and wheel to build with.
run(${PYTHON} -m venv --system-site-packages ${WORK}/venv)
run(${CMAKE_COMMAND} -E env PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
    ${WORK}/venv/bin/python -m pip install --no-index --no-build-isolation --no-deps ${WORK}/src)

file(WRITE ${WORK}/check.py [=[
import pathlib, sys, tempfile
import duban
from duban import _lib
venv = pathlib.Path(sys.prefix).resolve()
where = pathlib.Path(duban.__file__).resolve()
assert venv in where.parents, f"duban imported from {where}, not from the venv {venv}"
assert _lib.library_origin == "package", f"libduban came from {_lib.library_origin}: {_lib.library_path}"
assert venv in pathlib.Path(_lib.library_path).resolve().parents, _lib.library_path
with tempfile.TemporaryDirectory() as tmp, duban.open(pathlib.Path(tmp) / "t.duban") as ledger:
    plan_id = ledger.import_plan(pathlib.Path(sys.argv[1]))
    plan = ledger.load_plan(plan_id)
    print(f"installed duban {duban.__version__} from {_lib.library_origin}: {plan.title} ({len(plan.tasks)} tasks)")
]=])
# Run from the work folder, away from the source tree, with the variables
# the other tests set cleared.
run(${CMAKE_COMMAND} -E env --unset=DUBAN_LIBRARY --unset=PYTHONPATH
    ${WORK}/venv/bin/python ${WORK}/check.py ${PLAN})
