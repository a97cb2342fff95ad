"""`make audit`: pinned packages that have newer releases, and known vulnerabilities of the pinned versions.

Both look things up over the network: newer releases in the package index pip is set up with (pip list),
vulnerabilities in PyPI's advisory data through pip-audit. Whatever cannot be reached or looked up is
named and counted, and the run goes on: being offline never fails it. It fails (exit status 1) only
when a pinned version has a known vulnerability.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = [ROOT / "requirements.txt", ROOT / "requirements-dev.txt"]
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(paths=REQUIREMENTS) -> dict[str, tuple[str, str]]:
    """{canonical name: (name as written, pinned version)} from the requirements files."""
    found = {}
    for path in paths:
        for line in Path(path).read_text().splitlines():
            if match := _PIN.match(line.strip()):
                found[canonical(match[1])] = (match[1], match[2])
    return found


def _run(command: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT)


def _pip_list(flag: str) -> list[dict]:
    result = _run([sys.executable, "-m", "pip", "list", flag, "--format=json", "--disable-pip-version-check"])
    try:
        return json.loads(result.stdout) if result.returncode == 0 else []
    except json.JSONDecodeError:
        return []


def outdated(pinned: dict) -> tuple[list[tuple[str, str, str]], list[str]]:
    """([(name, pinned, latest)], [names the index did not answer for]). pip answers nothing at all
    when the index cannot be reached, so a pinned package in neither list was not looked up."""
    newer = {canonical(row["name"]): row["latest_version"] for row in _pip_list("--outdated")}
    current = {canonical(row["name"]) for row in _pip_list("--uptodate")}
    rows = [(pinned[key][0], pinned[key][1], newer[key]) for key in sorted(pinned) if key in newer]
    missing = [pinned[key][0] for key in sorted(pinned) if key not in newer and key not in current]
    return rows, missing


def vulnerabilities(paths=REQUIREMENTS) -> tuple[list[tuple[str, str, str, str]], list[str]] | None:
    """([(name, version, advisory, fixed in)], [names not looked up]), or None when the vulnerability
    database could not be reached at all. Pinned versions only (--no-deps): nothing is installed."""
    command = [sys.executable, "-m", "pip_audit", "--no-deps", "--disable-pip", "--progress-spinner=off"]
    command += [arg for path in paths for arg in ("-r", str(path))] + ["--format=json"]
    result = _run(command)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        return None
    found, skipped = [], []
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            skipped.append(dependency["name"])
        for vuln in dependency.get("vulns", []):
            fixed = ", ".join(vuln.get("fix_versions", [])) or "no fixed release yet"
            found.append((dependency["name"], dependency.get("version", "?"), vuln["id"], fixed))
    return found, skipped


def main() -> int:
    pinned = pins()
    print(f"== Pinned packages with a newer release ({len(pinned)} pinned)")
    rows, missing = outdated(pinned)
    for name, version, latest in rows:
        print(f"  {name:32} {version:>14} -> {latest}")
    if not rows and len(missing) < len(pinned):
        print("  none")
    if missing:
        print(f"  not looked up (package index not reachable?): {len(missing)} of {len(pinned)}")

    print("== Known vulnerabilities of the pinned versions")
    report = vulnerabilities()
    if report is None:
        print("  vulnerability database not reachable: not checked (offline?); run `make audit` again when online")
        return 0
    found, skipped = report
    for name, version, advisory, fixed in found:
        print(f"  {name} {version}: {advisory} (fixed in: {fixed})")
    if skipped:
        print(f"  not looked up (not in the vulnerability database or not reachable): {len(skipped)} of {len(pinned)}")
    checked = len(pinned) - len(skipped)
    if not found and checked > 0:
        print(f"  none known for the {checked} package(s) looked up")
    elif not found:
        print("  vulnerability database not reachable or without data here: nothing checked")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
