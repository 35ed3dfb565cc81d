"""The answer engine shared by every front end: questions, follow-ups, paging and browsing per chat.

It wraps a :class:`retrieval.search.Retriever`, caps and cleans questions, keeps a small conversation state per
chat (the last topic and dates, so "那4月呢？" or "and in Hong Kong?" reuse it) and composes answers with
:mod:`bot.answer`. Thread-safe: Telegram calls it from worker threads, one chat at a time or many at once.
"""

from __future__ import annotations

import gc
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer import PAGE_SIZE, Answer, compose, is_chinese
from bot.config import Settings
from retrieval.dates import parse_dates
from retrieval.events import Event
from retrieval.search import Hit, Retriever, SearchResult, topic_of

MAX_CHATS = 10_000
_FOLLOW_UP = re.compile(
    r"^\s*(?:那么?|那要是|还有|再看看|换成|and\b|what\s+about\b|how\s+about\b|and\s+what\s+about\b|same\s+for\b)"
    r"|呢\s*[？?]?\s*$",
    re.I,
)
_FOLLOW_UP_WORDS = re.compile(
    r"^\s*(?:那么?|那要是|还有|再看看|换成|and|what\s+about|how\s+about|same\s+for)\s*|(?:呢|的呢)?\s*[？?。.!！]*\s*$",
    re.I,
)
# Slots a follow-up may swap: a new value of the same kind replaces the old one in the previous question.
# Each value is (how the chronicle writes it, what users type); longer spellings first.
_SLOTS: list[list[tuple[str, tuple[str, ...]]]] = [
    [
        ("科创板", ("科创板", "STAR Market", "Sci-Tech Innovation Board", "STAR board")),
        ("香港联合交易所", ("香港联合交易所", "港交所", "联交所", "Hong Kong Stock Exchange", "HKEX", "香港", "Hong Kong")),
        ("新三板", ("新三板", "NEEQ", "New Third Board")),
        ("上海证券交易所", ("上海证券交易所", "上交所", "Shanghai Stock Exchange", "Shanghai")),
        ("深圳证券交易所", ("深圳证券交易所", "深交所", "Shenzhen Stock Exchange", "Shenzhen")),
    ],
]


_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,200})?/?>")


def clean_question(text: str, limit: int) -> tuple[str, str | None]:
    """Drop markup tags, control, bidi and zero-width characters, cap the length; returns (question, notice)."""
    text = unicodedata.normalize("NFC", text)
    # Line breaks and tabs (Cc, but whitespace) separate words: keep them as spaces, drop every other control.
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"}
    )
    # Markup pasted into a question ("<b>科创板</b><script>…</script>") is not what is asked.
    text = _SCRIPT.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        return text[:limit], f"问题过长，只按前 {limit} 个字回答。 (Question cut to its first {limit} characters.)"
    return text, None


@dataclass
class ChatState:
    """What one chat asked last: for follow-ups, /more and paging."""

    question: str = ""
    topic: str = ""
    answer: Answer | None = None
    page: int = 0


@dataclass
class About:
    chronicles: list[str]
    event_count: int
    first_date: str
    last_date: str
    model: str
    index_type: str = ""
    extra: dict = field(default_factory=dict)


