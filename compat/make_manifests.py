"""Write the API manifests: every public name of every `keras.*` (and `tf_keras.*`) namespace.

Run with real Keras (the reference environment, never a dependency of the project), from the
repository root:

    ../refenv/bin/python compat/make_manifests.py

It walks the public `keras` package (Keras 3; everything but `keras.src`) and the public
`tf_keras` package (tf.keras 2) and writes one file per namespace to
`compat/manifests/<package>/<namespace>.txt`: a header line with the version, then one
`name kind` line per public name (kind: class, function, module or value), sorted. Writing the
same versions twice gives identical files.
"""

import inspect
import os
import sys
import types

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import tf_keras  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST_DIR = os.path.join(HERE, "manifests")
SKIP = {"keras.src", "tf_keras.src"}


def _kind(value):
    if isinstance(value, types.ModuleType):
        return "module"
    if inspect.isclass(value):
        return "class"
    if callable(value):
        return "function"
    return "value"


def _public_names(module):
    return sorted(n for n in dir(module) if not n.startswith("_"))


def walk(module, name, found):
    """Collect `{namespace: {name: kind}}` for `module` and its public sub-namespaces."""
    if name in SKIP or name in found:
        return
    entries = {}
    for attr in _public_names(module):
        value = getattr(module, attr)
        entries[attr] = _kind(value)
    found[name] = entries
    for attr, kind in entries.items():
        child = getattr(module, attr)
        root = name.split(".")[0]
        if kind == "module" and getattr(child, "__name__", "").startswith(root):
            walk(child, f"{name}.{attr}", found)


def write(package, module):
    found = {}
    walk(module, package, found)
    out_dir = os.path.join(MANIFEST_DIR, package)
    os.makedirs(out_dir, exist_ok=True)
    for stale in os.listdir(out_dir):
        if stale.endswith(".txt"):
            os.remove(os.path.join(out_dir, stale))
    for namespace, entries in sorted(found.items()):
        lines = [f"# {namespace} ({package} {module.__version__}): {len(entries)} public names"]
        lines += [f"{attr} {kind}" for attr, kind in sorted(entries.items())]
        with open(os.path.join(out_dir, f"{namespace}.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    print(f"Wrote {len(found)} namespaces to {out_dir}", file=sys.stderr)


def main():
    if keras.backend.backend() != "tensorflow":
        raise SystemExit("Write the manifests with Keras on the TensorFlow backend.")
    write("keras", keras)
    write("tf_keras", tf_keras)


if __name__ == "__main__":
    main()
