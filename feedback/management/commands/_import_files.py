"""What both survey imports (import_skm, import_skm_tables) do alike with a file."""

from pathlib import Path

from django.core.management.base import CommandError


def read(file: str) -> tuple[Path, bytes]:
    path = Path(file)
    if not path.is_file():
        raise CommandError(f"File not found: {path}")
    return path, path.read_bytes()


def rejected(command, path: Path, exc) -> CommandError:
    """List every problem of a rejected file (``ImportRejected``), then the verdict."""
    for error in exc.errors:
        command.stderr.write(f"  {error}")
    return CommandError(
        f"{path.name} rejected: {len(exc.errors)} problem(s) found; nothing was stored. "
        "Fix the rows above and import the file again."
    )