class ChronicleEngine:
    """Questions in, answers out; conversation state kept per chat key."""

    def __init__(self, retriever: Retriever, max_question_chars: int = 500, page_size: int = PAGE_SIZE) -> None:
        self.retriever = retriever
        self.max_question_chars = max_question_chars
        self.page_size = page_size
        self._chats: OrderedDict[Hashable, ChatState] = OrderedDict()
        self._lock = threading.Lock()

    def _state(self, chat: Hashable) -> ChatState:
        with self._lock:
            state = self._chats.get(chat)
            if state is None:
                state = self._chats[chat] = ChatState()
                if len(self._chats) > MAX_CHATS:
                    self._chats.popitem(last=False)
            self._chats.move_to_end(chat)
            return state

    def resolve(self, question: str, state: ChatState) -> str:
        """The question to search: a follow-up is merged with the previous question; others pass through."""
        if not state.question or not _FOLLOW_UP.search(question):
            return question
        new_dates = parse_dates(question, self.retriever.years)
        new_topic = topic_of(_FOLLOW_UP_WORDS.sub(" ", new_dates.rest)).strip()
        previous = parse_dates(state.question, self.retriever.years)
        base = state.question
        if new_dates.spans:
            # "那4月呢？" after "3月有哪些签约项目？": the previous question with the new date in place of the old.
            labels = [span.label for span in previous.spans if span.label and span.label in base]
            if len(labels) == 1:
                base = base.replace(labels[0], new_dates.label)
            else:
                for label in labels:
                    base = base.replace(label, " ")
                base = f"{base.strip()} {new_dates.label}"
        if not new_topic:
            return re.sub(r"\s+", " ", base).strip()
        swapped = _swap_slot(base, new_topic)
        if swapped:
            return swapped
        # Another subject with the same question: keep the question's frame, add the new subject.
        return re.sub(r"\s+", " ", f"{base} {new_topic}").strip()

    def ask(self, question: str, chat: Hashable = "local", k: int = 5) -> Answer:
        """Answer one question in the context of ``chat``."""
        cleaned, notice = clean_question(question, self.max_question_chars)
        if not cleaned:
            zh = True
            return Answer(question, "请输入一个问题，例如：哪些公司在科创板上市？ (Ask a question, e.g. which companies listed on the STAR Market?)", [], True, notice=notice, chinese=zh)
        state = self._state(chat)
        effective = self.resolve(cleaned, state)
        result = self.retriever.search(effective, k=k)
        answer = compose(result, notice=notice, shown_question=cleaned)
        if effective != cleaned:
            answer.notice = ((answer.notice + " ") if answer.notice else "") + (
                f"（理解为：{effective}）" if is_chinese(cleaned) else f"(understood as: {effective})"
            )
        if not (result.no_match and not result.dates.spans):
            state.question, state.topic = effective, topic_of(result.dates.rest)
        state.answer, state.page = answer, 0
        return answer

    def search(self, question: str, k: int = 5) -> SearchResult:
        """A stateless search (inline queries, ask --json)."""
        cleaned, _ = clean_question(question, self.max_question_chars)
        return self.retriever.search(cleaned, k=k)

    def more(self, chat: Hashable = "local", k_more: int = 5) -> Answer | None:
        """The next results of the chat's last question (widening the search when the page runs out)."""
        state = self._state(chat)
        if state.answer is None or state.answer.no_match:
            return None
        shown = (state.page + 1) * self.page_size
        if shown >= state.answer.total and not state.answer.is_list:
            # Ask the retriever for more than were shown so far.
            result = self.retriever.search(state.question, k=shown + k_more)
            state.answer = compose(result, shown_question=state.answer.question)
        if shown >= state.answer.total:
            return None
        state.page += 1
        return state.answer

    def month(self, month: int, chat: Hashable = "local", year: int | None = None) -> Answer:
        """Every event of a month, in date order."""
        label = f"{year}年{month}月" if year else f"{month}月"
        hits = [Hit(e, 1.0) for e in self.retriever.events if e.month == month and (year is None or e.year == year)]
        result = SearchResult(label, hits, not hits, True, parse_dates(label), date_only=True)
        answer = compose(result)
        state = self._state(chat)
        state.answer, state.page = answer, 0
        return answer

    def clear(self, chat: Hashable = "local") -> None:
        with self._lock:
            self._chats.pop(chat, None)

    def about(self) -> About:
        events: list[Event] = self.retriever.events
        manifest = self.retriever.index.manifest
        chronicles = sorted({e.source.split(":")[0] for e in events})
        return About(
            chronicles,
            len(events),
            min(e.date for e in events) if events else "",
            max((e.date_end or e.date) for e in events) if events else "",
            Path(str(manifest.get("model", "?"))).name,
            str(manifest.get("index_type", "")),
        )


def _swap_slot(previous: str, new_topic: str) -> str | None:
    """``previous`` with its value of a slot (科创板) replaced by the follow-up's value of it (Hong Kong)."""
    lowered_new, lowered_prev = new_topic.lower(), previous.lower()
    for slot in _SLOTS:
        new = next((zh for zh, names in slot if any(n.lower() in lowered_new for n in names)), None)
        old = next(((zh, n) for zh, names in slot for n in names if n.lower() in lowered_prev), None)
        if new and old and new != old[0]:
            # Written the chronicle's way in a Chinese question, the user's way in an English one.
            replacement = new if is_chinese(previous) else next(
                n for zh, names in slot if zh == new for n in names if n.lower() in lowered_new
            )
            return re.sub(re.escape(old[1]), replacement, previous, count=1, flags=re.I)
    return None


def open_engine(settings: Settings, progress: Callable[[str], None] | None = None, show_progress: bool = False) -> ChronicleEngine:
    """Load the model and the index (building it on first use) and return a ready engine."""
    from retrieval.embedding import SentenceTransformerEmbedder
    from retrieval.index import ensure_index
    from retrieval.lexical import warm_up as load_lexicon

    # The glossary (and the compiled word lexicon, opened in milliseconds) load in the background while the
    # model does.
    lexicon = threading.Thread(target=load_lexicon, name="lexicon", daemon=True)
    lexicon.start()
    embedder = SentenceTransformerEmbedder(settings.model)
    index, _ = ensure_index(settings.data_dir, settings.index_dir, embedder, progress=progress, show_progress=show_progress)
    if progress:
        progress(f"loading the model {Path(embedder.name).name}")
    embedder.warm_up()
    if settings.torch_threads:
        import torch

        # One question is one short sequence: a thread or two is all it uses well, and more threads than free
        # cores make every question wait for the slowest (measured in docs/performance.md).
        torch.set_num_threads(settings.torch_threads)
    lexicon.join()
    retriever = Retriever(index, embedder)
    # What is loaded lives as long as the process: kept out of the garbage collector's sight, a full collection
    # (due now and then in a long-running bot) walks what questions leave behind, not the model's, index's and
    # tables' ~450,000 objects (a 350 ms pause in the middle of someone's question, measured).
    gc.freeze()
    # The pinyin and abbreviation indexes build in the background too, so no question waits for them.
    threading.Thread(target=retriever.keys.warm_up, name="key-term indexes", daemon=True).start()
    return ChronicleEngine(retriever, max_question_chars=settings.max_question_chars)
