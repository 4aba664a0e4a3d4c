"""Records conformance goldens under real Keras 3 on the TensorFlow backend.

Usage (from the repository root, with the reference environment described in
`conformance/README.md`):

    ../refenv/bin/python conformance/record.py            # every script
    ../refenv/bin/python conformance/record.py adam sgd   # some scripts

Each script runs in a fresh subprocess (so Keras's global state and layer-name
counters start clean), twice, inside a temporary working directory; the two
runs must agree bit for bit, which catches a script that is not deterministic
before its golden is trusted. The flattened `results` go to
`conformance/goldens/<name>.npz` and the metadata (versions, seed, tolerance,
the script's hash, the kind/dtype/shape of every entry) to `<name>.json`.

Goldens are outputs of this program: never edit them by hand.
"""

import argparse
import os
import platform
import runpy
import subprocess
import sys
import tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPTS_DIR = os.path.join(HERE, "scripts")
GOLDENS_DIR = os.path.join(HERE, "goldens")

if not __package__:
    # Run as a script: make the `conformance` package importable, so the
    # golden format is shared with the replay runner rather than duplicated.
    sys.path.insert(0, os.path.dirname(HERE))
from conformance import golden  # noqa: E402
from conformance.replay import script_names  # noqa: E402


def _environment():
    """The environment the goldens are recorded in: real Keras on TF only."""
    env = dict(os.environ)
    env["KERAS_BACKEND"] = "tensorflow"
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"
    # Plain Eigen kernels: the same numbers on any x86 CPU, and no oneDNN
    # banner on stderr.
    env["TF_ENABLE_ONEDNN_OPTS"] = "0"
    env["CUDA_VISIBLE_DEVICES"] = ""
    return env


def _run_script(path):
    with tempfile.TemporaryDirectory() as workdir:
        cwd = os.getcwd()
        os.chdir(workdir)
        try:
            return runpy.run_path(path, run_name="__conformance__")
        finally:
            os.chdir(cwd)


def _identical(a, b):
    if a.keys() != b.keys():
        return False
    return all(
        a[key].shape == b[key].shape
        and a[key].dtype == b[key].dtype
        and np.array_equal(
            a[key], b[key], equal_nan=a[key].dtype.kind in "fc"
        )
        for key in a
    )


def check_backend(keras_module):
    """Goldens come from real Keras on TensorFlow, never from torchkeras."""
    backend = keras_module.backend.backend()
    if backend != "tensorflow" or not hasattr(keras_module, "version"):
        raise RuntimeError(
            "conformance/record.py: goldens must be recorded with real Keras "
            "on the TensorFlow backend. "
            f"Received: keras from {keras_module.__file__}, "
            f"backend={backend!r}."
        )


def check_deterministic(name, first, second):
    if not _identical(first, second):
        raise RuntimeError(
            f"conformance/record.py: script '{name}' is not deterministic: "
            "two runs in one process gave different results. Seed every "
            "random source with `np.random.default_rng(SEED)` and inject the "
            "weights."
        )


def check_seed(name, namespace):
    seed = namespace.get("SEED")
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise ValueError(
            f"conformance/record.py: script '{name}' must define an integer "
            "`SEED` used for all its data and weights. "
            f"Received: SEED={seed!r}."
        )
    return seed


def record_one(name, scripts_dir, goldens_dir):
    """Runs one script under real Keras and writes its golden (worker side)."""
    import keras
    import tensorflow as tf

    check_backend(keras)
    path = os.path.join(scripts_dir, f"{name}.py")
    first = _run_script(path)
    seed = check_seed(name, first)
    arrays, entries, structure = golden.flatten(first.get("results"))
    again, _, _ = golden.flatten(_run_script(path).get("results"))
    check_deterministic(name, arrays, again)
    meta = {
        "script": f"{name}.py",
        "script_sha256": golden.script_digest(path),
        "recorded_with": {
            "keras": keras.version(),
            "tensorflow": tf.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "backend": keras.backend.backend(),
            "TF_ENABLE_ONEDNN_OPTS": os.environ.get("TF_ENABLE_ONEDNN_OPTS"),
        },
        "seeds": [seed],
        "tolerance": golden.check_tolerance(first.get("TOLERANCE")),
        "entries": entries,
        "structure": structure,
    }
    golden.save(goldens_dir, name, arrays, meta)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Record conformance goldens under real Keras (TF backend)."
    )
    parser.add_argument(
        "names", nargs="*", help="scripts to record (default: all)"
    )
    parser.add_argument("--scripts-dir", default=SCRIPTS_DIR)
    parser.add_argument("--goldens-dir", default=GOLDENS_DIR)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        (name,) = args.names
        record_one(name, args.scripts_dir, args.goldens_dir)
        return 0

    known = script_names(args.scripts_dir)
    names = [os.path.basename(n).removesuffix(".py") for n in args.names]
    unknown = [n for n in names if n not in known]
    if unknown:
        parser.error(
            f"unknown script(s) {unknown}. Expected names from "
            f"{args.scripts_dir}: {known}."
        )
    names = names or known

    failed = []
    for name in names:
        print(f"recording {name} ...", flush=True)
        proc = subprocess.run(
            [
                sys.executable,
                os.path.abspath(__file__),
                "--worker",
                "--scripts-dir",
                args.scripts_dir,
                "--goldens-dir",
                args.goldens_dir,
                name,
            ],
            env=_environment(),
        )
        if proc.returncode:
            failed.append(name)
    recorded = set()
    if os.path.isdir(args.goldens_dir):
        recorded = {
            f[: -len(".json")]
            for f in os.listdir(args.goldens_dir)
            if f.endswith(".json")
        }
    orphans = sorted(recorded - set(known))
    if orphans:
        print(f"goldens without a script (delete them?): {orphans}")
    if failed:
        print(f"FAILED: {failed}")
        return 1
    print(f"recorded {len(names)} golden(s) in {args.goldens_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
