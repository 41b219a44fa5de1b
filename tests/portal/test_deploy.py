"""The reference deployment in deploy/: what can be checked on this machine.

The systemd units and the nginx site are rendered with this checkout's paths
(the deployment assumes /srv/portal) and checked by the real tools when they
are here: ``systemd-analyze verify`` and ``nginx -t`` (nginx from Debian's
package, unpacked into a temporary folder when not installed; nothing is
started). Without a tool the test says why it is skipped.
"""

import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
UNITS = sorted((DEPLOY / "systemd").glob("portal*"))
INSTALL_DIR = "/srv/portal"


def parse_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit as {section: {key: [values]}} (keys may repeat)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        assert current is not None, f"{path.name}: {line!r} outside a section"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def env_example() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / "portal.env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs


def gunicorn_config(**env) -> dict:
    """deploy/gunicorn.conf.py as gunicorn reads it, under the given environment."""
    saved = dict(os.environ)
    for name in ("WEB_CONCURRENCY", "GUNICORN_BIND", "GUNICORN_TIMEOUT"):
        os.environ.pop(name, None)
    os.environ.update(env)
    try:
        return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def render(text: str, tmp_path: Path) -> str:
    """A unit or site with this checkout's paths instead of /srv/portal."""
    venv_bin = str(Path(sys.executable).parent)
    text = text.replace(f"{INSTALL_DIR}/.venv/bin", venv_bin).replace(INSTALL_DIR, str(ROOT))
    text = text.replace("/etc/portal/portal.env", str(DEPLOY / "portal.env.example"))
    return re.sub(r"^(User|Group)=portal$", r"\1=root", text, flags=re.M)


def test_the_units_run_the_server_the_worker_the_daily_purge_and_digest():
    units = {path.name: parse_unit(path) for path in UNITS}
    assert set(units) == {
        "portal.service",
        "portal-worker.service",
        "portal-purge.service",
        "portal-purge.timer",
        "portal-digest.service",
        "portal-digest.timer",
    }
    commands = get_commands()
    for name, unit in units.items():
        if name.endswith(".service"):
            service = unit["Service"]
            assert service["EnvironmentFile"] == ["/etc/portal/portal.env"], name
            assert service["WorkingDirectory"] == [INSTALL_DIR], name
            (exec_start,) = service["ExecStart"]
            program, *args = exec_start.split()
            assert program.startswith(f"{INSTALL_DIR}/.venv/bin/"), name
            if "manage.py" in exec_start:
                assert args[0] == f"{INSTALL_DIR}/manage.py"
                assert args[1] in commands, f"{name}: no command {args[1]}"
    server = units["portal.service"]["Service"]["ExecStart"][0]
    config = server.split("--config ")[1].split()[0]
    assert (ROOT / config.removeprefix(f"{INSTALL_DIR}/")).is_file()
    assert "db_worker" in units["portal-worker.service"]["Service"]["ExecStart"][0]
    assert "purge_client_hashes" in units["portal-purge.service"]["Service"]["ExecStart"][0]
    timer = units["portal-purge.timer"]["Timer"]
    assert timer["Unit"] == ["portal-purge.service"] and timer["OnCalendar"]
    # The inbox digest goes out daily through the task worker.
    digest = units["portal-digest.service"]["Service"]["ExecStart"][0]
    assert digest.endswith("send_inbox_digests --enqueue")
    timer = units["portal-digest.timer"]["Timer"]
    assert timer["Unit"] == ["portal-digest.service"] and timer["OnCalendar"]


def test_systemd_analyze_verifies_the_units(tmp_path):
    tool = shutil.which("systemd-analyze")
    if tool is None:
        pytest.skip("systemd-analyze is not installed here; the units were only parsed")
    rendered = []
    for path in UNITS:
        target = tmp_path / path.name
        target.write_text(render(path.read_text(), tmp_path))
        rendered.append(str(target))
    out = subprocess.run([tool, "verify", *rendered], capture_output=True, text=True)
    ours = [line for line in (out.stdout + out.stderr).splitlines() if str(tmp_path) in line]
    assert out.returncode == 0 and not ours, out.stdout + out.stderr


