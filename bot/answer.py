"""Compose an answer from search hits: quotes only, each with its date. Shared by CLI, console and Telegram.

Nothing here invents text: the headline is a count plus names cut out of the quoted events, and every quote is
an event's text verbatim. Rendering differs per front end (plain text, HTML); the content does not.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from retrieval.entities import organisations
from retrieval.events import Event
from retrieval.search import Hit, SearchResult

PAGE_SIZE = 5
_CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_NAMES_PER_EVENT = 6


def is_chinese(text: str) -> bool:
    """True when the question is written in Chinese (answer headlines follow its language)."""
    return bool(_CJK.search(text))


def names_in(event: Event, terms: tuple[str, ...]) -> list[str]:
    """The organisations an event names in the clauses that matched the question (see retrieval.entities)."""
    return organisations(event.text, terms)[:MAX_NAMES_PER_EVENT]


@dataclass(frozen=True)
class Quote:
    """One quoted event: its date label and verbatim text, with the words that matched the question."""

    event: Event
    score: float
    highlights: tuple[str, ...] = ()

    @property
    def date(self) -> str:
        return self.event.date_label()


@dataclass
class Answer:
    """Everything a front end shows for one question."""

    question: str
    headline: str
    quotes: list[Quote]
    no_match: bool
    is_list: bool = False
    names: list[str] = field(default_factory=list)
    notice: str | None = None
    chinese: bool = True

    @property
    def total(self) -> int:
        return len(self.quotes)

    def page(self, number: int, size: int = PAGE_SIZE) -> list[Quote]:
        """The quotes of page ``number`` (0-based)."""
        return self.quotes[number * size : (number + 1) * size]

    def pages(self, size: int = PAGE_SIZE) -> int:
        return max(1, -(-len(self.quotes) // size))


def compose(result: SearchResult, notice: str | None = None, shown_question: str | None = None) -> Answer:
    """The answer to a search result: a headline, then the quoted events."""
    question = shown_question or result.question
    zh = is_chinese(question) or not question.strip()
    quotes = [Quote(h.event, h.score, h.terms) for h in result.hits]
    if result.no_match or not quotes:
        if result.dates.spans and result.date_only:
            when = result.dates.label
            headline = f"大事记中没有{when}的记事。" if zh else f"The chronicle records no event for {when}."
        elif result.dates.invalid and not result.dates.spans and not result.hits:
            bad = "、".join(result.dates.invalid)
            headline = f"“{bad}”不是有效的日期。" if zh else f"“{bad}” is not a valid date."
        else:
            headline = (
                "大事记中没有找到与这个问题相关的记事。" if zh else "The chronicle has nothing about this question."
            )
        return Answer(question, headline, [], True, result.is_list, [], notice, zh)

    names: list[str] = []
    if result.date_only:
        when = result.dates.label
        headline = f"{when}共有 {len(quotes)} 条记事：" if zh else f"{len(quotes)} events in the chronicle for {when}:"
    elif result.is_list:
        for quote in quotes:
            for name in names_in(quote.event, quote.highlights):
                if name not in names:
                    names.append(name)
        listed = ("、" if zh else ", ").join(names)
        if zh:
            headline = f"找到 {len(quotes)} 条相关记事（按日期）" + (f"：{listed}" if listed else "：")
        else:
            headline = f"{len(quotes)} matching events, by date" + (f": {listed}" if listed else ":")
    else:
        headline = "最相关的记事：" if zh else "The most relevant events in the chronicle:"
    return Answer(question, headline, quotes, False, result.is_list, names, notice, zh)


def render_plain(answer: Answer, page: int | None = None, size: int = PAGE_SIZE) -> str:
    """Plain text: headline, then one line per quote (``2020年5月11日  text``); all quotes unless ``page``."""
    lines = [answer.notice] if answer.notice else []
    lines.append(answer.headline)
    quotes = answer.quotes if page is None else answer.page(page, size)
    for quote in quotes:
        lines.append(f"• {quote.date}  {quote.event.text}")
    if page is not None and answer.pages(size) > 1:
        more = "（/more 查看更多）" if answer.chinese else "(/more for more)"
        if page + 1 < answer.pages(size):
            lines.append(f"[{page + 1}/{answer.pages(size)}] {more}")
    return "\n".join(lines)


def _highlight_html(text: str, highlights: tuple[str, ...]) -> str:
    if not highlights:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(h) for h in sorted(highlights, key=len, reverse=True)))
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        out.append(f"<u>{html.escape(m.group(0))}</u>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def render_html(answer: Answer, page: int = 0, size: int = PAGE_SIZE) -> str:
    """Telegram HTML: every piece of chronicle and user text escaped; the date bold, matches underlined."""
    parts = []
    if answer.notice:
        parts.append(f"<i>{html.escape(answer.notice)}</i>")
    parts.append(html.escape(answer.headline))
    for quote in answer.page(page, size):
        parts.append(f"<b>{html.escape(quote.date)}</b>  {_highlight_html(quote.event.text, quote.highlights)}")
    if answer.pages(size) > 1:
        parts.append(f"<i>{page + 1}/{answer.pages(size)}</i>")
    return "\n\n".join(parts)


def hit_to_json(hit: Hit) -> dict:
    return {**hit.event.to_dict(), "score": round(hit.score, 4)}
