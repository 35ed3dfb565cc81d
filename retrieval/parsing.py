"""Turn a chronicle (大事记) text extracted from a yearbook PDF into dated events.

The text is hard-wrapped, with month headers (``3月``), day entries (``17日``, ``18—19日``), ``△`` for a
further event on the same date, month-level entries (``2月  园区在…``) and page headers and footers.
Everything here is pure except :func:`parse_chronicle_file` and :func:`load_chronicles`, which read files.
"""

from __future__ import annotations

import calendar
import codecs
import re
from collections import Counter
from pathlib import Path

from .errors import ChronicleFormatError
from .events import Event

# Whitespace a PDF leaves around: ASCII blanks, em/hair/ideographic spaces, NBSP.
_WS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_WS_RUN = re.compile(_WS + "+")
# Invisible characters that never belong to a quote.
_INVISIBLE = re.compile("[\ufffd\ufeff\u200b-\u200d\u2060]")
# Page artifacts: the running header is a line of its own, the footer may trail an entry's last line.
_HEADER = re.compile(r"^大事记$")
_FOOTER = re.compile("（园" + _WS + "*鉴）")

_MONTH_HEADER = re.compile(r"^(\d{1,2})月$")
# A day entry: "17日", "18—19日" followed by a separator or an opening quote/bracket, then the text.
_DAY_ENTRY = re.compile(r"^(\d{1,2})(?:[—–\-~～至](\d{1,2}))?日(?:" + _WS + r"+|(?=[“《「（(\"]))(.*)$")
_MONTH_ENTRY = re.compile(r"^(\d{1,2})月" + _WS + r"+(\S.*)$")
_FURTHER = re.compile(r"^△" + _WS + r"*(.*)$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def _is_latin(ch: str) -> bool:
    return ch.isascii() and not ch.isspace()


def clean_text(lines: list[str]) -> str:
    """Join hard-wrapped lines into one paragraph, dropping the spaces a PDF left inside Chinese text."""
    joined = ""
    for line in lines:
        line = _WS_RUN.sub(" ", line).strip()
        if not line:
            continue
        # A line break between two Latin words was a space; anywhere else (Chinese, "APG-"+"2575") it was not.
        if joined and joined[-1].isascii() and joined[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            joined += " "
        joined += line

    def keep_latin_space(match: re.Match[str]) -> str:
        before = joined[match.start() - 1] if match.start() > 0 else ""
        after = joined[match.end()] if match.end() < len(joined) else ""
        return " " if before and after and _is_latin(before) and _is_latin(after) else ""

    return re.sub(" +", keep_latin_space, joined).strip()


def _strip_artifacts(line: str) -> str:
    line = _INVISIBLE.sub("", line)
    line = _FOOTER.sub("", line)
    return line.rstrip()


def parse_chronicle(text: str, year: int, source_name: str) -> list[Event]:
    """Parse one year's chronicle text; raises ChronicleFormatError naming ``source_name`` and the line."""
    # Each entry under construction: [date, date_end, first line number, text lines].
    entries: list[tuple[str, str | None, int, list[str]]] = []
    month: int | None = None
    last_date: str | None = None

    def fail(line_no: int, message: str) -> ChronicleFormatError:
        return ChronicleFormatError(source_name, line_no, message)

    for line_no, raw in enumerate(text.split("\n"), start=1):
        line = _strip_artifacts(raw).strip(" \t\r\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u3000")
        if not line or _HEADER.match(line):
            continue
        if m := _MONTH_HEADER.match(line):
            new_month = int(m.group(1))
            if not 1 <= new_month <= 12:
                raise fail(line_no, f"month header {line!r} is not a month")
            if month is not None and new_month <= month:
                raise fail(line_no, f"month header {line!r} comes after {month}月; months must increase")
            month, last_date = new_month, None
            continue
        if m := _DAY_ENTRY.match(line):
            if month is None:
                raise fail(line_no, f"day entry {line[:12]!r} before any month header")
            days = calendar.monthrange(year, month)[1]
            day = int(m.group(1))
            if not 1 <= day <= days:
                raise fail(line_no, f"{day}日 does not exist in {year}年{month}月 (it has {days} days)")
            date = f"{year:04d}-{month:02d}-{day:02d}"
            date_end = None
            if m.group(2):
                end = int(m.group(2))
                if not day < end <= days:
                    raise fail(line_no, f"date range {day}—{end}日 is not a range of days in {month}月")
                date_end = f"{year:04d}-{month:02d}-{end:02d}"
            entries.append((date, date_end, line_no, [m.group(3)]))
            last_date = date
            continue
        if m := _MONTH_ENTRY.match(line):
            if month is None or int(m.group(1)) != month:
                where = f"inside {month}月" if month else "before any month header"
                raise fail(line_no, f"month-level entry {m.group(1)}月 {where}; is a month header missing?")
            date = f"{year:04d}-{month:02d}"
            entries.append((date, None, line_no, [m.group(2)]))
            last_date = date
            continue
        if m := _FURTHER.match(line):
            if last_date is None:
                raise fail(line_no, "'△' entry with no dated entry before it in its month")
            previous_end = next(e[1] for e in reversed(entries) if e[0] == last_date)
            entries.append((last_date, previous_end, line_no, [m.group(1)]))
            continue
        if month is None:
            raise fail(line_no, f"text {line[:12]!r} before any month header")
        if not entries or last_date is None:
            raise fail(line_no, f"text {line[:12]!r} is not inside any dated entry of {month}月")
        entries[-1][3].append(line)

    events: list[Event] = []
    per_date: Counter[str] = Counter()
    for date, date_end, line_no, lines in entries:
        body = clean_text(lines)
        if not body:
            raise fail(line_no, "entry has no text")
        per_date[date] += 1
        events.append(Event(f"{date}-{per_date[date]}", date, date_end, body, f"{source_name}:{line_no}"))
    return events


def year_of(path: Path) -> int:
    """The chronicle's year, taken from its file name (``2020.txt``, ``sip-2020.txt``)."""
    m = _YEAR_IN_NAME.search(path.stem)
    if not m:
        raise ChronicleFormatError(str(path), None, "file name must contain the year, e.g. 2020.txt")
    return int(m.group(1))


def decode_chronicle(data: bytes, source_name: str) -> str:
    """Decode UTF-8 strictly; undecodable bytes are refused with their line."""
    # Drop the BOM here rather than with "utf-8-sig": that codec reports error offsets past the BOM, which
    # would count the newlines of the wrong bytes.
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ChronicleFormatError(source_name, line, f"bytes that are not UTF-8 ({exc.reason})") from None


def parse_chronicle_file(path: Path) -> list[Event]:
    """Read and parse one chronicle file; the source of each event is ``<file name>:<line>``."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ChronicleFormatError(str(path), None, f"cannot read: {exc.strerror}") from None
    return parse_chronicle(decode_chronicle(data, path.name), year_of(path), path.name)


def chronicle_files(data_dir: Path) -> list[Path]:
    """The chronicle files under ``data_dir``, one per year, in year order."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise ChronicleFormatError(str(data_dir), None, "chronicle directory does not exist")
    files = sorted(p for p in data_dir.glob("*.txt") if p.is_file())
    if not files:
        raise ChronicleFormatError(str(data_dir), None, "no chronicle files (*.txt) in this directory")
    years: dict[int, Path] = {}
    for path in files:
        year = year_of(path)
        if year in years:
            raise ChronicleFormatError(str(path), None, f"a second chronicle for {year} (first: {years[year].name})")
        years[year] = path
    return [years[y] for y in sorted(years)]


def load_chronicles(data_dir: Path) -> list[Event]:
    """Parse every chronicle under ``data_dir`` into one list of events in date order."""
    events: list[Event] = []
    for path in chronicle_files(data_dir):
        events.extend(parse_chronicle_file(path))
    return events