def test_the_nginx_site_matches_gunicorn_and_the_settings():
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    upstream = re.search(r"upstream portal_app \{\s*server (\S+)", site).group(1)
    assert upstream == gunicorn_config()["bind"] == env_example()["GUNICORN_BIND"]
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in site
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in site
    assert env_example()["TRUSTED_PROXY_COUNT"] == "1"
    # The static files nginx serves are where collectstatic writes them.
    from django.conf import settings

    alias = re.search(r"location /static/ \{\s*alias (\S+);", site).group(1)
    assert Path(alias.replace(INSTALL_DIR, str(ROOT))) == Path(settings.STATIC_ROOT)
    assert "ssl_certificate " in site and "ssl_certificate_key " in site


def test_nginx_closes_requests_for_any_other_host():
    """A forged or unknown Host never reaches gunicorn: the default servers on 80 and
    443 answer nothing (444, a refused TLS handshake); only the portal's own name is
    proxied."""
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    servers = re.split(r"^server \{", site, flags=re.M)[1:]
    defaults = [s for s in servers if "default_server" in s]
    assert len(defaults) == 2
    plain = next(s for s in defaults if re.search(r"listen 80 default_server;", s))
    assert "server_name _;" in plain and "return 444;" in plain
    assert "listen [::]:80 default_server;" in plain
    tls = next(s for s in defaults if "443" in s)
    assert "server_name _;" in tls and "ssl_reject_handshake on;" in tls
    for server in servers:
        if "proxy_pass" in server:
            assert "default_server" not in server
            assert "server_name portal.example.go.id;" in server


def _nginx(tmp_path) -> str | None:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if found:
        return found
    if not (shutil.which("apt-get") and shutil.which("dpkg")):
        return None
    # Debian's package, unpacked only: nothing installed, nothing started.
    get = subprocess.run(
        ["apt-get", "download", "nginx"], cwd=tmp_path, capture_output=True, text=True
    )
    debs = list(tmp_path.glob("nginx_*.deb"))
    if get.returncode or not debs:
        return None
    subprocess.run(["dpkg", "-x", str(debs[0]), str(tmp_path / "pkg")], check=True)
    binary = tmp_path / "pkg" / "usr" / "sbin" / "nginx"
    return str(binary) if binary.exists() else None


def test_nginx_accepts_the_site(tmp_path):
    nginx = _nginx(tmp_path)
    if nginx is None:
        pytest.skip("nginx is not installed and Debian's package could not be fetched")
    # Placeholders made real for the check: a self-signed certificate, local paths.
    tls = tmp_path / "tls"
    tls.mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=portal.example.go.id"]
        + ["-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem")],
        check=True,
        capture_output=True,
    )
    site = render((DEPLOY / "nginx" / "portal.conf").read_text(), tmp_path)
    site = site.replace("/etc/ssl/portal", str(tls))
    (tmp_path / "site.conf").write_text(site)
    temp = " ".join(
        f"{kind}_temp_path {tmp_path}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n access_log {tmp_path}/access.log; {temp}\n include {tmp_path}/site.conf;\n}}\n"
    )
    out = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    assert "syntax is ok" in out.stderr


def test_the_env_example_configures_production_behind_one_proxy(tmp_path):
    env = {
        **os.environ,
        **env_example(),
        "SECRET_KEY": "k" * 60,
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DEBUG, s.TRUSTED_PROXY_COUNT, s.TASKS['default']['BACKEND'], s.ALLOWED_HOSTS)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.stdout.split() == [
        "False",
        "1",
        "django_tasks_db.DatabaseBackend",
        "['portal.example.go.id']",
    ], out.stderr


def test_gunicorn_refuses_to_start_before_collectstatic(tmp_path, settings):
    settings.STATIC_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    on_starting = gunicorn_config()["on_starting"]
    with pytest.raises(SystemExit, match="collectstatic"):
        on_starting(None)
    (tmp_path / "staticfiles.json").write_text("{}")
    on_starting(None)  # with the manifest it starts
