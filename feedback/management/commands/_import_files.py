"""What the file imports (import_skm, import_skm_tables, import_service_users) do alike."""

from pathlib import Path

from django.core.management.base import CommandError

from ...imports.tabular import ENCODINGS


def existing(file: str) -> Path:
    path = Path(file)
    if not path.is_file():
        raise CommandError(f"File not found: {path}")
    return path


def read(file: str) -> tuple[Path, bytes]:
    path = existing(file)
    return path, path.read_bytes()


def add_encoding_argument(parser) -> None:
    parser.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8",
        help=(
            "Text encoding of a CSV file (default utf-8, with or without BOM; UTF-16 with "
            "BOM is recognised by itself). Never guessed: a file that is not valid in it "
            "is refused, naming the row and byte offset."
        ),
    )


def rejected(command, path: Path, exc) -> CommandError:
    """List every problem of a rejected file (``ImportRejected``), then the verdict."""
    for error in exc.errors:
        command.stderr.write(f"  {error}")
    return CommandError(
        f"{path.name} rejected: {len(exc.errors)} problem(s) found; nothing was stored. "
        "Fix the rows above and import the file again."
    )


def add_file_arguments(parser) -> None:
    """The file, ``--dry-run`` and ``--encoding``, as every table import takes them."""
    parser.add_argument("file", help="CSV (comma, semicolon or tab separated) or XLSX file")
    parser.add_argument("--dry-run", action="store_true", help="Validate only; store nothing.")
    add_encoding_argument(parser)
