"""The `chronicle` command: events, info, index, ask, chat, telegram, eval, bench."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot.config import Settings, SettingsError

Handler = Callable[[argparse.Namespace, Settings], int]


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    """List the parsed events."""
    from retrieval.parsing import load_chronicles

    events = load_chronicles(settings.data_dir)
    if args.month is not None:
        events = [e for e in events if e.month == args.month]
    if args.json:
        _print_json([e.to_dict() for e in events])
    else:
        for event in events:
            print(f"{event.id:<16} {event.date_label():<16} {event.text}")
        print(f"{len(events)} events", file=sys.stderr)
    return 0


def cmd_info(args: argparse.Namespace, settings: Settings) -> int:
    """Print the settings in force, with the token masked."""
    from retrieval.parsing import chronicle_files, load_chronicles

    events = load_chronicles(settings.data_dir)
    info = {
        "embedding_model": settings.model,
        "data_dir": str(settings.data_dir),
        "chronicles": [p.name for p in chronicle_files(settings.data_dir)],
        "index_dir": str(settings.index_dir),
        "event_count": len(events),
        "date_range": [events[0].date, events[-1].date] if events else None,
        "telegram_bot_token": settings.masked_token,
        "telegram_api_base_url": settings.telegram_api_base_url,
        "allowed_chats": sorted(settings.allowed_chats),
        "log_level": settings.log_level,
    }
    if args.json:
        _print_json(info)
    else:
        width = max(len(k) for k in info)
        for key, value in info.items():
            print(f"{key:<{width}}  {value}")
    return 0


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def cmd_index(args: argparse.Namespace, settings: Settings) -> int:
    """Build the index (skipped when nothing changed)."""
    import time

    from retrieval.embedding import SentenceTransformerEmbedder
    from retrieval.index import ensure_index

    started = time.perf_counter()
    embedder = SentenceTransformerEmbedder(settings.model)
    index, rebuilt = ensure_index(
        settings.data_dir, settings.index_dir, embedder, force=args.force, progress=_progress, show_progress=True,
        keep_serving=False,  # a broken chronicle fails `chronicle index`; `ask` and the bots keep the old index
    )
    seconds = time.perf_counter() - started
    state = "built" if rebuilt else "up to date"
    print(f"index {state}: {len(index.events)} events, {index.manifest['index_type']}, "
          f"model {Path(str(index.manifest['model'])).name} ({seconds:.1f}s) in {settings.index_dir}")
    return 0


def _answer_json(engine: object, question: str, k: int) -> dict:
    from bot.answer import compose, hit_to_json, render_plain
    from bot.engine import clean_question

    cleaned, notice = clean_question(question, engine.max_question_chars)  # type: ignore[attr-defined]
    if not cleaned:  # nothing left to search: the same prompt the console and Telegram give
        prompt = engine.ask(cleaned)  # type: ignore[attr-defined]
        return {"question": question, "answer": render_plain(prompt), "no_match": True, "events": []}
    result = engine.retriever.search(cleaned, k=k)  # type: ignore[attr-defined]
    answer = compose(result, notice=notice, shown_question=cleaned)
    return {
        # Lone surrogates (undecodable bytes on the command line) cannot be printed as UTF-8.
        "question": question.encode("utf-8", "replace").decode("utf-8"),
        "answer": render_plain(answer),
        "no_match": answer.no_match,
        "events": [hit_to_json(h) for h in result.hits],
    }


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer one question, or one per line of stdin with QUESTION '-'."""
    from bot.answer import render_plain
    from bot.engine import open_engine

    engine = open_engine(settings, progress=_progress if args.verbose else None)
    if args.question == "-" and hasattr(sys.stdin, "reconfigure"):
        # Undecodable bytes become U+FFFD: one bad line must not end the session with a traceback.
        sys.stdin.reconfigure(errors="replace")
    questions = (line.rstrip("\n") for line in sys.stdin) if args.question == "-" else [args.question]
    for question in questions:
        if args.question == "-" and not question.strip():
            continue
        if args.json:
            print(json.dumps(_answer_json(engine, question, args.k), ensure_ascii=False), flush=True)
        else:
            print(render_plain(engine.ask(question, chat="cli", k=args.k)), flush=True)
            if args.question == "-":
                print(flush=True)
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    """Run the question set and print recall@k, MRR and no-match accuracy per kind."""
    from bot.engine import open_engine
    from bot.evaluation import evaluate, format_report, load_questions

    engine = open_engine(settings)
    report = evaluate(engine.retriever, load_questions(args.questions))
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_report(report, show_misses=args.misses))
    return 0


