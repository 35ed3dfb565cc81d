"""Shared fixtures: the real engine (converted multilingual-e5-small + FAISS index), built once per session."""

from __future__ import annotations

import os

import pytest

from bot.config import Settings


@pytest.fixture(scope="session")
def real_engine():  # type: ignore[no-untyped-def]
    """The engine users get: the real model and the index `make` builds under data/ (built here if missing)."""
    from bot.engine import open_engine
    from retrieval.e5_convert import ensure_model

    ensure_model(progress=None)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "CHRONICLE_", "EMBEDDING_"))}
    return open_engine(Settings.load(env=env))
