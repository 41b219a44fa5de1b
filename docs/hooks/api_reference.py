"""MkDocs hook: the API reference page, generated from the OpenAPI schema at build time.

The schema is what `/api/schema/` serves (drf-spectacular, `manage.py spectacular`), so
the reference cannot drift from the code and nothing generated is committed. Each
operation gets its method and path, its description, its parameters, the fields of its
request body and its response codes.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.structure.files import File

PAGE = "api-reference.md"
SETTINGS = "portal.settings.dev"
METHODS = ("get", "post", "put", "patch", "delete")


def on_files(files, config):
    root = Path(config["config_file_path"]).resolve().parent
    schema = generate_schema(root)
    files.append(File.generated(config, PAGE, content=render(schema)))
    return files


def generate_schema(root: Path) -> dict:
    """Run `manage.py spectacular` in a child process: Django is set up there, not in
    the MkDocs process, and a schema warning fails the build."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "schema.json"
        subprocess.run(
            [sys.executable, "manage.py", "spectacular", "--format", "openapi-json"]
            + ["--fail-on-warn", "--file", str(target)],
            cwd=root,
            env=env,
            check=True,
        )
        return json.loads(target.read_text())


def render(schema: dict) -> str:
    info = schema.get("info", {})
    lines = [
        "# API reference",
        "",
        f"{info.get('title', 'API')} {info.get('version', '')}: {info.get('description', '')}",
        "",
        "Generated from the OpenAPI schema each time the site is built (`manage.py "
        "spectacular`, the document `/api/schema/` serves); the routes and examples are in "
        "[API](api.md). Every error answer is JSON with a `message`.",
        "",
    ]
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            if method in operations:
                lines += render_operation(schema, method, path, operations[method])
    lines += render_components(schema)
    return "\n".join(lines) + "\n"


def render_components(schema: dict) -> list[str]:
    """The bodies the operations name, field by field (enumerations are written inline)."""
    lines = ["## Schemas", ""]
    for name, node in schema.get("components", {}).get("schemas", {}).items():
        if "enum" in node:
            continue
        lines += [f"### {name}", ""]
        if node.get("description"):
            lines += [rst_literals(node["description"]), ""]
        rows = field_rows(schema, node)
        if rows:
            lines += [*FIELD_HEADER, *rows, ""]
        else:
            lines += [
                f"Type: {type_of(schema, {k: v for k, v in node.items() if k != 'description'})}",
                "",
            ]
    return lines


def render_operation(schema: dict, method: str, path: str, op: dict) -> list[str]:
    lines = [f"## `{method.upper()} {path}`", ""]
    summary = op.get("summary")
    if summary:
        lines += [f"**{one_line(summary)}**", ""]
    if op.get("description"):
        lines += [rst_literals(op["description"]), ""]
    parameters = op.get("parameters", [])
    if parameters:
        lines += ["Parameters:", "", "| name | in | type | required | description |"]
        lines += ["| --- | --- | --- | --- | --- |"]
        for p in parameters:
            lines.append(
                row(
                    f"`{p['name']}`",
                    p.get("in", ""),
                    type_of(schema, p.get("schema", {})),
                    "yes" if p.get("required") else "no",
                    p.get("description", ""),
                )
            )
        lines.append("")
    body = op.get("requestBody")
    if body:
        for content_type, media in body.get("content", {}).items():
            required = "required" if body.get("required") else "optional"
            lines += [f"Request body (`{content_type}`, {required}):", ""]
            lines += [*FIELD_HEADER, *field_rows(schema, media.get("schema", {})), ""]
            break  # the other content types carry the same fields
    lines += ["Responses:", "", "| status | content | description |", "| --- | --- | --- |"]
    for status, answer in sorted(op.get("responses", {}).items()):
        contents = []
        for content_type, media in answer.get("content", {}).items():
            body_schema = media.get("schema")
            named = f" {type_of(schema, body_schema)}" if body_schema else ""
            contents.append(f"`{content_type}`{named}")
        lines.append(row(status, ", ".join(contents), answer.get("description", "")))
    lines.append("")
    return lines


FIELD_HEADER = ["| field | type | required | description |", "| --- | --- | --- | --- |"]


def field_rows(schema: dict, node: dict) -> list[str]:
    """One table row per field of a body (see ``fields``)."""
    return [
        row(
            f"`{name}`",
            type_of(schema, field),
            "yes" if needed else "no",
            field.get("description", ""),
        )
        for name, field, needed in fields(schema, node)
    ]


def resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        node = schema["components"]["schemas"][name]
    return node


def fields(schema: dict, node: dict, prefix: str = "", depth: int = 0):
    """The body's fields, nested objects one level deep as `outer.inner`."""
    node = resolve(schema, node)
    required = set(node.get("required", []))
    for name, field in node.get("properties", {}).items():
        yield prefix + name, field, name in required
        inner = resolve(schema, field)
        if depth == 0 and inner.get("type") == "object" and inner.get("properties"):
            yield from fields(schema, inner, prefix + name + ".", depth + 1)


def type_of(schema: dict, node: dict) -> str:
    if not node:
        return ""
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        target = schema["components"]["schemas"].get(name, {})
        if "enum" in target:
            return type_of(schema, target)
        return f"[{name}](#{name.lower()})"
    for combined in ("oneOf", "anyOf", "allOf"):
        if combined in node:
            return " or ".join(type_of(schema, part) for part in node[combined])
    kind = node.get("type", "")
    if kind == "array":
        kind = f"array of {type_of(schema, node.get('items', {}))}"
    if "format" in node:
        kind += f" ({node['format']})"
    if "enum" in node:
        kind += ": " + ", ".join(
            f"`{json.dumps(value)}`" if value in ("", None) else f"`{value}`"
            for value in node["enum"]
        )
    bounds = [f"{key} {node[key]}" for key in ("minimum", "maximum", "maxLength") if key in node]
    if bounds:
        kind += f" ({', '.join(bounds)})"
    if node.get("nullable"):
        kind += " or null"
    return kind


def one_line(text: str) -> str:
    return " ".join(str(text).split())


def rst_literals(text: str) -> str:
    """Docstrings write code as ``x``; Markdown as `x`."""
    return str(text).replace("``", "`")


def row(*cells) -> str:
    return "| " + " | ".join(one_line(rst_literals(c)).replace("|", "\\|") for c in cells) + " |"
