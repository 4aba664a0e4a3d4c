"""Running the op cases and storing/comparing their outputs (shared by recorder and test).

Imports only NumPy: `record_goldens.py` runs it under real Keras, `test_op_goldens.py` under
torchkeras. Outputs are flattened into leaves: tensors and NumPy arrays become
`{"kind": "tensor", "dtype", "shape"}` plus an array in the `.npz` file; Python values stay in the
JSON (`{"kind": "py", "value"}`).
"""

import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN_DIR = os.path.join(HERE, "goldens")
NPZ_PATH = os.path.join(GOLDEN_DIR, "op_goldens.npz")
JSON_PATH = os.path.join(GOLDEN_DIR, "op_goldens.json")


def resolve_op(ops, path):
    target = ops
    for part in path.split("."):
        target = getattr(target, part)
    return target


def resolve_args(ops, value, functions):
    from op_cases import Fn  # noqa: the cases module sits next to this one
    from op_cases import AsTensor

    if isinstance(value, Fn):
        return functions[value.name](ops)
    if isinstance(value, AsTensor):
        return ops.convert_to_tensor(value.value)
    if isinstance(value, list):
        return [resolve_args(ops, v, functions) for v in value]
    if isinstance(value, tuple):
        return tuple(resolve_args(ops, v, functions) for v in value)
    if isinstance(value, dict):
        return {k: resolve_args(ops, v, functions) for k, v in value.items()}
    return value


def run_case(ops, case, functions):
    fn = resolve_op(ops, case.op)
    args = resolve_args(ops, case.args, functions)
    kwargs = resolve_args(ops, case.kwargs, functions)
    return fn(*args, **kwargs)


def flatten(value, to_numpy, dtype_name):
    """Leaves of an op's output: `(description, array or None)` pairs, in order."""
    leaves = []

    def visit(v):
        if isinstance(v, (list, tuple)):
            for item in v:
                visit(item)
            return
        if isinstance(v, (bool, int, float, str)) or v is None:
            leaves.append(({"kind": "py", "type": type(v).__name__, "value": v}, None))
            return
        if isinstance(v, np.generic) and not hasattr(v, "numpy"):
            v = np.asarray(v)
        if isinstance(v, np.ndarray):
            leaves.append(({"kind": "numpy", "dtype": str(v.dtype), "shape": list(v.shape)}, v))
            return
        array = np.asarray(to_numpy(v))
        name = dtype_name(v)
        if name == "bfloat16":
            array = array.astype("float32")
        leaves.append(({"kind": "tensor", "dtype": name, "shape": list(array.shape)}, array))

    visit(value)
    return leaves


def save(records, arrays):
    os.makedirs(GOLDEN_DIR, exist_ok=True)
    np.savez_compressed(NPZ_PATH, **arrays)
    with open(JSON_PATH, "w") as f:
        json.dump(records, f, indent=0, sort_keys=True)
        f.write("\n")


def load():
    with open(JSON_PATH) as f:
        records = json.load(f)
    arrays = np.load(NPZ_PATH, allow_pickle=False)
    return records, arrays
