"""The closure workflow (申请办结, 办结, 退回), extensions (延期) and the
coordinating office, from Python: every step an event, refusals as
PermissionRefusedError, the state on each date following the steps."""

from __future__ import annotations

import datetime

import pytest

import duban

D = datetime.date
OFFICE = "区合作交流办"


@pytest.fixture
def office(stored):
    ledger, plan = stored
    ledger.set_coordinator(OFFICE)
    return ledger, plan


def state_of(ledger: duban.Ledger, key: str, as_of: datetime.date) -> duban.ItemState:
    (found,) = [s for s in ledger.states(as_of) if s.id == key]
    return found


def test_the_coordinating_office(stored):
    ledger, _ = stored
    assert ledger.coordinator is None
    with ledger.directory() as units:
        office = units.id_of(OFFICE)
        finance = units.id_of("区财政局")
    event = ledger.set_coordinator(OFFICE)
    assert ledger.coordinator == office
    assert list(ledger.history(7)) == []  # a ledger-wide event is no task's
    refusal = r"refused: 区财政局 \(user '李四'\) may not set the coordinating office"
    with pytest.raises(duban.PermissionRefusedError, match=refusal):
        ledger.set_coordinator("区财政局", by="区财政局", user="李四")
    later = ledger.set_coordinator("区财政局", by=OFFICE)  # the office hands the role on
    assert later > event and ledger.coordinator == finance
    with pytest.raises(duban.InvalidArgumentError, match="must be a unit, not the group '各街镇'"):
        ledger.set_coordinator("各街镇")


def test_submit_return_resubmit_approve(office):
    ledger, _ = office
    ledger.add_report("7", unit="区财政局", date=D(2025, 6, 20), percent=100, status="done")
    with pytest.raises(duban.InvalidArgumentError, match="evidence"):
        ledger.submit_closure("7", unit="区财政局", date=D(2025, 6, 25), evidence=[])
    with pytest.raises(TypeError, match="list of references"):
        ledger.submit_closure("7", unit="区财政局", date=D(2025, 6, 25), evidence="临财〔2025〕8号")
    first = ledger.submit_closure("7", unit="区财政局", date=D(2025, 6, 25), evidence=["临财〔2025〕8号"], reason="资金已拨付")
    with pytest.raises(duban.PermissionRefusedError, match="refused: 区财政局 may not return the closure of task '7'"):
        ledger.return_closure(first, unit="区财政局", date=D(2025, 6, 27), reason="x")
    returned = ledger.return_closure(first, unit=OFFICE, date=D(2025, 6, 27), reason="缺少资金拨付凭证")
    second = ledger.submit_closure(
        "7", unit="区财政局", date=D(2025, 7, 8), evidence=["临财〔2025〕8号", "拨付凭证.pdf"], user="张三"
    )
    approved = ledger.approve_closure(second, unit=OFFICE, date=D(2025, 7, 10), reason="同意办结")
    assert first < returned < second < approved

    events = list(ledger.history("7"))
    assert [e.kind for e in events] == [
        duban.EventKind.REPORT,
        duban.EventKind.CLOSURE_SUBMITTED,
        duban.EventKind.CLOSURE_RETURNED,
        duban.EventKind.CLOSURE_SUBMITTED,
        duban.EventKind.CLOSURE_APPROVED,
    ]
    assert events[2].ref == first and events[2].text == "缺少资金拨付凭证"
    assert events[3].evidence == ("临财〔2025〕8号", "拨付凭证.pdf") and events[3].user == "张三"
    assert events[4].ref == second and str(events[4].kind) == "closure_approved"

    assert state_of(ledger, "7", D(2025, 6, 24)).closure is duban.ClosureState.OPEN
    pending = state_of(ledger, "7", D(2025, 6, 26))
    assert pending.closure is duban.ClosureState.SUBMITTED
    assert (pending.submission, pending.submitted) == (first, D(2025, 6, 25))
    with ledger.directory() as units:
        assert pending.submitted_by == units.id_of("区财政局")
    assert state_of(ledger, "7", D(2025, 6, 24)).submitted_by is None
    submitted = ledger.event(pending.submission)
    assert (submitted.id, submitted.kind, submitted.text) == (first, duban.EventKind.CLOSURE_SUBMITTED, "资金已拨付")
    with pytest.raises(duban.NotFoundError):
        ledger.event(999999)
    back = state_of(ledger, "7", D(2025, 7, 1))
    assert back.closure is duban.ClosureState.RETURNED
    assert (back.return_reason, back.decided, back.last_returned) == ("缺少资金拨付凭证", D(2025, 6, 27), D(2025, 6, 27))
    assert back.latest_report is not None and back.latest_report.percent == 100.0
    assert back.latest_report.status is duban.ReportStatus.DONE
    closed = state_of(ledger, "7", D(2025, 7, 10))
    assert closed.closure is duban.ClosureState.CLOSED
    assert (closed.done, closed.decided) == (D(2025, 7, 8), D(2025, 7, 10))  # done when handed in
    assert closed.to_dict()["closure"] == "closed" and closed.to_dict()["done"] == "2025-07-08"
    assert repr(closed) == "<duban.ItemState 7 closed, due 2025-06-30>"


def test_extensions_refused_then_approved(office):
    ledger, _ = office
    with pytest.raises(duban.PermissionRefusedError, match="may not request an extension"):
        ledger.request_extension(4, D(2025, 8, 31), unit="区财政局", date=D(2025, 6, 20), reason="x")
    asked = ledger.request_extension(4, D(2025, 8, 31), unit="区委组织部", date=D(2025, 6, 20), reason="人选待定")
    with pytest.raises(duban.InvalidArgumentError, match="reason"):
        ledger.refuse_extension(asked, unit=OFFICE, date=D(2025, 6, 22), reason="")
    refused = ledger.refuse_extension(asked, unit=OFFICE, date=D(2025, 6, 22), reason="理由不充分")
    again = ledger.request_extension("4", D(2025, 7, 31), unit="区委组织部", date=D(2025, 6, 24), reason="人选需报批")
    ledger.approve_extension(again, unit=OFFICE, date=D(2025, 6, 26))

    request = next(iter(ledger.history(4)))
    assert request.kind is duban.EventKind.EXTENSION_REQUESTED
    assert (request.until, request.due, request.text) == (D(2025, 8, 31), D(2025, 6, 30), "人选待定")
    st = state_of(ledger, "4", D(2025, 7, 1))
    assert (st.original_due, st.current_due) == (D(2025, 6, 30), D(2025, 7, 31))
    assert [(x.request, x.until, x.decision) for x in st.extensions] == [
        (asked, D(2025, 8, 31), duban.ExtensionDecision.REFUSED),
        (again, D(2025, 7, 31), duban.ExtensionDecision.APPROVED),
    ]
    assert st.latest_report is None
    # As of the day the first was asked, it was still pending.
    early = state_of(ledger, "4", D(2025, 6, 21))
    assert [x.decision for x in early.extensions] == [duban.ExtensionDecision.PENDING]
    assert refused > asked
