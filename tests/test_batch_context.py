"""Issue 5 around the extractor: barcodes, separator sheets, batch and procedure context, duplicate
warning, and what a confirmation keeps. Real zxing-cpp on real and rendered pages; OCR is not run
(suggestions are recorded as the processing stage would), so these stay fast."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from station.barcode import BarcodeRules, dossier_code, is_separator, read_codes
from station.domain import DocState, SplitMode
from station.errors import NotFound, StationError, UsageError
from station.metadata.procedures import find_procedure, load_procedures, shipped_file
from station.workflow import Station
from tests.people import staffed

RULES = BarcodeRules(dossier_pattern=r"\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-\d{6}-\d{4}", separator_prefix="SEP-")


def page_with_code(text: str, fmt: zxingcpp.BarcodeFormat, at: tuple[int, int] = (1500, 300)) -> Image.Image:
    """A white A4 page at 150 dpi with some 'text' bars and one code, as a receipt carries it."""
    page = Image.new("L", (1240, 1754), 255)
    code = Image.fromarray(np.asarray(zxingcpp.create_barcode(text, fmt).to_image(scale=4)))
    page.paste(code, (min(at[0], page.width - code.width - 40), at[1]))
    arr = np.asarray(page).copy()
    for y in range(700, 1500, 40):
        arr[y : y + 12, 150:1000] = 30  # lines of 'text'
    return Image.fromarray(arr)


def test_patch_t_sheet_from_naps2_is_a_separator(corpus: Path) -> None:
    codes = read_codes(corpus / "naps2" / "patcht.jpg")
    assert is_separator(codes, RULES)
    assert not is_separator(codes, BarcodeRules(patch_t=False))
    assert not is_separator(read_codes(corpus / "naps2" / "notblank.jpg"), RULES)


def test_qr_code_fills_the_dossier_code_only_when_it_matches_the_pattern() -> None:
    page = page_with_code("000.00.00.G03-230315-0001", zxingcpp.BarcodeFormat.QRCode)
    found = dossier_code(read_codes(page), RULES)
    assert found is not None and found.text == "000.00.00.G03-230315-0001"
    x, y, w, h = found.bbox
    assert 900 < x < 1240 and 250 < y < 400 and w > 50 and h > 50
    assert dossier_code(read_codes(page_with_code("https://example.org/x", zxingcpp.BarcodeFormat.QRCode)),
                        RULES) is None
    wrapped = BarcodeRules(dossier_pattern=r"https://dvc\.example/hs/(?P<code>[\w.\-]+)")
    code = dossier_code(read_codes(page_with_code("https://dvc.example/hs/000.00.00.G03-230315-0002",
                                                  zxingcpp.BarcodeFormat.QRCode)), wrapped)
    assert code is not None and code.text == "000.00.00.G03-230315-0002"
    assert is_separator(read_codes(page_with_code("SEP-0007", zxingcpp.BarcodeFormat.Code128)), RULES)
    with pytest.raises(UsageError, match="regular expression"):
        BarcodeRules(dossier_pattern="([")


def test_split_separator_starts_documents_and_drops_the_sheets(tmp_path: Path, corpus: Path) -> None:
    files = []
    for n, image in enumerate([
        page_with_code("000.00.00.G03-230315-0001", zxingcpp.BarcodeFormat.QRCode),
        page_with_code("SEP-1", zxingcpp.BarcodeFormat.Code128),
        Image.new("L", (1240, 1754), 255),
        Image.new("L", (1240, 1754), 250),
    ]):
        path = tmp_path / f"p{n}.png"
        image.save(path, dpi=(150, 150))
        files.append(path)
    files.insert(4, corpus / "naps2" / "patcht.jpg")
    files.append(tmp_path / "p9.png")
    Image.new("L", (1240, 1754), 240).save(files[-1], dpi=(150, 150))
    st = Station(tmp_path / "data")
    try:
        report = st.import_files(files, batch="b1", split=SplitMode.SEPARATOR)
        assert [d["page_count"] for d in report.documents] == [1, 2, 1]
        assert report.to_dict()["separators"] == 2
        sources = [[p.source_name for p in st.store.pages(d["id"])] for d in report.documents]
        assert sources == [["p0.png"], ["p2.png", "p3.png"], ["p9.png"]]
    finally:
        st.close()


def test_procedure_list_is_checked_and_an_admin_copy_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = load_procedures(shipped_file())
    assert len(shipped) >= 5 and len({p.code for p in shipped}) == len(shipped)
    admin = tmp_path / "admin"
    admin.mkdir()
    monkeypatch.setenv("STATION_ADMIN_SETTINGS", str(admin / "settings.json"))
    (admin / "procedures.json").write_text(json.dumps({"procedures": [
        {"code": "9.000001", "name": "Thủ tục thử", "maintenance": "06", "rights": "03"}]}), "utf-8")
    assert [p.code for p in load_procedures()] == ["9.000001"]
    assert find_procedure("9.000001").rights == "03"
    with pytest.raises(NotFound, match="not in the procedure list"):
        find_procedure(shipped[0].code)
    (admin / "procedures.json").write_text(json.dumps({"procedures": [
        {"code": "9.000001", "name": "X", "maintenance": "09", "rights": "01"}]}), "utf-8")
    with pytest.raises(StationError, match="maintenance '09'"):
        load_procedures()


def imported(st: Station, tmp_path: Path, name: str, **context: str) -> str:
    path = tmp_path / f"{name}.png"
    Image.new("L", (1240, 1754), 255).save(path, dpi=(150, 150))
    report = st.import_files([path], batch="lot-7", context=context or None)
    return str(report.documents[0]["id"])


def processed(st: Station, doc_id: str, suggestions: dict[str, tuple[str, float]]) -> None:
    """Record suggestions as the processing stage does after OCR."""
    with st.store.transaction():
        st.store.set_state(doc_id, DocState.NEEDS_REVIEW, suggestions={
            k: {"value": v, "confidence": c, "page": 1, "bbox": [0, 0, 10, 10]} for k, (v, c) in suggestions.items()})


READ = {
    "type_name": ("QUYẾT ĐỊNH", 0.95),
    "code_number": ("1274", 0.93),
    "code_notation": ("QĐ-BGDĐT", 0.93),
    "issued_date": ("2021-03-05", 0.9),
    "organ_name": ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", 0.9),
    "subject": ("Về việc công nhận kết quả", 0.88),
    "signer_name": ("Đỗ Hữu Quyết", 0.4),  # unsure: shown, not filled
}


def test_batch_context_procedure_defaults_ordinal_duplicates_and_confirmation(tmp_path: Path) -> None:
    st = staffed(tmp_path / "data")  # accounts: lan confirms as an operator
    try:
        procedure = load_procedures()[3]
        first = imported(st, tmp_path, "a", organ="000.00.00.g03", file_code="2021.01",
                         paper_file_code="BGDĐT.K1-G2-H3.15", procedure=procedure.code)
        second = imported(st, tmp_path, "b")
        for doc_id in (first, second):
            processed(st, doc_id, READ)
        draft = st.draft_metadata(second)
        assert draft["file_code"] == "000.00.00.G03.2021.01"
        assert draft["paper_file_code"] == "BGDĐT.K1-G2-H3.15"
        assert (draft["procedure_code"], draft["maintenance"], draft["rights"]) == (
            procedure.code, procedure.maintenance, procedure.rights)
        assert (st.draft_metadata(first)["doc_ordinal"], draft["doc_ordinal"]) == ("1", "2")
        assert "signer_name" not in draft and draft["code_number"] == "1274"

        shown = st.show(second)
        warnings = [p for p in shown["problems"] if p.get("severity") == "warning"]
        assert len(warnings) == 1 and first in warnings[0]["message"] and warnings[0]["field"] == "code_number"
        assert [p for p in shown["problems"] if p.get("severity") != "warning"] == []

        done = st.confirm(first, accept_suggestions=True, sets={"subject": "Về việc công nhận kết quả thẩm định"},
                          user="lan")
        c = done["confirmation"]
        assert done["confirmed_by"] == "lan" and done["confirmed_at"] == c["at"] and c["by"] == "lan"
        assert c["fields"]["subject"] == "overridden" and c["fields"]["code_number"] == "accepted"
        assert c["fields"]["file_code"] == "default"
        assert done["metadata"]["subject"] == "Về việc công nhận kết quả thẩm định"
        assert "warnings" in c  # the second document reads the same: warned, not merged
        assert st.show(second)["problems"][-1]["severity"] == "warning"

        with pytest.raises(UsageError, match="organ identifier"):
            st.set_batch_context("lot-8", organ="G03")
        with pytest.raises(UsageError, match="file notation"):
            st.set_batch_context("lot-8", file_code="HS-01")
        with pytest.raises(NotFound, match="procedure list"):
            st.set_batch_context("lot-8", procedure="0.000000")
    finally:
        st.close()
