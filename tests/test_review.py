"""The review queue, what the operator changed, sending back, and the sampling mode."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from station.errors import NotAllowed, UsageError
from station.workflow.review import operator_queue, pick_sample, record_sample_check, review_queue
from tests.people import FIELDS, confirmed, new_document, staffed


def test_queue_is_oldest_first_and_filters_by_operator_procedure_and_flags(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    a = confirmed(station, by="lan", batch_settings={"procedure_code": "1.001"})
    time.sleep(1.1)  # confirmation times are to the second
    b = confirmed(station, by="hoa", batch="b2", batch_settings={"procedure_code": "2.002"},
                  suggestions={"code_number": "99", "subject": FIELDS["subject"]})
    time.sleep(1.1)
    c = confirmed(station, by="lan", batch="b3")
    new_document(station)  # not confirmed: not in the queue
    assert [d["id"] for d in review_queue(station)] == [a, b, c]
    assert [d["id"] for d in review_queue(station, operator="LAN")] == [a, c]
    assert [d["id"] for d in review_queue(station, procedure="2.002")] == [b]
    assert [d["id"] for d in review_queue(station, procedure="")] == [c]
    assert [d["id"] for d in review_queue(station, flags=["edited"])] == [b]
    item = review_queue(station, operator="hoa")[0]
    assert item["confirmed_by"] == "hoa" and item["procedure"] == "2.002" and item["page_count"] == 2
    changes = {c["field"]: c for c in item["changes"]}
    # The page said 99, the operator typed 15: both are in the data, and who decided.
    assert changes["code_number"] == {"field": "code_number", "suggested": "99", "confidence": 0.9, "value": "15",
                                      "source": "operator"}
    assert changes["subject"]["source"] == "suggestion"
    assert changes["language"]["source"] == "default" and changes["language"]["suggested"] is None


def test_rejection_goes_back_to_its_operator_with_the_note(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    waiting = new_document(station)
    doc = confirmed(station, by="lan")
    station.reject(doc, reason="Trang 2 bị mờ, quét lại", user="minh")
    assert review_queue(station) == []
    mine = operator_queue(station, "lan")
    assert [d["id"] for d in mine] == [doc, waiting]
    assert mine[0]["reject_reason"] == "Trang 2 bị mờ, quét lại" and mine[0]["state"] == "rejected"
    assert [d["id"] for d in operator_queue(station, "hoa")] == [waiting]
    station.confirm(doc, sets={}, user="lan")
    item = review_queue(station)[0]
    assert item["id"] == doc and "rejected_before" in item["flags"]


def test_sampling_picks_a_share_and_each_document_once(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    docs = [confirmed(station, by="lan", batch=f"b{i}") for i in range(4)]
    with pytest.raises(NotAllowed):
        pick_sample(station, user="lan", share=0.5)
    with pytest.raises(UsageError, match="between 0 and 1"):
        pick_sample(station, user="minh", share=1.5)
    picked = pick_sample(station, user="minh", share=0.5, rng=random.Random(7))
    assert len(picked) == 2 and set(picked) <= set(docs)
    assert pick_sample(station, user="minh", share=0.5) == []  # already considered
    late = confirmed(station, by="lan", batch="late")
    assert pick_sample(station, user="minh", share=0.01) == [late]  # at least one when the share is above 0
    assert {d["id"] for d in review_queue(station, flags=["sampled"])} == {*picked, late}
    station.change_setting("review.sample_share", 0.0, user="admin")
    assert pick_sample(station, user="minh") == []


def test_a_sampled_document_is_approved_only_after_a_full_passing_check(tmp_path: Path) -> None:
    station = staffed(tmp_path)
    doc = confirmed(station, by="minh", pages=3)
    other = confirmed(station, by="lan", batch="b2")
    assert pick_sample(station, user="tuan", share=0.5, rng=random.Random(1)) in ([doc], [other])
    station.store.db.execute("UPDATE review_samples SET picked = (document_id = ?)", (doc,))
    with pytest.raises(NotAllowed, match="record the check"):
        station.approve(doc, user="tuan")
    with pytest.raises(UsageError, match="not picked"):
        record_sample_check(station, other, user="tuan", passed=True, pages_checked=[1, 2])
    with pytest.raises(NotAllowed, match="four-eyes"):
        record_sample_check(station, doc, user="minh", passed=True, pages_checked=[1, 2, 3])
    with pytest.raises(UsageError, match=r"page\(s\) 3"):
        record_sample_check(station, doc, user="tuan", passed=True, pages_checked=[1, 2])
    with pytest.raises(UsageError, match="needs a note"):
        record_sample_check(station, doc, user="tuan", passed=False, pages_checked=[1, 2, 3])
    failed = record_sample_check(station, doc, user="tuan", passed=False, pages_checked=[1, 2, 3],
                                 note="Trang 3 thiếu chữ ký")
    assert failed["sample"] == {"result": "fail", "checked_by": "tuan", "note": "Trang 3 thiếu chữ ký"}
    with pytest.raises(NotAllowed, match="failed its page-by-page check"):
        station.approve(doc, user="tuan")
    station.reject(doc, reason="Trang 3 thiếu chữ ký", user="tuan")
    station.confirm(doc, sets={}, user="minh")  # confirmed again: it is checked again
    assert "sample_pending" in review_queue(station, flags=["sampled"])[0]["flags"]
    record_sample_check(station, doc, user="tuan", passed=True, pages_checked=[3, 2, 1])
    assert station.approve(doc, user="tuan")["state"] == "approved"
    trail = [e["action"] for e in station.store.events(doc)]
    assert trail.count("sample_check") == 2 and "sample_check_refused" in trail
