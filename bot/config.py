"""Settings from the environment or a `.env` file; loaded inside main(), never at import."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"


def _path(value: str | None, default: Path) -> Path:
    if not value:
        return default
    path = Path(value).expanduser()
    return path if path.is_absolute() else (Path.cwd() / path)


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, not {raw!r}") from None


class SettingsError(ValueError):
    """A setting that has a value it cannot take."""


@dataclass(frozen=True)
class Settings:
    """Every setting in force; see .env.example for what each one means."""

    telegram_bot_token: str = field(default="", repr=False)
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    embedding_model: str = ""
    data_dir: Path = PROJECT_ROOT / "data" / "chronicles"
    index_dir: Path = PROJECT_ROOT / "data" / "index"
    log_level: str = "INFO"
    allowed_chats: frozenset[int] = frozenset()
    user_rate_per_minute: int = 20
    group_rate_per_minute: int = 20
    webhook_secret: str = field(default="", repr=False)
    max_question_chars: int = 500
    torch_threads: int = 1

    @property
    def model(self) -> str:
        """The embedding model in force: EMBEDDING_MODEL, or the converted multilingual-e5-small."""
        return self.embedding_model or str(PROJECT_ROOT / "data" / "models" / "multilingual-e5-small")

    @property
    def masked_token(self) -> str:
        """The token as it may be shown: never more than its bot id."""
        token = self.telegram_bot_token
        if not token:
            return "(not set)"
        bot_id = token.split(":", 1)[0]
        return f"{bot_id}:***" if bot_id.isdigit() else "***"

    @classmethod
    def load(cls, env: Mapping[str, str] | None = None, dotenv: Path | None = None) -> Settings:
        """Read the settings from ``env`` (default: the process environment after reading `.env`)."""
        if env is None:
            from dotenv import load_dotenv

            # The process environment wins over .env, so a one-off `VAR=... chronicle ...` works.
            load_dotenv(dotenv or Path.cwd() / ".env", override=False)
            env = os.environ
        chats = frozenset()
        raw_chats = env.get("TELEGRAM_ALLOWED_CHATS", "").replace(";", ",")
        try:
            chats = frozenset(int(c) for c in raw_chats.split(",") if c.strip())
        except ValueError:
            raise SettingsError(f"TELEGRAM_ALLOWED_CHATS must be chat ids separated by commas, not {raw_chats!r}") from None
        level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
        return cls(
            telegram_bot_token=env.get("TELEGRAM_BOT_TOKEN", "").strip(),
            telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL", "").strip() or DEFAULT_API_BASE_URL,
            embedding_model=env.get("EMBEDDING_MODEL", "").strip(),
            data_dir=_path(env.get("CHRONICLE_DATA_DIR"), PROJECT_ROOT / "data" / "chronicles"),
            index_dir=_path(env.get("CHRONICLE_INDEX_DIR"), PROJECT_ROOT / "data" / "index"),
            log_level=level,
            allowed_chats=chats,
            user_rate_per_minute=_int(env, "TELEGRAM_USER_RATE_PER_MINUTE", 20),
            group_rate_per_minute=_int(env, "TELEGRAM_GROUP_RATE_PER_MINUTE", 20),
            webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET", "").strip(),
            max_question_chars=_int(env, "CHRONICLE_MAX_QUESTION_CHARS", 500),
            torch_threads=_int(env, "CHRONICLE_TORCH_THREADS", 1),
        )
