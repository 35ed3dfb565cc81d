"""The `chronicle` command: events, info, index, ask, chat, telegram, eval, bench."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable, Sequence

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
    # httpx logs full URLs at INFO, and Telegram URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        return args.handler(args, settings)
    except ChronicleError as exc:
        print(f"chronicle: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
