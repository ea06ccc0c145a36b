"""Page work through the core: every operation, its undo, and the rules on when it is allowed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from station.domain import DocState, SplitMode, Stage
from station.errors import NotAllowed, UsageError
from station.workflow import Station
from station.workflow.pages import PageWork, import_pages


def _image(path: Path, label: str, size: tuple[int, int] = (300, 200)) -> Path:
    im = Image.new("L", size, 255)
    ImageDraw.Draw(im).rectangle((20, 20, 120, 60), fill=0)
    im.save(path, dpi=(300, 300))
    return path


def _mark_processed(station: Station, doc_id: str, blank: set[int] = frozenset()) -> None:  # type: ignore[assignment]
    """Record cleanup and OCR as the pipeline would (the cleaned image is the source), then finalize."""
    store = station.store
    with store.transaction():
        for page in store.pages(doc_id):
            is_blank = page.idx in blank
            store.record_stage(page.id, Stage.CLEANUP, ok=True, blob=page.source_blob,
                               result={"blank": is_blank, "width": page.width, "height": page.height,
                                       "orientation_deg": 0, "flags": [], "colour_mode": "gray"})
            lines = [] if is_blank else [{"text": f"page {page.source_name}", "bbox": [20, 20, 100, 40],
                                          "words": []}]
            store.record_stage(page.id, Stage.OCR, ok=True, result={"lines": lines, "language": "vie",
                                                                      "engine": "test"})
    station._suggest(doc_id)


def _finish(station: Station, doc_id: str) -> None:
    """What the next pipeline run does for pages whose stages were cleared: record them again."""
    _mark_pending_done(station, doc_id)
    if station.store.document(doc_id)["state"] == DocState.PROCESSING.value:
        station._suggest(doc_id)


def _mark_pending_done(station: Station, doc_id: str) -> None:
    store = station.store
    with store.transaction():
        for page in store.pages(doc_id):
            have = store.stage_results(page.id)
            if Stage.CLEANUP.value not in have:
                store.record_stage(page.id, Stage.CLEANUP, ok=True, blob=page.source_blob,
                                   result={"blank": False, "width": page.width, "height": page.height})
            if Stage.OCR.value not in have:
                store.record_stage(page.id, Stage.OCR, ok=True, result={"lines": [], "language": "vie",
                                                                          "engine": "test"})


@pytest.fixture
def station(tmp_path: Path) -> Station:
    s = Station(tmp_path / "data")
    s.accounts.add("admin", "admin", "mật-khẩu-thử-1", by=None)
    s.accounts.add("an", "operator", "mật-khẩu-thử-1", by="admin")  # confirms in the tests below
    s.accounts.add("chi", "supervisor", "mật-khẩu-thử-1", by="admin")  # and rejects
    yield s
    s.close()


@pytest.fixture
def doc(station: Station, tmp_path: Path) -> str:
    files = [_image(tmp_path / f"p{i}.png", str(i)) for i in range(1, 5)]
    report = station.import_files(files, batch="b1", split=SplitMode.NONE)
    doc_id = report.documents[0]["id"]
    _mark_processed(station, doc_id)
    return doc_id


def names(station: Station, doc_id: str) -> list[str]:
    return [p.source_name for p in station.store.pages(doc_id)]


def test_move_and_undo_restore_the_order(station: Station, doc: str) -> None:
    work = PageWork(station)
    pages = station.store.pages(doc)
    work.move(pages[3].id, 1, user="an")
    assert names(station, doc) == ["p4.png", "p1.png", "p2.png", "p3.png"]
    assert [p.idx for p in station.store.pages(doc)] == [1, 2, 3, 4]
    assert station.store.document(doc)["state"] == DocState.NEEDS_REVIEW.value  # text order only
    assert work.can_undo(doc) == "move"
    assert work.undo(doc, user="an") == "move"
    assert names(station, doc) == ["p1.png", "p2.png", "p3.png", "p4.png"]
    assert work.can_undo(doc) is None
    with pytest.raises(UsageError, match="no page change to undo"):
        work.undo(doc)


def test_remove_goes_to_the_bin_and_comes_back(station: Station, doc: str) -> None:
    work = PageWork(station)
    second = station.store.pages(doc)[1]
    work.remove(second.id, user="an")
    assert names(station, doc) == ["p1.png", "p3.png", "p4.png"]
    assert station.store.document(doc)["state"] == DocState.PROCESSING.value
    (entry,) = work.bin(doc)
    assert entry.source_name == "p2.png"
    _finish(station, doc)
    assert station.show(doc)["page_count"] == 3
    work.restore(entry.id, user="an")
    assert names(station, doc) == ["p1.png", "p3.png", "p4.png", "p2.png"]
    # The restored page keeps its cleanup and OCR: nothing to run again.
    assert set(station.store.stage_results(second.id)) == {"cleanup", "ocr"}
    assert work.bin(doc) == []
    _finish(station, doc)
    assert work.undo(doc) == "restore"
    assert names(station, doc) == ["p1.png", "p3.png", "p4.png"]
    assert len(work.bin(doc)) == 1
    assert work.undo(doc) == "remove"
    assert names(station, doc) == ["p1.png", "p2.png", "p3.png", "p4.png"]
    assert work.bin(doc) == []
    assert station.store.document(doc)["state"] == DocState.NEEDS_REVIEW.value


def test_the_only_page_is_not_removed(station: Station, tmp_path: Path) -> None:
    report = station.import_files([_image(tmp_path / "one.png", "1")], batch="b")
    doc_id = report.documents[0]["id"]
    _mark_processed(station, doc_id)
    with pytest.raises(UsageError, match="only page"):
        PageWork(station).remove(station.store.pages(doc_id)[0].id)


def test_rotate_turns_the_cleaned_page_and_asks_for_ocr_again(station: Station, doc: str) -> None:
    work = PageWork(station)
    page = station.store.pages(doc)[0]
    before = station.store.stage_results(page.id)["cleanup"]
    work.rotate(page.id, 90, user="an")
    after = station.store.stage_results(page.id)
    assert "ocr" not in after
    turned = after["cleanup"]
    assert (turned["result"]["width"], turned["result"]["height"]) == (200, 300)
    with Image.open(station.store.blobs.path(turned["blob"])) as im:
        assert im.size == (200, 300)
    assert station.store.document(doc)["state"] == DocState.PROCESSING.value
    with pytest.raises(UsageError, match="still being processed"):
        work.rotate(page.id, 90)
    _finish(station, doc)
    work.undo(doc)
    again = station.store.stage_results(page.id)
    assert again["cleanup"]["blob"] == before["blob"] and "ocr" in again
    with pytest.raises(UsageError, match="90, 180 or 270"):
        work.rotate(page.id, 45)


def test_blank_marks_and_page_amount(station: Station, doc: str) -> None:
    work = PageWork(station)
    pages = station.store.pages(doc)
    assert station.draft_metadata(doc)["page_amount"] == "4"
    work.set_blank(pages[2].id, True)
    assert station.draft_metadata(doc)["page_amount"] == "3"
    assert station.show(doc)["pages"][2]["blank"] is True
    work.set_blank(pages[2].id, False)
    assert station.draft_metadata(doc)["page_amount"] == "4"
    assert station.show(doc)["pages"][2]["blank"] is False
    work.undo(doc)
    work.undo(doc)
    assert station.draft_metadata(doc)["page_amount"] == "4"


def test_a_page_found_blank_is_kept_when_unmarked(station: Station, tmp_path: Path) -> None:
    files = [_image(tmp_path / f"q{i}.png", str(i)) for i in range(1, 3)]
    doc_id = station.import_files(files, batch="b", split=SplitMode.NONE).documents[0]["id"]
    _mark_processed(station, doc_id, blank={2})
    assert station.draft_metadata(doc_id)["page_amount"] == "1"
    PageWork(station).set_blank(station.store.pages(doc_id)[1].id, False)
    shown = station.show(doc_id)["pages"][1]
    assert shown["blank"] is True and shown["keep_blank"] is True
    assert station.draft_metadata(doc_id)["page_amount"] == "2"


def test_split_and_merge_and_their_undo(station: Station, doc: str) -> None:
    work = PageWork(station)
    third = station.store.pages(doc)[2]
    new_id = work.split(third.id, user="an")
    assert names(station, doc) == ["p1.png", "p2.png"]
    assert names(station, new_id) == ["p3.png", "p4.png"]
    assert station.store.document(new_id)["batch"] == "b1"
    _finish(station, doc)
    _finish(station, new_id)
    assert {d["id"] for d in station.list_documents(state="needs_review")} == {doc, new_id}
    work.merge(doc, new_id, user="an")
    assert names(station, doc) == ["p1.png", "p2.png", "p3.png", "p4.png"]
    assert [d["id"] for d in station.list_documents()] == [doc]
    _finish(station, doc)
    assert work.undo(doc) == "merge"
    assert names(station, new_id) == ["p3.png", "p4.png"]
    assert work.undo(doc) == "split"
    assert [d["id"] for d in station.list_documents()] == [doc]
    assert names(station, doc) == ["p1.png", "p2.png", "p3.png", "p4.png"]
    with pytest.raises(UsageError, match="after the first"):
        work.split(station.store.pages(doc)[0].id)


def test_undo_waits_for_a_later_change_to_a_shared_document(station: Station, doc: str) -> None:
    work = PageWork(station)
    new_id = work.split(station.store.pages(doc)[2].id)
    _finish(station, doc)
    _finish(station, new_id)
    work.move(station.store.pages(new_id)[1].id, 1)
    # The split named both documents; the move on the new one must be undone before it.
    with pytest.raises(UsageError, match="later change"):
        work._undoable(doc)
    assert work.undo(new_id) == "move"
    assert work.undo(doc) == "split"


def test_insert_and_rescan_in_place(station: Station, doc: str, tmp_path: Path) -> None:
    work = PageWork(station)
    extra = import_pages(station, [_image(tmp_path / "new.png", "n", size=(320, 240))])
    work.insert(doc, 2, extra, user="an")
    assert names(station, doc) == ["p1.png", "new.png", "p2.png", "p3.png", "p4.png"]
    _finish(station, doc)
    target = station.store.pages(doc)[0]
    (fresh,) = import_pages(station, [_image(tmp_path / "rescan.png", "r", size=(400, 300))])
    work.replace(target.id, fresh, user="an")
    page = station.store.page(target.id)
    assert (page.idx, page.width, page.source_name) == (1, 400, "rescan.png")
    assert station.store.stage_results(target.id) == {}
    _finish(station, doc)
    work.undo(doc)
    assert station.store.page(target.id).source_name == "p1.png"
    work.undo(doc)
    assert names(station, doc) == ["p1.png", "p2.png", "p3.png", "p4.png"]


def test_no_page_work_or_undo_once_confirmed(station: Station, doc: str) -> None:
    work = PageWork(station)
    work.move(station.store.pages(doc)[1].id, 1)
    sets = {"organ_name": "BỘ GIÁO DỤC VÀ ĐÀO TẠO", "type_name": "CÔNG VĂN", "issued_date": "2021-03-01",
            "subject": "Về việc thử", "file_code": "000.00.00.G03.2021.01", "paper_file_code": "K1.01.02.03",
            "code_number": "12", "code_notation": "BGDĐT-VP"}
    station.confirm(doc, sets=sets, user="an")
    assert work.can_undo(doc) is None
    with pytest.raises(NotAllowed, match="confirmed"):
        work.undo(doc)
    with pytest.raises(NotAllowed):
        work.move(station.store.pages(doc)[0].id, 2)
    station.reject(doc, reason="trang 2 mờ", user="chi")
    # Rejected: page work is open again, but the change made before confirming stays.
    with pytest.raises(NotAllowed, match="confirmed after"):
        work.undo(doc)
    work.move(station.store.pages(doc)[0].id, 2)
    assert work.undo(doc) == "move"


def test_merge_across_batches_is_refused(station: Station, doc: str, tmp_path: Path) -> None:
    other = station.import_files([_image(tmp_path / "o.png", "o")], batch="b2").documents[0]["id"]
    _mark_processed(station, other)
    with pytest.raises(UsageError, match="different batches"):
        PageWork(station).merge(doc, other)
