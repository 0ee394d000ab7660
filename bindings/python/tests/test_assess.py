"""duban.assess: the example scheme (examples/plans/east-west-2025.scheme.toml)
over the example plan with its sample inputs, as of 2025-12-31 — the run
`duban assess` prints; compared with the CLI when its binary is at hand."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import SOURCE_DIR

import duban

PLANS = SOURCE_DIR / "examples" / "plans"
SCHEME = PLANS / "east-west-2025.scheme.toml"
INPUTS = PLANS / "east-west-2025.inputs.json"
YEAR_END = dt.date(2025, 12, 31)
SCHEME_NAME = "2025年临江区东西部协作和对口支援工作考核"

# What `duban assess` prints for this run, best first (tests/capi/assess_test.c
# holds the same list).
EXPECTED_RANKING = [
    "前方工作机构", "江北商贸集团", "区合作交流办", "区妇联", "团区委", "滨江路街道", "北站街道",
    "临江新村街道", "彭湾镇", "区文化旅游局", "区民族和宗教事务办", "区委办", "区政府办公室",
    "区慈善基金会", "区商务委", "区教育局", "区委宣传部", "区国资委", "区投资促进办", "区卫生健康委",
    "区委组织部", "区机关事务管理局", "区财政局", "区工商联", "区人力资源和社会保障局", "临江城投集团",
]  # fmt: skip


@pytest.fixture(scope="module")
def result():
    with duban.parse_plan(PLANS / "east-west-2025.json") as plan:
        r = plan.assess(SCHEME, YEAR_END, INPUTS)
    yield r
    r.close()


def cli_binary() -> Path | None:
    """The `duban` tool of the build the tests run against, if there is one."""
    if os.environ.get("DUBAN_CLI"):
        return Path(os.environ["DUBAN_CLI"])
    lib = os.environ.get("DUBAN_LIBRARY")
    if not lib:
        return None
    candidate = Path(lib).resolve().parents[1] / "tools" / "duban" / "duban"
    return candidate if candidate.is_file() else None


# --- schemes -----------------------------------------------------------------


def test_scheme_load_and_properties():
    with duban.Scheme.load(SCHEME) as scheme:
        assert scheme.name == SCHEME_NAME
        assert scheme.version == "2025.1"
        assert scheme.origin.endswith("east-west-2025.scheme.toml")
        assert (scheme.total, scheme.bonus_cap) == (100.0, 10.0)
        assert (scheme.group_count, scheme.item_count) == (8, 19)
        doc = scheme.to_dict()
        assert doc["scheme"]["name"] == SCHEME_NAME and len(doc["groups"]) == 8
        assert repr(scheme) == f"<duban.Scheme {SCHEME_NAME!r} 2025.1: 19 items, 100 points>"
        # JSON out, JSON back in (recognised by its first character).
        with duban.Scheme.parse(scheme.to_json(), origin="again") as again:
            assert again.origin == "again"
            assert again.to_json() == scheme.to_json()
    with duban.Scheme.parse(SCHEME.read_text(encoding="utf-8"), "ew.toml") as from_text:
        assert from_text.origin == "ew.toml" and from_text.item_count == 19
    assert repr(scheme) == "<duban.Scheme (closed)>"


def test_broken_schemes_name_file_line_and_field():
    wrong_type = 'duban_scheme = 1\n[scheme]\nname = "x"\n# comment\ntotal = "a lot"\n'
    with pytest.raises(duban.InvalidArgumentError) as e:
        duban.Scheme.parse(wrong_type, "broken.toml")
    assert isinstance(e.value, ValueError)
    assert e.value.code is duban.Status.EINVAL
    assert str(e.value).startswith("broken.toml:5: scheme.total:")

    with pytest.raises(duban.ParseError) as p:
        duban.Scheme.parse('duban_scheme = 1\n[scheme]\nname = "x"\ntotal = = 3\n', "broken.toml")
    assert (p.value.source, p.value.line) == ("broken.toml", 4)
    with pytest.raises(duban.ParseError, match="broken.json"):
        duban.Scheme.parse('{"duban_scheme": 1,', "broken.json")
    with pytest.raises(duban.InvalidArgumentError, match="format"):
        duban.Scheme.parse("x = 1", format="yaml")
    with pytest.raises(duban.StorageError, match="no-such.toml") as io:
        duban.Scheme.load("/nonexistent/no-such.toml")
    assert isinstance(io.value, OSError)
    with pytest.raises(TypeError):
        duban.Scheme.parse(42)  # type: ignore[arg-type]


def test_assessor_errors_name_the_scheme(plan):
    text = (
        'duban_scheme = 1\n[scheme]\nname = "u"\ntotal = 10\n[[groups]]\nname = "g"\n'
        '  [[groups.items]]\n  id = "1"\n  name = "x"\n  points = 10\n  rule = "completion"\n'
        '  select = { task = "nope" }\n'
    )
    with duban.Scheme.parse(text, "unknown.toml") as scheme:
        with pytest.raises(duban.InvalidArgumentError, match=r"^unknown.toml:7: groups\[0\]\.items\[0\]\.select"):
            duban.Assessor(plan, scheme)


# --- results -----------------------------------------------------------------


def test_ranking_matches_expected_and_the_cpp_json(result):
    assert [u.name for u in result.ranking] == EXPECTED_RANKING
    assert [u.rank for u in result.ranking] == list(range(1, 27))
    assert list(result) == result.ranking and len(result) == 26
    # The C++ writer's own ranking, carried in the JSON.
    order = result.to_dict(explanations=False)["ranking"]["order"]
    assert [o["unit"] for o in order] == EXPECTED_RANKING
    assert [o["total"] for o in order] == [u.score for u in result.ranking]


def test_ranking_matches_the_cli(result, tmp_path):
    cli = cli_binary()
    if cli is None:
        pytest.skip("no duban CLI next to the library (set DUBAN_CLI)")
    db = tmp_path / "ew.duban"
    subprocess.run([cli, "plan", "load", PLANS / "east-west-2025.json", "--db", db], check=True, capture_output=True)
    out = subprocess.run(
        [cli, "assess", "--db", db, "--scheme", SCHEME, "--inputs", INPUTS, "--as-of", "2025-12-31"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rows = [line.split("\t") for line in out.splitlines()[2:]]
    assert [(int(r[0]), r[1], float(r[2]), r[5]) for r in rows] == [
        (u.rank, u.name, u.score, u.grade or "-") for u in result.ranking
    ]


def test_unit_scores_vetoes_and_the_plan(result):
    first = result.ranking[0]
    assert (first.name, first.score, first.base, first.bonus, first.grade, first.rank) == (
        "前方工作机构", 101.0, 100.0, 1.0, "好", 1)  # fmt: skip
    assert first.total == first.score and not first.vetoed
    capped = result["江北商贸集团"]
    assert capped.vetoes == (duban.Veto("8.3", "cap_grade", "一般"),) and capped.grade == "一般"
    zeroed = result.unit("临江城投集团")
    assert zeroed.vetoed and zeroed.vetoes[0].to_dict() == {"item": "8.2", "effect": "zero_group", "target": "资金支持"}
    assert result.unit(zeroed.unit_id) == zeroed == result.unit(zeroed)
    plan = result.plan
    assert plan.unit_id == 0 and plan.rank == 0 and plan.grade == "一般"
    assert plan.name == "2025年临江区东西部协作和对口支援工作要点"
    assert plan.score == pytest.approx(61.32) and plan.bonus == 9.0
    assert result.unit(None) == plan == result.unit(0)
    assert [u.name for u in result.units][0] != "" and len(result.units) == 26
    assert result.units[0].to_dict()["name"] == result.units[0].name
    with pytest.raises(duban.NotFoundError) as e:
        result.unit("不存在的单位")
    assert isinstance(e.value, LookupError)
    with pytest.raises(KeyError):
        result["不存在的单位"]
    with pytest.raises(duban.NotFoundError, match="9999"):
        result.explain(9999)


def test_run_properties(result):
    assert result.as_of == YEAR_END and isinstance(result.as_of, dt.date)
    assert (result.scheme_name, result.scheme_version) == (SCHEME_NAME, "2025.1")
    assert len(result.digest) == 64
    assert (result.points, result.bonus_cap) == (100.0, 10.0)
    assert repr(result).startswith(f"<duban.Assessment {SCHEME_NAME!r} (2025.1) as of 2025-12-31: 26 units")


def test_tasks_and_categories(result):
    tasks = result.tasks
    assert tasks and all(1 <= t.task_id <= 18 and 0 <= t.earned <= t.possible for t in tasks)
    assert [t.task_id for t in tasks] == sorted(t.task_id for t in tasks)
    categories = result.categories
    assert categories[0].title == "组织领导" and categories[0].possible == 15.0
    assert categories[0].to_dict() == {"title": "组织领导", "earned": categories[0].earned, "possible": 15.0}


def test_explain_and_explanation(result):
    text = result.explain("区财政局")
    assert text.startswith("区财政局: 94.1 — ")
    assert "rank 23 of 26" in text and "1 working days late (迟报)" in text
    tree = result.explanation("区财政局")
    assert tree["what"] == "区财政局" and tree["points"] == 94.1
    groups = [c["what"] for c in tree["children"]]
    assert groups[0] == "group 组织领导"
    assert result.explain() == result.explain(0) and "veto 8.2" in result.explain()
    assert result.explanation(result["区财政局"]) == tree


def test_json_is_deterministic():
    with duban.parse_plan(PLANS / "east-west-2025.json") as plan, duban.Assessor(plan, SCHEME) as assessor:
        a = assessor.run(YEAR_END, INPUTS)
        b = assessor.run(YEAR_END, [INPUTS])
    assert a.to_json() == b.to_json() and a.digest == b.digest
    one_line = a.to_json(indent=None, explanations=False)
    assert "\n" not in one_line and '"explanation"' not in one_line
    assert json.loads(one_line) == a.to_dict(explanations=False)
    assert "explanation" in a.to_dict()["units"][0]
    with pytest.raises(duban.InvalidArgumentError, match="indent 40"):
        a.to_json(indent=40)


# --- inputs ------------------------------------------------------------------


def test_inputs_parse_merge_and_errors(plan):
    with duban.AssessmentInput.parse(plan, INPUTS) as inputs:
        counts = inputs.counts()
        assert counts["tasks"] == 13 and counts["reports"] > 100 and counts["events"] > 0
        assert repr(inputs).startswith("<duban.AssessmentInput 13 tasks, ")
        fix = duban.AssessmentInput.parse(plan, {"duban_assessment_input": 1, "tasks": [{"task": "6", "done": "2025-11-28"}]})
        merged = inputs.merge(fix)
        assert merged.counts()["tasks"] == 13 and inputs.counts()["tasks"] == 13
        with duban.Assessor(plan, SCHEME) as assessor:
            before = assessor.run(YEAR_END, inputs)
            after = assessor.run(YEAR_END, merged)
            also = assessor.run(YEAR_END, [inputs, fix])
        assert after.to_json() == also.to_json()
        changes = after.diff(before)
        assert "\t" in changes and "no score changed" not in changes
        assert "no score changed" in before.diff(before.to_json())
        assert not inputs.closed and not fix.closed  # the caller's inputs stay open

    with pytest.raises(duban.InvalidArgumentError, match="bad.json") as e:
        duban.AssessmentInput.parse(plan, '{"duban_assessment_input": 1, "tasks": [{"task": "99"}]}', "bad.json")
    assert "99" in str(e.value)
    with pytest.raises(duban.ParseError):
        duban.AssessmentInput.parse(plan, "{oops", "broken.json")
    with pytest.raises(duban.InvalidArgumentError, match="no baseline"):
        plan.assess(SCHEME, YEAR_END)


def test_input_read_against_another_plan_is_refused(plan):
    other = duban.parse_plan(SOURCE_DIR / "tests" / "capi" / "data" / "plan.json")
    foreign = duban.AssessmentInput.parse(other, {"duban_assessment_input": 1})
    with duban.Assessor(plan, SCHEME) as assessor:
        with pytest.raises(duban.InvalidArgumentError, match="another plan"):
            assessor.run(YEAR_END, foreign)
    assert assessor.closed
    with duban.AssessmentInput.parse(plan, INPUTS) as mine, pytest.raises(duban.InvalidArgumentError):
        mine.merge(foreign)
    foreign.close()
    other.close()


def test_diff_results_errors(result):
    with pytest.raises(duban.ParseError, match="before"):
        duban.diff_results("{", result.to_json())
    with pytest.raises(duban.InvalidArgumentError, match="after"):
        duban.diff_results(result.to_json(), "{}")


# --- the ledger --------------------------------------------------------------


def test_ledger_assess_store_and_runs(ledger_path, example_path):
    with duban.open(ledger_path) as ledger:
        plan_id = ledger.import_plan(example_path)
        year_end = ledger.assess(SCHEME, YEAR_END, inputs=INPUTS)
        june = ledger.assess(SCHEME, dt.date(2025, 6, 30), inputs=[INPUTS], plan=plan_id)
        # Nothing reported in the ledger: the file's facts laid over it give
        # the same ranking as the file alone.
        assert [u.name for u in year_end.ranking] == EXPECTED_RANKING
        only_file = ledger.assess(SCHEME, YEAR_END, inputs=INPUTS, from_ledger=False)
        assert [u.score for u in only_file.ranking] == [u.score for u in year_end.ranking]

        first = june.store(ledger, plan_id)
        second = year_end.store(ledger, plan_id)
        assert second == first + 1
        runs = ledger.assessment_runs()
        assert [r.id for r in runs] == [first, second]
        assert runs[0].as_of == dt.date(2025, 6, 30) and runs[1].as_of == YEAR_END
        assert runs[1].scheme_name == SCHEME_NAME and runs[1].scheme_version == "2025.1"
        assert runs[1].digest == year_end.digest
        assert runs[1].created.tzinfo is not None and runs[1].to_dict()["created"].endswith("Z")
        assert len(ledger.iter_assessment_runs()) == 2
        assert ledger.load_assessment_run(second) == json.loads(year_end.to_json())
        assert "no score changed" in year_end.diff(json.dumps(ledger.load_assessment_run(second), ensure_ascii=False, indent=2))
        assert "区财政局\ttotal\t" in year_end.diff(june)
        with pytest.raises(duban.NotFoundError):
            ledger.load_assessment_run(999)

        parsed = duban.parse_plan(example_path)
        with pytest.raises(duban.InvalidArgumentError, match="duban_plan_load"):
            duban.AssessmentInput.from_ledger(ledger, parsed, YEAR_END)
        parsed.close()

    with duban.open(ledger_path, read_only=True) as ro:
        with pytest.raises(duban.MisuseError, match="read-only"):
            year_end.store(ro)
        assert len(ro.assessment_runs()) == 2


# --- lifetimes ---------------------------------------------------------------

PARENTS = ("plan", "scheme", "inputs", "assessor")


@pytest.mark.parametrize("order", list(itertools.permutations(PARENTS)), ids="-".join)
def test_result_outlives_what_made_it(order):
    objs = {"plan": duban.parse_plan(PLANS / "east-west-2025.json"), "scheme": duban.Scheme.load(SCHEME)}
    objs["inputs"] = duban.AssessmentInput.parse(objs["plan"], INPUTS)
    objs["assessor"] = duban.Assessor(objs["plan"], objs["scheme"])
    r = objs["assessor"].run(YEAR_END, objs["inputs"])
    for name in order:
        objs.pop(name).close()
        gc.collect()
    assert [u.name for u in r.ranking][:3] == EXPECTED_RANKING[:3]
    assert r.explain("区财政局").startswith("区财政局: 94.1")
    r.close()
    with pytest.raises(duban.ClosedError):
        r.ranking


def test_dropped_without_close():
    plan = duban.parse_plan(PLANS / "east-west-2025.json")
    r = plan.assess(duban.Scheme.load(SCHEME), YEAR_END, INPUTS)
    del plan
    gc.collect()
    assert r.ranking[0].name == EXPECTED_RANKING[0]
    del r
    gc.collect()


def test_options_structs_match_the_c_api():
    import ctypes

    from duban import _ffi
    from duban._lib import lib

    # The numbers tests/capi/layout.h commits to.
    assert ctypes.sizeof(_ffi.duban_assess_options) == 8
    assert ctypes.sizeof(_ffi.duban_result_json_options) == 12
    assert _ffi.duban_result_json_options.explanations.offset == 8
    a = _ffi.duban_assess_options()
    lib.duban_assess_options_init(ctypes.byref(a), _ffi.ASSESS_OPTIONS_VERSION)
    assert (a.version, a.digest) == (1, 1)
    j = _ffi.duban_result_json_options()
    lib.duban_result_json_options_init(ctypes.byref(j), _ffi.RESULT_JSON_OPTIONS_VERSION)
    assert (j.version, j.indent, j.explanations) == (1, 2, 1)
    with pytest.raises(duban.InvalidArgumentError, match="version 2"):
        lib.duban_result_json_options_init(ctypes.byref(j), 2)
    header = (SOURCE_DIR / "capi" / "include" / "duban" / "assess.h").read_text(encoding="utf-8")
    assert "#define DUBAN_ASSESS_OPTIONS_VERSION 1" in header
    assert "#define DUBAN_RESULT_JSON_OPTIONS_VERSION 1" in header
    for name, value in _ffi.__dict__.items():
        if name.startswith("INPUT_"):
            assert f"DUBAN_{name} = {value}," in header or f"DUBAN_{name} = {value} " in header, name
