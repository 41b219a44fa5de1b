"""The layers of docs/architecture.md hold: the import-linter contracts in
pyproject.toml (the roof and the ground floor, feedback's sub-packages downward
only, pure rules, no circles) are checked on every run of the suite."""

from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_every_import_contract_is_kept(capsys):
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True)
    out = capsys.readouterr().out
    assert code == 0, out
    assert "0 broken" in out
