"""duban.import_document / duban.import_json on the import fixtures of
tests/data/import (their .expected.json files say what is read)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import SOURCE_DIR

import duban

DATA = SOURCE_DIR / "tests" / "data" / "import"
FORM1 = DATA / "form1_label_lines.txt"
LEDGER_XLSX = DATA / "table_ledger.xlsx"

SMALL = "2025年工作要点\n一、重点工作\n1. 推进结对帮扶。开展结对帮扶活动。（责任单位：区教育局、区财政局）\n"


def test_label_lines_document_from_a_path():
    with duban.import_document(FORM1) as result:
        plan = result.plan
        assert len(plan) == 5
        assert plan.title == "2025年东湖区东西部协作工作要点"
        assert plan.doc_number == "东府办发〔2025〕7号"
        assert plan.year == 2025
        with plan.graph() as graph:
            units = graph.units_of(1)
            assert units[0].unit_name == "区合作交流办"
            assert units[0].role is duban.Role.LEAD
            led = graph.tasks_of("区合作交流办", role="lead")
            assert (led[0].task, led[0].task_title, led[0].due) == (1, "召开领导小组会议", dt.date(2025, 6, 30))
        assert "区合作交流办" in plan.directory
        assert all(isinstance(d, duban.ImportDiagnostic) for d in result.diagnostics)
        assert not any("王某某" in d.message for d in result.diagnostics)
        assert all(d.severity in ("error", "warning", "info") for d in result.diagnostics)
        assert not result.has_errors


def test_bytes_and_text_give_the_same_plan():
    data = FORM1.read_bytes()
    a = duban.import_document(data, source_name="form1.txt")
    b = duban.import_document(data.decode("utf-8"))
    assert a.plan.to_json() == b.plan.to_json()
    assert [d.to_dict() for d in a.diagnostics] == [d.to_dict() for d in b.diagnostics]


def test_gbk_bytes_are_detected():
    result = duban.import_document(SMALL.encode("gb18030"))
    assert len(result.plan) == 1
    with result.plan.graph() as graph:
        assert [a.unit_name for a in graph.units_of(1)] == ["区教育局", "区财政局"]
        assert [a.task_title for a in graph.tasks_of("区财政局")] == ["推进结对帮扶"]


def test_xlsx_ledger_by_name_and_by_format():
    result = duban.import_document(LEDGER_XLSX)
    assert len(result.plan) == 3
    assert result.plan.title == "2024年西湾区对口支援任务台账"
    with result.plan.graph() as graph:
        lead = graph.units_of(1)[0]
        assert (lead.unit_name, lead.role) == ("区教育局", duban.Role.LEAD)
    raw = LEDGER_XLSX.read_bytes()
    assert len(duban.import_document(raw, format="xlsx").plan) == 3
    assert len(duban.import_document(raw, format=duban.ImportFormat.XLSX).plan) == 3
    with pytest.raises(duban.ParseError):
        duban.import_document(raw[: len(raw) // 2], format="xlsx")


def test_import_json_is_the_cli_object():
    obj = duban.import_json(FORM1, year=2026)
    assert set(obj) >= {"plan", "tasks", "diagnostics"}
    assert obj["plan"]["year"] == 2026
    assert obj["tasks"][0]["title"] == "召开领导小组会议"
    assert len(obj["tasks"]) == 5


def test_first_is_lead_and_year():
    plain = duban.import_document(SMALL)
    with plain.plan.graph() as graph:
        assert graph.units_of(1)[0].role is duban.Role.RESPONSIBLE
    led = duban.import_document(SMALL, first_is_lead=True, year=2030)
    assert led.plan.year == 2030
    with led.plan.graph() as graph:
        assert graph.units_of(1)[0].role is duban.Role.LEAD


def test_directory_resolves_aliases():
    base = duban.Directory.parse({"units": [{"name": "区教育局", "aliases": ["教育局"]}]})
    result = duban.import_document(SMALL.replace("区教育局", "教育局"), directory=base)
    with result.plan.graph() as graph:
        assert graph.units_of(1)[0].unit_name == "区教育局"
    assert "区财政局" in result.plan.directory  # named, unknown: added
    assert "区财政局" not in base


def test_stored_in_a_ledger(tmp_path):
    result = duban.import_document(FORM1)
    with duban.open(tmp_path / "import.duban") as ledger:
        plan_id = ledger.import_plan(result.plan)
        assert plan_id >= 1
        assert "区合作交流办" in ledger.directory()
        with ledger.load_plan(plan_id) as stored:
            assert len(stored) == 5


def test_bad_bytes_are_encoding_errors():
    with pytest.raises(duban.EncodingError) as info:
        duban.import_document(b"%PDF-1.7\n\x80\x81\xfe\xff\x00\x01 binary", source_name="plan.txt")
    assert "plan.txt" in str(info.value)
    with pytest.raises(duban.EncodingError):
        duban.import_json(b"\x81\x30\xff\xfe\xfd\xfc\x80\x80\x80\x80", format="text")


def test_bad_arguments():
    with pytest.raises(duban.InvalidArgumentError, match="format 'pdf'"):
        duban.import_document(SMALL, format="pdf")
    with pytest.raises(duban.InvalidArgumentError):
        duban.import_document(SMALL, year=-3)
    with pytest.raises(TypeError):
        duban.import_document(12345)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        duban.import_document(SMALL, directory="units.json")  # type: ignore[arg-type]
