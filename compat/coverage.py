"""How much of the Keras API torchkeras provides, namespace by namespace.

The manifests in `compat/manifests/<package>/<namespace>.txt` list every public name of real
Keras 3 (`keras.*`) and tf.keras 2 (`tf_keras.*`); `compat/make_manifests.py` writes them. A
name counts as provided when the matching torchkeras namespace has it (`keras.layers.Dense` ->
`torchkeras.layers.Dense`, `tf_keras.layers.Dense` too).

    python compat/coverage.py                      # the main namespaces, with their targets
    python compat/coverage.py --all                # every namespace
    python compat/coverage.py --missing keras.ops  # the names a namespace still lacks
    python compat/coverage.py --write-baseline     # record what is covered now
    python compat/coverage.py --tf-keras-shim      # tf.keras 2 names that resolve under the shim

The `--tf-keras-shim` figure answers "does my tf.keras 2 script find its names": each
`tf_keras.*` namespace is resolved the way a script reaches it with `torchkeras.compat` installed
(`import tf_keras.optimizers.legacy`, moved tf.keras 2 paths included), then its names are looked up.

`manifests/covered.txt` is the baseline: the test suite fails when one of its names disappears.
`manifests/deliberate_gaps.json` lists names torchkeras leaves out on purpose, with the reason.
"""

import argparse
import importlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST_DIR = os.path.join(HERE, "manifests")
BASELINE_PATH = os.path.join(MANIFEST_DIR, "covered.txt")
GAPS_PATH = os.path.join(MANIFEST_DIR, "deliberate_gaps.json")
SHIM_BASELINE_PATH = os.path.join(MANIFEST_DIR, "covered_tf_keras_shim.txt")

# Namespaces reported by default; a target is the share of names torchkeras must provide.
MAIN_NAMESPACES = {
    "keras.layers": 0.95,
    "keras.ops": 0.90,
    "keras.ops.numpy": 0.90,
    "keras.ops.nn": 0.90,
    "keras.ops.image": 0.90,
    "keras.ops.linalg": 0.90,
    "keras.losses": None,
    "keras.metrics": None,
    "keras.optimizers": None,
    "keras.callbacks": None,
    "keras.activations": None,
    "keras.initializers": None,
}


def manifest_namespaces():
    """Every manifest namespace (`"keras.layers"`, `"tf_keras.losses"`, ...), sorted."""
    names = []
    for package in sorted(os.listdir(MANIFEST_DIR)):
        folder = os.path.join(MANIFEST_DIR, package)
        if os.path.isdir(folder):
            names += [f[:-4] for f in os.listdir(folder) if f.endswith(".txt")]
    return sorted(names, key=lambda n: n.split("."))


def keras_names(namespace):
    """`{name: kind}` for a manifest namespace."""
    package = namespace.split(".")[0]
    path = os.path.join(MANIFEST_DIR, package, f"{namespace}.txt")
    entries = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                name, kind = line.split()
                entries[name] = kind
    return entries


def torchkeras_namespace(namespace):
    """The torchkeras module (or object) standing for a Keras namespace, or `None`."""
    import torchkeras

    parts = namespace.split(".")[1:]
    target = torchkeras
    for i, part in enumerate(parts):
        if hasattr(target, part):
            target = getattr(target, part)
            continue
        try:
            target = importlib.import_module("torchkeras." + ".".join(parts[: i + 1]))
        except ImportError:
            return None
    return target


def coverage(namespace):
    """`(provided, missing)` name lists of a namespace."""
    names = keras_names(namespace)
    target = torchkeras_namespace(namespace)
    provided = [n for n in names if target is not None and hasattr(target, n)]
    missing = [n for n in names if n not in provided]
    return provided, missing


def shim_namespace(namespace):
    """What `namespace` (`"tf_keras.optimizers.legacy"`) resolves to under the shim, or `None`."""
    from torchkeras import compat

    installed = compat.is_installed()
    if not installed:
        compat.install()
    try:
        try:
            return importlib.import_module(namespace)
        except ImportError:
            pass
        parts = namespace.split(".")
        target = importlib.import_module(parts[0])
        for part in parts[1:]:
            target = getattr(target, part, None)
            if target is None:
                return None
        return target
    finally:
        if not installed:
            compat.uninstall()


def shim_coverage(namespace):
    """`(provided, missing)` name lists of a namespace, resolved as a script sees it under the shim."""
    names = keras_names(namespace)
    target = shim_namespace(namespace)
    provided = [n for n in names if target is not None and hasattr(target, n)]
    return provided, [n for n in names if n not in provided]


def shim_covered_now():
    """Full tf.keras 2 names that resolve under the shim, sorted."""
    names = []
    for namespace in manifest_namespaces():
        if namespace.split(".")[0] == "tf_keras":
            names += [f"{namespace}.{n}" for n in shim_coverage(namespace)[0]]
    return sorted(names)


