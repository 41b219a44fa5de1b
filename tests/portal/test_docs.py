"""The README and the docs site say only what is true of this checkout: every file they
name exists, every `make` target, `manage.py` command and bench flag they show runs,
and the README stays a short start (the rest lives in docs/)."""

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DOCS = sorted((ROOT / "docs").glob("*.md"))
# architecture.md describes the packages of the target layout by name (`feedback/intake/`);
# a package named there need not exist yet, a file named there must.
ARCHITECTURE = ROOT / "docs" / "architecture.md"

ROOTS = "feedback|content|search|portal|core|deploy|bench|tests|templates|docs|locale|\\.ci"
PATH = re.compile(rf"(?<![\w/.-])((?:{ROOTS})/[\w./*-]*)")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)
INLINE = re.compile(r"`([^`\n]+)`")
MANAGE = re.compile(r"manage\.py\s+([a-z][a-z0-9_]*)")
MAKE = re.compile(r"(?:^|[\s(])make\s+([a-z][\w-]*)")
BENCH = re.compile(r"(bench/\w+\.py)([^\n]*)")
FLAG = re.compile(r"--[a-z][\w-]*")


def pages() -> list[Path]:
    return [README, *DOCS]


def code_of(text: str) -> list[str]:
    """The fenced blocks' lines and the inline code spans: where commands are shown."""
    blocks = FENCE.findall(text)
    rest = FENCE.sub("", text)
    lines = [line for block in blocks for line in block.splitlines()]
    return lines + INLINE.findall(rest)


def without_comment(line: str) -> str:
    return re.split(r"\s#", line, maxsplit=1)[0]


def named(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def test_the_readme_is_a_short_start():
    lines = README.read_text().splitlines()
    assert len(lines) <= 200, f"README.md has {len(lines)} lines; move detail into docs/"
    text = README.read_text()
    for command in ("make run", "make test", "make serve", "make worker", "DEBUG=1 make run"):
        assert command in text
    assert "make docs" in text
    for user in ("admin", "editor", "approver", "hr", "hr-admin"):
        assert f"| `{user}` | `{user}-demo` |" in text, f"demo login {user} missing"


def test_the_readme_links_to_every_docs_page():
    text = README.read_text()
    missing = [page.name for page in DOCS if f"(docs/{page.name}" not in text]
    assert not missing, f"README.md links to no docs page {missing}"


def test_every_file_the_docs_name_exists():
    missing = []
    for page in pages():
        for match in PATH.findall(page.read_text()):
            path = match.rstrip(".,:;").rstrip("*")
            if page == ARCHITECTURE and path.endswith("/"):
                continue
            if not (ROOT / path).exists():
                missing.append(f"{named(page)}: {match}")
    assert not missing, "paths named in the docs that do not exist:\n" + "\n".join(missing)


def test_every_manage_py_command_shown_is_a_real_command():
    commands = set(get_commands())
    unknown = [
        f"{named(page)}: manage.py {name}"
        for page in pages()
        for name in MANAGE.findall(page.read_text())
        if name not in commands
    ]
    assert not unknown, "no such management command:\n" + "\n".join(unknown)


def makefile_targets() -> set[str]:
    targets = set()
    for line in (ROOT / "Makefile").read_text().splitlines():
        match = re.match(r"^([\w.$()/ -]+?)\s*:(?![=:])", line)
        if match and not line.startswith("\t"):
            targets.update(match.group(1).split())
    return targets


def test_every_make_target_shown_is_in_the_makefile():
    targets = makefile_targets()
    assert {"run", "test", "serve", "worker", "docs"} <= targets
    unknown = [
        f"{named(page)}: make {name}"
        for page in pages()
        for code in code_of(page.read_text())
        for name in MAKE.findall(without_comment(code))
        if name not in targets
    ]
    assert not unknown, "no such Makefile target:\n" + "\n".join(unknown)


@cache
def flags_of(script: str) -> frozenset[str]:
    """The options a bench script's argparse accepts, as its --help prints them."""
    result = subprocess.run(
        [sys.executable, script, "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, f"{script} --help failed:\n{result.stderr}"
    return frozenset(FLAG.findall(result.stdout))


def bench_invocations() -> list[tuple[str, str, str]]:
    found = []
    for page in pages():
        for code in code_of(page.read_text()):
            for script, rest in BENCH.findall(without_comment(code)):
                for flag in FLAG.findall(rest):
                    found.append((named(page), script, flag))
    return found


def test_the_docs_show_bench_commands_with_flags():
    scripts = {script for _, script, _ in bench_invocations()}
    assert {"bench/ingest_bench.py", "bench/ikm_bench.py", "bench/import_bench.py"} <= scripts


@pytest.mark.parametrize(
    "script", sorted({script for _, script, _ in bench_invocations()}), ids=lambda s: s
)
def test_every_bench_flag_shown_is_accepted_by_its_script(script):
    accepted = flags_of(script)
    unknown = [
        f"{page}: {script} {flag}"
        for page, name, flag in bench_invocations()
        if name == script and flag not in accepted
    ]
    assert not unknown, "flags the script does not accept:\n" + "\n".join(unknown)
