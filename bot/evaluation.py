"""Answer quality on a question set: recall@k, MRR, no-match accuracy and list-name coverage per kind.

It scores what users get: the events the retriever returns and the headline the answer composer writes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.answer import compose
from retrieval.search import Retriever

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[1] / "data" / "eval" / "questions.jsonl"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    lang: str
    kind: str
    gold: tuple[str, ...]
    names: tuple[str, ...] = ()


def load_questions(path: Path | None = None) -> list[Question]:
    """Read a JSONL question set (id, question, lang, kind, gold ids, optional names)."""
    path = Path(path or DEFAULT_QUESTIONS)
    questions = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            questions.append(
                Question(
                    str(raw["id"]), raw["question"], raw["lang"], raw["kind"],
                    tuple(raw["gold"]), tuple(raw.get("names", ())),
                )
            )
        except (ValueError, KeyError) as exc:
            raise ValueError(f"{path}:{line_no}: bad question ({exc})") from None
    return questions


def score_question(retriever: Retriever, q: Question, k: int = 5, k_long: int = 10) -> dict[str, Any]:
    """One question's figures: recall within the cut-off, reciprocal rank, no-match correctness."""
    # Long lists get a longer cut-off; list and date answers are judged on everything they return.
    cutoff = k_long if len(q.gold) > k else k
    result = retriever.search(q.question, k=cutoff)
    ids = [h.event.id for h in result.hits]
    judged = ids if (result.is_list or result.date_only) else ids[:cutoff]
    row: dict[str, Any] = {"id": q.id, "kind": q.kind, "lang": q.lang, "no_match": result.no_match, "returned": len(ids)}
    if not q.gold:
        row["no_match_ok"] = result.no_match
        return row
    gold = set(q.gold)
    row["recall"] = len(gold & set(judged)) / len(gold)
    ranked = ids if not (result.is_list or result.date_only) else sorted(ids, key=lambda i: -next(h.score for h in result.hits if h.event.id == i))
    row["rr"] = next((1 / (rank + 1) for rank, i in enumerate(ranked) if i in gold), 0.0)
    row["no_match_ok"] = not result.no_match
    row["precision"] = len(gold & set(judged)) / len(judged) if judged else 0.0
    if q.names:
        headline = compose(result).headline
        row["names"] = sum(1 for n in q.names if n in headline) / len(q.names)
    return row


def _aggregate(rows: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in rows if "recall" in r]
    unanswerable = [r for r in rows if "recall" not in r]
    named = [r for r in rows if "names" in r]
    mean = lambda xs: round(sum(xs) / len(xs), 3) if xs else None  # noqa: E731
    return {
        "questions": len(rows),
        "recall": mean([r["recall"] for r in answerable]),
        "mrr": mean([r["rr"] for r in answerable]),
        "precision": mean([r["precision"] for r in answerable]),
        "no_match_accuracy": mean([1.0 if r["no_match_ok"] else 0.0 for r in unanswerable]),
        "false_no_match": sum(1 for r in answerable if r["no_match"]),
        "list_names": mean([r["names"] for r in named]),
    }


def evaluate(retriever: Retriever, questions: Iterable[Question], k: int = 5, k_long: int = 10) -> dict[str, Any]:
    """Figures overall, per kind and per language, plus the questions that missed."""
    questions = list(questions)
    rows: list[dict[str, Any]] = []
    # Embedded in batches ahead of scoring, a slice at a time: a slice larger than the query cache would evict its
    # first vectors before they are asked and embed them twice.
    step = max(1, retriever.cache_size // 2)
    for start in range(0, len(questions), step):
        chunk = questions[start : start + step]
        retriever.warm(q.question for q in chunk)
        rows.extend(score_question(retriever, q, k, k_long) for q in chunk)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[f"kind:{row['kind']}"].append(row)
        groups[f"lang:{row['lang']}"].append(row)
    misses = [r for r in rows if r.get("recall", 1.0) < 1.0 or not r["no_match_ok"] or r.get("rr", 1.0) < 1.0]
    return {
        "overall": _aggregate(rows),
        "groups": {name: _aggregate(group) for name, group in sorted(groups.items())},
        "misses": misses,
    }


def format_report(report: dict[str, Any], show_misses: bool = False) -> str:
    """A table of the figures, one row per group."""
    header = f"{'group':<16}{'n':>5}{'recall':>9}{'MRR':>8}{'prec':>8}{'no-match':>10}{'false-nm':>10}{'names':>8}"
    lines = [header, "-" * len(header)]

    def fmt(value: Any) -> str:
        return "-" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)

    for name, agg in [("overall", report["overall"]), *report["groups"].items()]:
        lines.append(
            f"{name:<16}{agg['questions']:>5}{fmt(agg['recall']):>9}{fmt(agg['mrr']):>8}{fmt(agg['precision']):>8}"
            f"{fmt(agg['no_match_accuracy']):>10}{agg['false_no_match']:>10}{fmt(agg['list_names']):>8}"
        )
    if show_misses:
        lines.append("")
        lines.extend(json.dumps(m, ensure_ascii=False) for m in report["misses"])
    return "\n".join(lines)