def shim_baseline():
    if not os.path.exists(SHIM_BASELINE_PATH):
        return []
    with open(SHIM_BASELINE_PATH) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def write_shim_baseline():
    names = shim_covered_now()
    with open(SHIM_BASELINE_PATH, "w") as f:
        f.write(
            "# tf.keras 2 names that resolve under torchkeras.compat. "
            "Written by: python compat/coverage.py --write-baseline\n"
        )
        f.write("\n".join(names) + "\n")
    return names


def tf_keras_shim_report(show_missing=True):
    """Per-namespace and total share of tf.keras 2 names that resolve under the shim."""
    gaps = deliberate_gaps()
    namespaces = [n for n in manifest_namespaces() if n.split(".")[0] == "tf_keras"]
    lines = [f"{'namespace (tf.keras 2, under the shim)':42s} {'provided':>9s} {'total':>6s} {'share':>7s}"]
    missing_lines = []
    total_provided = total = gap_total = gap_provided = 0
    for namespace in namespaces:
        provided, missing = shim_coverage(namespace)
        count = len(provided) + len(missing)
        total_provided += len(provided)
        total += count
        if any(namespace == g or namespace.startswith(g + ".") for g in gaps):
            gap_total += count
            gap_provided += len(provided)
        share = len(provided) / count if count else 1.0
        lines.append(f"{namespace:42s} {len(provided):9d} {count:6d} {share:7.1%}")
        if show_missing and missing:
            missing_lines.append(f"missing in {namespace}: " + ", ".join(missing))
    lines.append(f"{'all tf_keras names':42s} {total_provided:9d} {total:6d} {total_provided / total:7.1%}")
    kept = total - gap_total
    lines.append(
        f"{'  less deliberate gaps':42s} {total_provided - gap_provided:9d} {kept:6d} "
        f"{(total_provided - gap_provided) / kept:7.1%}"
    )
    return "\n".join(lines + [""] + missing_lines)


def deliberate_gaps():
    """`{"keras.layers.JaxLayer": reason, ...}`: names left out on purpose."""
    with open(GAPS_PATH) as f:
        return json.load(f)


def baseline():
    """The full names covered when the baseline was last written."""
    if not os.path.exists(BASELINE_PATH):
        return []
    with open(BASELINE_PATH) as f:
        return [line.strip() for line in f if line.strip() and not line.startswith("#")]


def covered_now():
    names = []
    for namespace in manifest_namespaces():
        provided, _ = coverage(namespace)
        names += [f"{namespace}.{n}" for n in provided]
    return sorted(names)


def write_baseline():
    names = covered_now()
    with open(BASELINE_PATH, "w") as f:
        f.write(
            "# Names torchkeras provides. Written by: python compat/coverage.py --write-baseline\n"
        )
        f.write("\n".join(names) + "\n")
    return names


def report(namespaces=None, show_missing=True):
    """A text table: provided/total and share per namespace, then the missing names."""
    gaps = deliberate_gaps()
    namespaces = list(MAIN_NAMESPACES) if namespaces is None else namespaces
    lines = [f"{'namespace':42s} {'provided':>9s} {'total':>6s} {'share':>7s}  target"]
    missing_lines = []
    for namespace in namespaces:
        provided, missing = coverage(namespace)
        total = len(provided) + len(missing)
        share = len(provided) / total if total else 1.0
        target = MAIN_NAMESPACES.get(namespace)
        mark = "" if target is None else f"{target:.0%} {'ok' if share >= target else 'BELOW'}"
        lines.append(f"{namespace:42s} {len(provided):9d} {total:6d} {share:7.1%}  {mark}")
        if show_missing and missing:
            labelled = [f"{n} (deliberate)" if f"{namespace}.{n}" in gaps else n for n in missing]
            missing_lines.append(f"missing in {namespace}: " + ", ".join(labelled))
    return "\n".join(lines + [""] + missing_lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--all", action="store_true", help="report every namespace")
    parser.add_argument("--missing", metavar="NAMESPACE", help="list one namespace's missing names")
    parser.add_argument("--write-baseline", action="store_true", help="record the covered names")
    parser.add_argument(
        "--tf-keras-shim", action="store_true", help="tf.keras 2 names that resolve under the shim"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, os.path.dirname(HERE))
    if args.write_baseline:
        print(f"Wrote {len(write_baseline())} covered names to {BASELINE_PATH}")
        print(f"Wrote {len(write_shim_baseline())} shim-covered names to {SHIM_BASELINE_PATH}")
        return
    if args.tf_keras_shim:
        print(tf_keras_shim_report())
        return
    if args.missing:
        print("\n".join(coverage(args.missing)[1]))
        return
    print(report(manifest_namespaces() if args.all else None))


if __name__ == "__main__":
    main()
