"""Golden files: flatten a script's `results`, store them, compare a replay.

A conformance script ends by defining a module-level dict `results`. Both the
recorder (real Keras) and the replay runner (torchkeras) flatten it the same
way: nested dicts and lists of arrays become `/`-joined keys
(`history/loss`, `weights/0`), and every leaf becomes one NumPy array. Each
leaf also keeps its *kind* (Python float, NumPy array, list of floats, ...),
because returning a `np.float32` or a tensor where Keras returns a Python
float is itself a conformance failure.

A golden is two files in `conformance/goldens/`: `<name>.npz` (the arrays,
loadable without pickle) and `<name>.json` (versions, seed, tolerance, the
script's hash, and the kind/dtype/shape of every entry).

This module imports only NumPy: it runs under both environments.
"""

import hashlib
import json
import os
import tempfile
import zipfile

import numpy as np

SEPARATOR = "/"
DEFAULT_TOLERANCE = {"rtol": 1e-5, "atol": 1e-6}

_SUPPORTED = (
    "a NumPy array, a Python or NumPy scalar, a string, "
    "or a dict/list/tuple of those"
)


def _scalar_kind(value):
    """Returns the kind of a scalar leaf, or None if `value` is not one."""
    # bool before int: `True` is an `int` too.
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    if isinstance(value, np.generic) and value.dtype.kind in "biufcU":
        return "numpy_scalar"
    return None


def _describe(value):
    module = type(value).__module__
    name = type(value).__qualname__
    return name if module == "builtins" else f"{module}.{name}"


def flatten(results, errors=None):
    """Flattens a `results` dict into arrays and entry descriptions.

    Args:
        results: the script's `results` dict.
        errors: a list to collect messages about unsupported values in, or
            `None` to raise on the first one. Defaults to `None`.

    Returns:
        A tuple `(arrays, entries, structure)`: `arrays` maps flat keys to
        NumPy arrays, `entries` maps the same keys to
        `{"kind", "dtype", "shape"}`, and `structure` is a JSON-able skeleton
        of the nesting (for humans reading the golden).
    """
    if not isinstance(results, dict):
        message = (
            "Conformance results: `results` must be a dict. "
            f"Expected a dict mapping names to {_SUPPORTED}. "
            f"Received: type={_describe(results)}."
        )
        if errors is None:
            raise TypeError(message)
        errors.append(message)
        return {}, {}, None
    arrays, entries = {}, {}
    structure = _flatten_into(results, "", arrays, entries, errors)
    return arrays, entries, structure


def _fail(errors, exc_type, message):
    if errors is None:
        raise exc_type(message)
    errors.append(message)


def _flatten_into(value, key, arrays, entries, errors):
    where = key or "<top level>"
    if isinstance(value, dict):
        skeleton = {}
        for name, item in value.items():
            if not isinstance(name, str) or not name or SEPARATOR in name:
                _fail(
                    errors,
                    ValueError,
                    f"Conformance results: invalid key at '{where}'. "
                    f"Expected a non-empty string without '{SEPARATOR}'. "
                    f"Received: key={name!r}.",
                )
                continue
            child = f"{key}{SEPARATOR}{name}" if key else name
            skeleton[name] = _flatten_into(
                item, child, arrays, entries, errors
            )
        return {"dict": skeleton}

    if isinstance(value, (list, tuple)):
        kinds = [_scalar_kind(item) for item in value]
        if all(kinds):
            # A list of scalars (a history, a list of metric values) is one
            # entry: its element kinds are part of the contract.
            kind = "list[" + ",".join(sorted(set(kinds))) + "]"
            array = np.asarray(value) if value else np.zeros((0,))
            return _store(key, array, kind, arrays, entries, errors)
        return {
            "list": [
                _flatten_into(
                    item, f"{key}{SEPARATOR}{index}", arrays, entries, errors
                )
                for index, item in enumerate(value)
            ]
        }

    kind = _scalar_kind(value)
    if kind is not None:
        return _store(key, np.asarray(value), kind, arrays, entries, errors)
    if isinstance(value, np.ndarray) and value.dtype.kind in "biufcU":
        return _store(key, value, "ndarray", arrays, entries, errors)
    _fail(
        errors,
        TypeError,
        f"Conformance results: unsupported value at '{where}'. "
        f"Expected {_SUPPORTED}. Received: type={_describe(value)}.",
    )
    return None


def _store(key, array, kind, arrays, entries, errors):
    if not key:
        _fail(
            errors,
            TypeError,
            "Conformance results: `results` must be a dict. "
            f"Expected a dict mapping names to {_SUPPORTED}. "
            f"Received: type={kind}.",
        )
        return None
    arrays[key] = array
    entries[key] = {
        "kind": kind,
        "dtype": str(array.dtype),
        "shape": list(array.shape),
    }
    return kind


def script_digest(path):
    """SHA-256 of a script, ignoring line-ending differences."""
    with open(path, "rb") as f:
        data = f.read().replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


