"""Progress toward 100 %: the inventory, the figures, and the CSV and PDF reports."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pikepdf
import pytest

from station.domain import DocState
from station.errors import BadInput, NotAllowed
from station.workflow.progress import import_inventory, progress_report, report_csv, report_pdf
from tests.helpers import PASSWORD, add_users
from tests.helpers import station as run_cli
from tests.people import FIELDS, PW, confirmed, new_document, staffed

INVENTORY = (
    "Mã hồ sơ;Thủ tục;Số văn bản;Số trang;Tên hồ sơ\n"
    "G03.K1-02-05.0001;1.001;4;10;Hồ sơ tốt nghiệp 2021\n"
    "G03.K1-02-05.0002;1.001;2;4;Hồ sơ tốt nghiệp 2022\n"
    "G03.K1-02-06.0001;2.002;5;5;Giấy phép\n"
)


def _inventory(tmp_path: Path, text: str = INVENTORY) -> Path:
    path = tmp_path / "inventory.csv"
    path.write_text(text, encoding="utf-8-sig")
    return path


def test_inventory_import_reads_vietnamese_headers_and_is_all_or_nothing(tmp_path: Path) -> None:
    station = staffed(tmp_path / "data")
    with pytest.raises(NotAllowed):
        import_inventory(station, _inventory(tmp_path), user="lan")
    result = import_inventory(station, _inventory(tmp_path), user="minh")
    assert result == {"files": 3, "added": 3, "updated": 0, "expected_documents": 11, "expected_pages": 19}
    bad = _inventory(tmp_path, "file_code,procedure,expected_documents,expected_pages\n"
                               "G03.K1-02-05.0001,1.001,9,9\nX,1.001,two,4\n")
    with pytest.raises(BadInput, match="Line 3 .*expected_documents must be a whole number"):
        import_inventory(station, bad, user="minh")
    rows = station.store.db.execute("SELECT expected_documents FROM inventory WHERE file_code = ?",
                                    ("G03.K1-02-05.0001",)).fetchone()
    assert rows[0] == 4  # nothing of the bad file was stored
    with pytest.raises(BadInput, match="lacks the column"):
        import_inventory(station, _inventory(tmp_path, "file_code,procedure\nA,1\n"), user="minh")
    with pytest.raises(BadInput, match="repeats file_code"):
        import_inventory(station, _inventory(tmp_path, "file_code,procedure,expected_documents,expected_pages\n"
                                                       "A,1,1,1\nA,1,1,1\n"), user="minh")
    again = import_inventory(station, _inventory(tmp_path), user="admin")
    assert again["added"] == 0 and again["updated"] == 3
    assert [e["action"] for e in station.store.events()].count("inventory_import") == 2


def test_report_counts_against_the_inventory_per_procedure_operator_and_day(tmp_path: Path) -> None:
    station = staffed(tmp_path / "data")
    import_inventory(station, _inventory(tmp_path), user="minh")
    a = confirmed(station, by="lan", pages=3)  # paper file G03.K1-02-05.0001 (FIELDS), procedure 1.001
    b = confirmed(station, by="hoa", pages=2)
    station.approve(a, user="minh")
    station.approve(b, user="minh")
    with station.store.transaction():
        station.store.set_state(b, DocState.SEALED)
    c = new_document(station, pages=1, batch_settings={"paper_file_code": "G03.K1-02-06.0001"})  # not confirmed
    outside = new_document(station, batch="other", pages=4,
                           batch_settings={"paper_file_code": "NOT-LISTED", "procedure_code": "9.9"})
    new_document(station, batch="raw", pages=1)  # processing documents are not digitized yet
    with station.store.transaction():
        station.store.db.execute("UPDATE documents SET state = 'processing' WHERE batch_id ="
                                 " (SELECT id FROM batches WHERE name = 'raw')")
    report = progress_report(station)
    p1, p2 = report["procedures"]
    assert (p1["procedure"], p1["files"], p1["expected_documents"], p1["expected_pages"]) == ("1.001", 2, 6, 14)
    assert (p1["digitized_documents"], p1["digitized_pages"], p1["approved_documents"], p1["approved_pages"],
            p1["archived_documents"]) == (2, 5, 2, 5, 0)
    assert p1["digitized_percent"] == round(100 * 2 / 6, 1) and p1["archived_percent"] == 0.0
    assert (p2["procedure"], p2["digitized_documents"], p2["approved_documents"]) == ("2.002", 1, 0)
    o = report["overall"]
    assert (o["expected_documents"], o["digitized_documents"], o["digitized_pages"], o["approved_documents"]) == (
        11, 3, 6, 2)
    assert report["outside_inventory"]["digitized_documents"] == 1
    assert report["outside_inventory"]["by_procedure"] == [{"procedure": "9.9", "digitized_documents": 1}]
    ops = {x["operator"]: x for x in report["operators"]}
    assert ops["lan"]["confirmed_documents"] == 1 and ops["lan"]["confirmed_pages"] == 3
    assert ops["hoa"]["approved_documents"] == 1 and set(ops) == {"lan", "hoa"}
    day = report["days"][-1]
    assert day["digitized_documents"] == 4 and day["confirmed_documents"] == 2 and day["approved_documents"] == 2
    assert report["sync_backlog"] == {"documents": 1, "pages": 2}
    assert c and outside and report["station"] == station.store.station_id


def test_report_exports_as_csv_and_as_pdf_with_an_embedded_vietnamese_font(tmp_path: Path) -> None:
    station = staffed(tmp_path / "data")
    import_inventory(station, _inventory(tmp_path), user="minh")
    confirmed(station, by="lan")
    report = progress_report(station)
    report_csv(report, tmp_path / "r.csv")
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with a BOM as UTF-8
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0]["section"] == "overall" and rows[0]["expected_documents"] == "11"
    assert [r["name"] for r in rows if r["section"] == "procedure"] == ["1.001", "2.002"]
    assert [r["name"] for r in rows if r["section"] == "operator"] == ["lan"]
    report_pdf(report, tmp_path / "r.pdf")
    with pikepdf.open(tmp_path / "r.pdf") as pdf:
        fonts = [f for page in pdf.pages for f in page.Resources.Font.values()]
        # Every font is an embedded TrueType subset: no unembedded Helvetica sits in the resources.
        assert fonts and all(f.Subtype == "/TrueType" and "/FontFile2" in f.FontDescriptor for f in fonts)
    text = subprocess.run(["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Báo cáo tiến độ số hóa hồ sơ" in text and "Tổng cộng" in text and "1.001" in text


def test_cli_report_and_inventory(tmp_path: Path) -> None:
    data = tmp_path / "data"
    add_users(data, {"minh": "supervisor", "lan": "operator"})
    inv = _inventory(tmp_path)
    run_cli("inventory", "import", inv, data_dir=data, check=2)  # --user is required
    p = run_cli("inventory", "import", inv, "--user", "lan", data_dir=data, check=7, password=PASSWORD)
    assert "only an admin or supervisor" in p.stderr
    run_cli("inventory", "import", inv, "--user", "minh", data_dir=data, check=7, password="wrong-password")
    done = json.loads(run_cli("inventory", "import", inv, "--user", "minh", "--json", data_dir=data,
                              password=PASSWORD).stdout)
    assert done["files"] == 3
    report = json.loads(run_cli("report", "--json", "--pdf", tmp_path / "r.pdf", "--csv", tmp_path / "r.csv",
                                data_dir=data).stdout)
    assert report["overall"]["expected_pages"] == 19 and report["overall"]["digitized_documents"] == 0
    assert [p["procedure"] for p in report["procedures"]] == ["1.001", "2.002"]
    assert (tmp_path / "r.pdf").stat().st_size > 1000 and (tmp_path / "r.csv").is_file()
    human = run_cli("report", data_dir=data).stdout
    assert "TOTAL" in human and "sync backlog: 0 document(s)" in human
    assert PW == PASSWORD
    assert FIELDS["paper_file_code"] in _inventory(tmp_path).read_text(encoding="utf-8-sig")
