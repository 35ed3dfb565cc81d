"""The Event: one dated entry of a chronicle. Pure data, no I/O."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Event:
    """One chronicle entry: ``date`` is ISO ``2020-05-11`` or ``2020-02`` for a month-level entry."""

    id: str
    date: str
    date_end: str | None
    text: str
    source: str

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def month(self) -> int:
        return int(self.date[5:7])

    @property
    def day(self) -> int | None:
        """Day of month, or None for a month-level entry."""
        return int(self.date[8:10]) if len(self.date) == 10 else None

    @property
    def last_day(self) -> int | None:
        """Last day covered (the range end when there is one)."""
        end = self.date_end or self.date
        return int(end[8:10]) if len(end) == 10 else None

    @property
    def stated(self) -> str:
        """The text with the span it covers, when it covers several days: what the entry says, date included."""
        return f"{self.text}（{self.date_label()}）" if self.date_end else self.text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            id=str(data["id"]),
            date=str(data["date"]),
            date_end=None if data.get("date_end") is None else str(data["date_end"]),
            text=str(data["text"]),
            source=str(data["source"]),
        )

    def date_label(self) -> str:
        """The date as a reader of the chronicle writes it: 2020年5月11日, 2020年5月18—19日, 2020年2月."""
        label = f"{self.year}年{self.month}月"
        if self.day is None:
            return label
        label += f"{self.day}日"
        if self.date_end:
            end_month = int(self.date_end[5:7])
            end_day = int(self.date_end[8:10])
            label = label[:-1] + (f"—{end_day}日" if end_month == self.month else f"—{end_month}月{end_day}日")
        return label

    def date_label_en(self) -> str:
        """The date in English: 11 May 2020, 18–19 May 2020, May 2020."""
        import calendar

        month = calendar.month_name[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        if self.date_end:
            return f"{self.day}–{self.last_day} {month} {self.year}"
        return f"{self.day} {month} {self.year}"
