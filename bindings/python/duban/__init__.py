"""duban (督办): work-plan task–responsibility graphs, kept in a ledger.

A Pythonic layer over libduban's stable C API (ctypes; no compiled
extension)::

    import duban

    with duban.open("district.duban") as ledger:
        ledger.import_plan("examples/plans/east-west-2025.json", replace=True)
        plan = ledger.latest_plan()
        graph = plan.graph()
        for a in graph.tasks_of("滨江路街道"):
            print(a.task_number, a.task_title, a.role.chinese, a.due)
        print(graph.lint())

Importing the package loads libduban (``$DUBAN_LIBRARY``, then a copy inside
the package, then the system's) and checks that its major version equals the
binding's; see docs/python.md.
"""

from . import _errors
from . import assess as _assess
from ._errors import (
    AlreadyExistsError,
    BusyError,
    ClosedError,
    CorruptError,
    DubanError,
    EncodingError,
    ErrorClass,
    InvalidArgumentError,
    MisuseError,
    NotFoundError,
    OutOfMemoryError,
    OutOfRangeError,
    ParseError,
    PermissionRefusedError,
    Status,
    StorageError,
)
from ._lib import library_origin, library_path, library_version, library_version_string, strerror
from ._values import Format
from ._version import __version__
from .assess import (
    Assessment,
    AssessmentInput,
    Assessor,
    AssessRunCursor,
    CategoryScore,
    Scheme,
    StoredRun,
    TaskScore,
    UnitScore,
    Veto,
    diff_results,
)
from .calendar import Calendar, DayInfo, DayKind, Roll
from .db import Ledger, open  # noqa: F401 (duban.open; not in __all__)
from .directory import Directory, Unit, UnitKind
from .export import CSV_TABLES, EXPORT_FORMATS, Snapshot
from .graph import Assignment, Graph, GroupMode, LintFinding, Role, TaskCursor, UnitCursor
from .history import (
    ChainCheck,
    ChainFinding,
    ClosureState,
    Event,
    EventCursor,
    EventKind,
    ExtensionDecision,
    ExtensionEntry,
    HashAlgorithm,
    ItemState,
    LatestReport,
)
from .importer import ImportDiagnostic, ImportFormat, ImportResult, import_document, import_json
from .plan import Plan, PlanCursor, PlanInfo, Responsibility, Task, Validation, ValidationFinding, parse_plan
from .reports import Indicator, Report, ReportStatus
from .status import DueBasis, ItemKind, Light, StatusCode, StatusItem, StatusReport, evaluate

# `open` is left out on purpose: `from duban import *` must not shadow the builtin.
__all__ = [
    "__version__",
    "library_version",
    "library_version_string",
    "library_path",
    "library_origin",
    "strerror",
    # ledger
    "Ledger",
    # plans
    "Plan",
    "Task",
    "Responsibility",
    "Validation",
    "ValidationFinding",
    "PlanInfo",
    "PlanCursor",
    "parse_plan",
    # units
    "Directory",
    "Unit",
    "UnitKind",
    # graph
    "Graph",
    "Assignment",
    "LintFinding",
    "Role",
    "GroupMode",
    "TaskCursor",
    "UnitCursor",
    # calendar
    "Calendar",
    "DayInfo",
    "DayKind",
    "Roll",
    # status and lights
    "evaluate",
    "StatusReport",
    "StatusItem",
    "StatusCode",
    "Light",
    "DueBasis",
    "ItemKind",
    # progress: reports, workflow, history, the audit chain
    "Report",
    "ReportStatus",
    "Indicator",
    "Event",
    "EventKind",
    "EventCursor",
    "ItemState",
    "LatestReport",
    "ExtensionEntry",
    "ClosureState",
    "ExtensionDecision",
    "ChainCheck",
    "ChainFinding",
    "HashAlgorithm",
    # assessment: everything duban.assess exports, listed once there
    *_assess.__all__,
    # exports: the 台账, CSV, JSON, DOT, the monthly report
    "Snapshot",
    "EXPORT_FORMATS",
    "CSV_TABLES",
    # importing documents and tables
    "import_document",
    "import_json",
    "ImportResult",
    "ImportDiagnostic",
    "ImportFormat",
    # values
    "Format",
    # errors: everything _errors exports, listed once there
    *_errors.__all__,
]
