"""Replays conformance scripts under torchkeras and compares them with the goldens.

`conformance/test_conformance.py` runs this for every script as part of the
default test run. It can also be run directly to print every mismatch at once:

    python -m conformance.replay                 # every script
    python -m conformance.replay optimizer_adam  # some scripts

No TensorFlow and no Keras are needed: `import keras` inside a script is
answered by torchkeras through `conformance.keras_alias` for the duration of
the run only.
"""

import contextlib
import json
import os
import runpy
import sys
import tempfile
import traceback

from conformance import golden
from conformance.keras_alias import keras_alias

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.join(HERE, "scripts")
GOLDENS_DIR = os.path.join(HERE, "goldens")
EXPECTED_FAILURES = os.path.join(HERE, "expected_failures.json")
RECORD_COMMAND = "../refenv/bin/python conformance/record.py"


def script_names(scripts_dir=SCRIPTS_DIR):
    """The conformance scripts, by name (file name without `.py`)."""
    return sorted(
        name[:-3]
        for name in os.listdir(scripts_dir)
        if name.endswith(".py") and not name.startswith("_")
    )


def expected_failures(path=EXPECTED_FAILURES):
    """The table `{script: reason}` of scripts known to fail, and why."""
    with open(path, encoding="utf-8") as f:
        table = json.load(f)
    if not isinstance(table, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip()
        for k, v in table.items()
    ):
        raise ValueError(
            "conformance/expected_failures.json: invalid table. Expected a "
            "JSON object mapping script names to non-empty reasons. "
            f"Received: {table!r}."
        )
    return table


@contextlib.contextmanager
def _in_temporary_directory():
    """Scripts that write files (CSVLogger, checkpoints) must not touch the repo."""
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as workdir:
        os.chdir(workdir)
        try:
            yield workdir
        finally:
            os.chdir(cwd)


def replay(name, scripts_dir=SCRIPTS_DIR, goldens_dir=GOLDENS_DIR):
    """Runs one script under torchkeras and compares it with its golden.

    Args:
        name: the script name, e.g. `"readme_first_steps"`.
        scripts_dir: where the scripts live. Defaults to `conformance/scripts`.
        goldens_dir: where the goldens live. Defaults to
            `conformance/goldens`.

    Returns:
        A list of failure messages, each naming the script and the key;
        empty when the replay matches Keras. An exception raised by the script
        propagates, with a note naming the script.
    """
    path = os.path.join(scripts_dir, f"{name}.py")
    if not os.path.exists(os.path.join(goldens_dir, f"{name}.json")):
        return [
            f"{name}: no golden recorded. "
            f"Record it with `{RECORD_COMMAND} {name}`."
        ]
    expected, meta = golden.load(goldens_dir, name)
    if meta.get("script_sha256") != golden.script_digest(path):
        return [
            f"{name}: the golden is stale: the script changed after it was "
            f"recorded. Re-record it with `{RECORD_COMMAND} {name}`."
        ]
    try:
        with _in_temporary_directory(), keras_alias():
            namespace = runpy.run_path(path, run_name="__conformance__")
    except Exception as exc:
        if hasattr(exc, "add_note"):
            exc.add_note(
                f"(raised by conformance script '{name}' replayed under "
                "torchkeras)"
            )
        raise
    if "results" not in namespace:
        return [f"{name}: the script defines no `results` dict."]
    return golden.compare(name, expected, meta, namespace["results"])


def main(argv=None):
    names = argv if argv is not None else sys.argv[1:]
    names = [os.path.basename(n).removesuffix(".py") for n in names]
    names = names or script_names()
    known_failures = expected_failures()
    passed = 0
    for name in names:
        try:
            failures = replay(name)
        except Exception:
            failures = [f"{name}: raised\n{traceback.format_exc()}"]
        status = "ok" if not failures else "FAIL"
        if name in known_failures:
            status += f" (expected failure: {known_failures[name]})"
        print(f"{name}: {status}")
        for message in failures:
            print("    " + message.replace("\n", "\n    "))
        passed += not failures
    print(f"{passed}/{len(names)} scripts match Keras")
    return 0 if passed == len(names) else 1


if __name__ == "__main__":
    sys.exit(main())
