"""Words the interface shows for core values: states, quality flags, scanner faults, form problems.

The core speaks English sentences and enum keys (paperless-ngx's habit); here they become the
operator's language through Qt Linguist, so every one of them is in the .ts catalogues.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station.errors import ScannerError


def state_name(state: str) -> str:
    names = {
        "processing": QCoreApplication.translate("texts", "Processing"),
        "needs_review": QCoreApplication.translate("texts", "To check"),
        "confirmed": QCoreApplication.translate("texts", "Confirmed"),
        "approved": QCoreApplication.translate("texts", "Approved"),
        "rejected": QCoreApplication.translate("texts", "Sent back"),
        "sealed": QCoreApplication.translate("texts", "Sealed"),
        "synced": QCoreApplication.translate("texts", "In the archive"),
        "failed": QCoreApplication.translate("texts", "Failed"),
    }
    return names.get(state, state)


def flag_name(flag: str) -> str:
    names = {
        "dark_border": QCoreApplication.translate("texts", "dark border"),
        "punch_holes": QCoreApplication.translate("texts", "punch holes"),
        "low_contrast": QCoreApplication.translate("texts", "low contrast"),
        "low_dpi": QCoreApplication.translate("texts", "low resolution"),
        "blur": QCoreApplication.translate("texts", "blurred"),
        "residual_skew": QCoreApplication.translate("texts", "still skewed"),
    }
    return names.get(flag, flag)


def scanner_error(exc: ScannerError) -> str:
    """A scanner fault in plain words with what to do next; the driver's own sentence as detail."""
    from station.scanner.base import CoverOpen, DeviceUnavailable, FeederEmpty, PaperJam, ScannerBusy

    if isinstance(exc, PaperJam):
        return QCoreApplication.translate("texts", "Paper jam — remove the paper, then press Scan more")
    if isinstance(exc, CoverOpen):
        return QCoreApplication.translate("texts", "The scanner cover is open — close it, then press Scan more")
    if isinstance(exc, FeederEmpty):
        return QCoreApplication.translate("texts", "The feeder is empty — put the paper in, then press Scan")
    if isinstance(exc, ScannerBusy):
        return QCoreApplication.translate("texts", "The scanner is busy — wait a moment and try again")
    if isinstance(exc, DeviceUnavailable):
        return QCoreApplication.translate(
            "texts", "The scanner does not answer — check its cable and power, then press Scan")
    return QCoreApplication.translate("texts", "Scanner error: %1").replace("%1", exc.message)


_PROBLEMS = [
    (re.compile(r"^required"), QT_TRANSLATE_NOOP("texts", "Required")),
    (re.compile(r"is not a date|is not a real date"), QT_TRANSLATE_NOOP("texts", "Not a date: enter it as dd/mm/yyyy")),
    (re.compile(r"is in the future"), QT_TRANSLATE_NOOP("texts", "The date is in the future: check the date printed on the page")),
    (re.compile(r"not in the code list"), QT_TRANSLATE_NOOP("texts", "Pick a value from the list")),
    (re.compile(r"is not a whole number"), QT_TRANSLATE_NOOP("texts", "Enter digits only")),
    (re.compile(r"characters, at most"), QT_TRANSLATE_NOOP("texts", "Too long: shorten it")),
    (re.compile(r"is not a plausible year"), QT_TRANSLATE_NOOP("texts", "Not a plausible year")),
    (re.compile(r"is not 'organ id \. year \. file notation'"),
     QT_TRANSLATE_NOOP("texts", "Enter the file code as organ id . year . file notation, e.g. 000.00.00.G03.2021.01")),
    (re.compile(r"NFC"), QT_TRANSLATE_NOOP("texts", "Re-enter this text (the keyboard sent separate accent marks)")),
]


def problem_text(message: str) -> str:
    """The operator's sentence for a validation problem; unknown ones keep the core's English."""
    body = message.split(": ", 1)[1] if ": " in message else message
    for pattern, text in _PROBLEMS:
        if pattern.search(body):
            return QCoreApplication.translate("texts", text)
    return body


_STATUS = [
    (re.compile(r"feeding the sample pages|^Scanning page (\d+)$"), QT_TRANSLATE_NOOP("texts", "Scanning…")),
    (re.compile(r"scanning one page$|^Page scanned$"), QT_TRANSLATE_NOOP("texts", "Scanning one page…")),
    (re.compile(r"stopped after (\d+) page"), QT_TRANSLATE_NOOP("texts", "Stopped after %1 page(s)")),
    (re.compile(r"(\d+) page\(s\) scanned"), QT_TRANSLATE_NOOP("texts", "%1 page(s) scanned")),
    (re.compile(r"^Feeder empty after (\d+) pages"), QT_TRANSLATE_NOOP("texts", "Feeder empty after %1 page(s)")),
    (re.compile(r"^Scan cancelled"), QT_TRANSLATE_NOOP("texts", "Scan stopped")),
    (re.compile(r"busy; waiting"), QT_TRANSLATE_NOOP("texts", "The scanner is busy — waiting for it")),
    (re.compile(r"has no \d+ dpi; scanning at (\d+) dpi"),
     QT_TRANSLATE_NOOP("texts", "The scanner lacks that resolution; scanning at %1 dpi")),
]


def scanner_status(message: str) -> str:
    """A driver's progress sentence (English, per back end) in the operator's words; unknown ones as sent."""
    for pattern, text in _STATUS:
        m = pattern.search(message)
        if m:
            out = QCoreApplication.translate("texts", text)
            return out.replace("%1", m.group(1)) if m.groups() and m.group(1) else out
    return message


_ARCHIVE_REJECTED = re.compile(r"^The archive rejected package (\S+): (.*?)\. Fix the document, confirm it again and "
                               r"have it approved and sealed again\.$", re.S)


def reject_note(note: str) -> str:
    """The note a document was sent back with; the archive's (station.sync.outbox) in the operator's words.

    The archive's reasons stay as the archive wrote them: they are its words, quoted."""
    m = _ARCHIVE_REJECTED.match(note)
    if not m:
        return note
    return QCoreApplication.translate("texts", "the archive refused package %1: %2. Correct the document, confirm it "
                                               "again and have it approved and sealed again.").replace(
        "%1", m.group(1)).replace("%2", m.group(2))