def cmd_chat(args: argparse.Namespace, settings: Settings) -> int:
    """Start the console chat."""
    from bot.console import run_console

    return run_console(settings)


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    """Measure speed and memory against their floors."""
    from bot.bench import run_bench

    return run_bench(settings, args)


def cmd_telegram(args: argparse.Namespace, settings: Settings) -> int:
    """Run the Telegram bot."""
    from bot.telegram_app import run_telegram

    return run_telegram(settings, args)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="chronicle",
        description="Ask questions of event chronicles (大事记); answers quote the dated events.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("events", help="list the parsed events", description="List the parsed events.")
    p.add_argument("--month", type=int, choices=range(1, 13), metavar="M", help="only events of month M (1-12)")
    p.add_argument("--json", action="store_true", help="print one JSON array of event objects")
    p.set_defaults(handler=cmd_events)

    p = sub.add_parser("info", help="show the settings in force", description="Show the settings in force.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("index", help="build the search index", description="Embed every event and write the FAISS index; skipped when nothing changed.")
    p.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
    p.set_defaults(handler=cmd_index)

    p = sub.add_parser("ask", help="answer a question", description="Answer a question by quoting the matching events.")
    p.add_argument("question", metavar="QUESTION", help="the question; '-' reads one question per line from stdin")
    p.add_argument("-k", type=int, default=5, help="how many events to quote for a non-list question (default 5)")
    p.add_argument("--json", action="store_true", help="one JSON object per question")
    p.add_argument("-v", "--verbose", action="store_true", help="show what is being loaded")
    p.set_defaults(handler=cmd_ask)

    p = sub.add_parser("eval", help="measure retrieval quality", description="Run a question set; print recall@k, MRR and no-match accuracy per kind.")
    p.add_argument("--questions", type=Path, default=None, help="a JSONL question set (default data/eval/questions.jsonl)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--misses", action="store_true", help="also list the questions that missed")
    p.set_defaults(handler=cmd_eval)

    p = sub.add_parser("bench", help="measure speed and memory", description="Measure latency, cold start, index build throughput, memory and FAISS scaling, each beside its floor.")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--quick", action="store_true", help="fewer repetitions and no 1M-vector scale run")
    p.add_argument("--scales", default="10000,100000,1000000", help="synthetic corpus sizes for the FAISS scale test")
    p.set_defaults(handler=cmd_bench)

    p = sub.add_parser("chat", help="console chat", description="Chat with the chronicle in the terminal.")
    p.set_defaults(handler=cmd_chat)

    p = sub.add_parser("telegram", help="run the Telegram bot", description="Run the Telegram bot (long polling, or a webhook with --webhook-url).")
    p.add_argument("--webhook-url", default=None, help="public HTTPS URL Telegram posts updates to (enables webhook mode)")
    p.add_argument("--listen", default="127.0.0.1", help="address the webhook server listens on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8443, help="port of the webhook server (default 8443)")
    p.add_argument("--secret-token", default=None, help="webhook secret token (default: TELEGRAM_WEBHOOK_SECRET)")
    p.set_defaults(handler=cmd_telegram)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `chronicle` command; domain errors become one line and a non-zero exit."""
    from retrieval.errors import ChronicleError

    args = build_parser().parse_args(argv)
    try:
        settings = Settings.load()
    except SettingsError as exc:
        print(f"chronicle: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # httpx logs full URLs at INFO, and Telegram URLs contain the token; the others are chatty at INFO.
    for noisy in ("httpx", "httpcore", "faiss", "faiss.loader", "sentence_transformers", "transformers"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLogger().level))
    try:
        return args.handler(args, settings)
    except ChronicleError as exc:
        print(f"chronicle: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        # A full disk, a read-only index directory, a lock that never came free: one line, not a traceback.
        print(f"chronicle: {exc.strerror or exc}" + (f": {exc.filename}" if getattr(exc, "filename", None) else ""), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