def check_tolerance(tolerance):
    """Validates a script's `TOLERANCE` and fills in the defaults."""
    if tolerance is None:
        return dict(DEFAULT_TOLERANCE)
    if not isinstance(tolerance, dict):
        raise TypeError(
            "Conformance script: `TOLERANCE` must be a dict. "
            "Expected a dict with keys 'rtol' and/or 'atol'. "
            f"Received: TOLERANCE={tolerance!r}."
        )
    unknown = sorted(set(tolerance) - set(DEFAULT_TOLERANCE))
    values = [tolerance.get(k, 0.0) for k in DEFAULT_TOLERANCE]
    if unknown or not all(
        isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0
        for v in values
    ):
        raise ValueError(
            "Conformance script: invalid `TOLERANCE`. Expected only the keys "
            "'rtol' and 'atol', with non-negative numbers. "
            f"Received: TOLERANCE={tolerance!r}."
        )
    merged = dict(DEFAULT_TOLERANCE)
    merged.update({k: float(v) for k, v in tolerance.items()})
    return merged


def _atomic_write(path, write):
    """Writes through a temporary file so a crash never leaves half a golden."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def _write_npz(f, arrays):
    """Like `np.savez_compressed`, but byte-stable: re-recording unchanged
    results must not show up as a diff, so every member gets a fixed date."""
    with zipfile.ZipFile(f, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for key, array in arrays.items():
            info = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as member:
                np.lib.format.write_array(
                    member, np.asanyarray(array), allow_pickle=False
                )


def save(directory, name, arrays, meta):
    """Writes `<name>.npz` and `<name>.json` into `directory`."""
    os.makedirs(directory, exist_ok=True)
    _atomic_write(
        os.path.join(directory, f"{name}.npz"),
        lambda f: _write_npz(f, arrays),
    )
    text = _dump_meta(meta)
    _atomic_write(
        os.path.join(directory, f"{name}.json"),
        lambda f: f.write(text.encode("utf-8")),
    )


def _dump_meta(meta):
    """JSON with one line per top-level field and per entry, for readable diffs."""
    fields = []
    for key, value in meta.items():
        if isinstance(value, dict) and key == "entries":
            inner = ",\n".join(
                f"    {json.dumps(k)}: {json.dumps(v)}" for k, v in value.items()
            )
            fields.append(f"  {json.dumps(key)}: {{\n{inner}\n  }}")
        else:
            fields.append(f"  {json.dumps(key)}: {json.dumps(value)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def load(directory, name):
    """Reads a golden. Returns `(arrays, meta)`."""
    with open(os.path.join(directory, f"{name}.json"), encoding="utf-8") as f:
        meta = json.load(f)
    with np.load(
        os.path.join(directory, f"{name}.npz"), allow_pickle=False
    ) as data:
        arrays = {key: data[key] for key in data.files}
    return arrays, meta


def _is_numeric(array):
    return array.dtype.kind in "biufc"


def compare(script, expected, meta, results):
    """Compares a replay's `results` with a golden.

    Args:
        script: the script name, used in every message.
        expected: the golden arrays (from `load`).
        meta: the golden metadata (from `load`).
        results: the `results` dict the replay produced.

    Returns:
        A list of failure messages, each naming the script and the key;
        empty when everything matches.
    """
    failures = []
    errors = []
    actual, actual_entries, _ = flatten(results, errors=errors)
    failures.extend(f"{script}: {message}" for message in errors)

    entries = meta["entries"]
    rtol = meta["tolerance"]["rtol"]
    atol = meta["tolerance"]["atol"]
    missing = [key for key in entries if key not in actual_entries]
    # A key that failed to flatten is already reported above.
    extra = [key for key in actual_entries if key not in entries]
    if missing:
        failures.append(f"{script}: keys missing from the replay: {missing}")
    if extra:
        failures.append(f"{script}: keys not in the golden: {extra}")

    for key, entry in entries.items():
        if key not in actual:
            continue
        got, want = actual[key], expected[key]
        got_entry = actual_entries[key]
        label = f"{script}: results key '{key}'"
        if got_entry["kind"] != entry["kind"]:
            failures.append(
                f"{label}: Keras returns kind {entry['kind']}, "
                f"the replay returned kind {got_entry['kind']}."
            )
        elif entry["kind"] in ("ndarray", "numpy_scalar") and (
            got_entry["dtype"] != entry["dtype"]
        ):
            failures.append(
                f"{label}: Keras returns dtype {entry['dtype']}, "
                f"the replay returned dtype {got_entry['dtype']}."
            )
        try:
            if (
                _is_numeric(got)
                and _is_numeric(want)
                and (got.dtype.kind in "fc" or want.dtype.kind in "fc")
            ):
                np.testing.assert_allclose(
                    got,
                    want,
                    rtol=rtol,
                    atol=atol,
                    equal_nan=True,
                    err_msg=label,
                )
            else:
                np.testing.assert_array_equal(got, want, err_msg=label)
        except AssertionError as exc:
            failures.append(str(exc).strip())
    return failures
