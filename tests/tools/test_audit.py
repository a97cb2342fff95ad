"""`make audit` (tools/audit.py): lists newer releases of pinned packages and known vulnerabilities;
offline it says what it could not look up and passes; a known vulnerability fails it."""

import json
import os
import re
import subprocess
import sys
from types import SimpleNamespace

from django.conf import settings

from tools import audit


def test_every_pin_is_read_from_both_requirements_files():
    pinned = audit.pins()
    assert pinned["django"][1].startswith("5.2.")
    assert {"django-otp", "pip-audit", "pytest"} <= set(pinned)


def test_offline_it_says_so_and_does_not_fail():
    env = {key: value for key, value in os.environ.items() if not key.startswith("PIP_") and "proxy" not in key.lower()}
    nowhere = "http://127.0.0.1:9"  # nothing listens there: every look-up fails at once
    env |= {
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_INDEX_URL": f"{nowhere}/simple/",
        "PIP_RETRIES": "0",
        "HTTPS_PROXY": nowhere,
        "HTTP_PROXY": nowhere,
    }
    result = subprocess.run(
        [sys.executable, "-m", "tools.audit"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "package index not reachable" in result.stdout
    assert "vulnerability database not reachable" in result.stdout


def _fake_run(outdated, uptodate, audit_report):
    def run(command):
        if "pip_audit" in command:
            return SimpleNamespace(returncode=1, stdout=json.dumps(audit_report), stderr="")
        rows = outdated if "--outdated" in command else uptodate
        return SimpleNamespace(returncode=0, stdout=json.dumps(rows), stderr="")

    return run


def test_newer_releases_and_vulnerabilities_are_listed_and_a_vulnerability_fails(monkeypatch, capsys):
    pinned = audit.pins()
    others = [{"name": name, "version": version} for key, (name, version) in pinned.items() if key != "django"]
    report = {
        "dependencies": [
            {
                "name": "django",
                "version": pinned["django"][1],
                "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["5.2.99"], "aliases": []}],
            },
            *({"name": row["name"], "version": row["version"], "vulns": []} for row in others),
        ]
    }
    outdated = [{"name": "Django", "version": pinned["django"][1], "latest_version": "5.2.99"}]
    monkeypatch.setattr(audit, "_run", _fake_run(outdated, others, report))
    assert audit.main() == 1
    out = capsys.readouterr().out
    assert re.search(rf"Django +{re.escape(pinned['django'][1])} -> 5\.2\.99", out)
    assert f"django {pinned['django'][1]}: PYSEC-0000-1 (fixed in: 5.2.99)" in out
    assert "not reachable" not in out


def test_nothing_known_passes(monkeypatch, capsys):
    pinned = audit.pins()
    rows = [{"name": name, "version": version} for name, version in pinned.values()]
    report = {"dependencies": [{**row, "vulns": []} for row in rows]}
    monkeypatch.setattr(audit, "_run", _fake_run([], rows, report))
    assert audit.main() == 0
    out = capsys.readouterr().out
    assert f"none known for the {len(pinned)} package(s) looked up" in out and "not looked up" not in out
