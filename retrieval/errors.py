"""Domain errors of the core; the edges (CLI, console, Telegram) turn each into one clear line."""

from __future__ import annotations


class ChronicleError(Exception):
    """Base class of every error the core raises on purpose."""


class ChronicleFormatError(ChronicleError):
    """A chronicle file that cannot be parsed; names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class ModelUnavailable(ChronicleError):
    """The embedding model cannot be loaded (missing directory, unknown hub name, no network)."""


class ModelBuildError(ChronicleError):
    """The offline model could not be converted from its packaged weights."""


class IndexNotFound(ChronicleError):
    """No index has been built yet in the index directory."""


class IndexCorrupted(ChronicleError):
    """An index file is truncated, altered or inconsistent with its manifest."""


class ModelMismatch(ChronicleError):
    """The index was built with another embedding model than the one configured."""
