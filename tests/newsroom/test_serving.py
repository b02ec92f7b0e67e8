"""The production settings under gunicorn serve the admin's styles, the API docs
and the health check, as `make serve` runs them (on loopback, without TLS)."""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(port: int, path: str, **headers: str) -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn with newsroom.settings.prod on a free loopback port."""
    workdir = tmp_path_factory.mktemp("serve")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "newsroom.settings.prod",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "false",
        "STATIC_ROOT": str(workdir / "static"),
        # Nothing here reads the app's tables: an empty database is enough.
        "DATABASE_URL": f"sqlite:///{workdir / 'empty.sqlite3'}",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
            "newsroom.wsgi:application",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, "gunicorn exited before it served"
            try:
                _get(port, "/healthz")
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not answer in 60 s"
                time.sleep(0.2)
        manifest = json.loads((workdir / "static" / "staticfiles.json").read_text())
        yield port, manifest["paths"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_the_admin_stylesheet_is_served_under_its_hashed_name(server):
    port, paths = server
    hashed = paths["admin/css/base.css"]
    assert re.fullmatch(r"admin/css/base\.[0-9a-f]{12}\.css", hashed)
    status, headers, body = _get(port, f"/static/{hashed}")
    assert status == 200
    assert headers["Content-Type"].startswith("text/css")
    assert "immutable" in headers["Cache-Control"]
    assert b"body" in body
    status, headers, _ = _get(port, f"/static/{hashed}", **{"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"


def test_the_log_in_page_links_the_hashed_stylesheet(server):
    port, paths = server
    status, headers, body = _get(port, "/admin/login/")
    assert status == 200
    assert f'href="/static/{paths["admin/css/base.css"]}"'.encode() in body
    assert "private" in headers["Cache-Control"]


def test_the_api_docs_render_under_the_content_security_policy(server):
    port, paths = server
    status, headers, body = _get(port, "/api/docs/")
    assert status == 200
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    page = body.decode()
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert (
        f"/static/{paths['drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js']}"
        in scripts
    )
    assert "<script>" not in page
    start_up = next(src for src in scripts if "script=" in src)
    status, headers, body = _get(port, start_up.replace("&amp;", "&"))
    assert status == 200
    assert headers["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in body
    for src in scripts:
        assert _get(port, src.replace("&amp;", "&"))[0] == 200, src


def test_healthz_is_ok_and_says_what_it_checked(server):
    port, _ = server
    status, headers, body = _get(port, "/healthz")
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body) == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok"},
        "failed": [],
    }
