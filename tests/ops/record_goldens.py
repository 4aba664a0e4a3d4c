"""Record the `keras.ops` goldens with real Keras (TensorFlow backend).

Run from the repository root with the reference environment (never part of the project's
dependencies):

    ../refenv/bin/python tests/ops/record_goldens.py

It runs every case of `op_cases.py` under Keras 3.15.1 on TensorFlow and writes
`tests/ops/goldens/op_goldens.{json,npz}`. `test_op_goldens.py` replays the cases with torchkeras.
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import keras  # noqa: E402
import numpy as np  # noqa: E402

import golden_io  # noqa: E402
import op_cases  # noqa: E402


def _to_numpy(x):
    if keras.backend.standardize_dtype(x.dtype) == "bfloat16":
        x = keras.ops.cast(x, "float32")
    return keras.ops.convert_to_numpy(x)


def _dtype_name(x):
    return keras.backend.standardize_dtype(x.dtype)


def main():
    if keras.backend.backend() != "tensorflow" or keras.__version__ != "3.15.1":
        raise SystemExit(
            f"Record with Keras 3.15.1 on TensorFlow. Found keras {keras.__version__} on "
            f"{keras.backend.backend()}."
        )
    records = {"keras_version": keras.__version__, "cases": {}}
    arrays = {}
    unexpected = []

    def record(name, fn, expect_error):
        try:
            output = fn()
        except Exception as e:  # noqa: BLE001 - every Keras error is recorded as data
            records["cases"][name] = {
                "status": "error",
                "type": type(e).__name__,
                "message": str(e),
            }
            if expect_error is False:
                unexpected.append(f"{name}: {type(e).__name__}: {str(e)[:200]}")
            return
        if expect_error:
            unexpected.append(f"{name}: expected an error, none raised")
        leaves = golden_io.flatten(output, _to_numpy, _dtype_name)
        descriptions = []
        for i, (description, array) in enumerate(leaves):
            if array is not None:
                key = f"{name}/{i}"
                arrays[key] = np.asarray(array)
                description = dict(description, key=key)
            descriptions.append(description)
        records["cases"][name] = {"status": "ok", "leaves": descriptions}

    for case in op_cases.CASES:
        record(
            case.name, lambda: golden_io.run_case(keras.ops, case, op_cases.FUNCTIONS), case.error
        )
    for case in op_cases.DTYPE_CASES:
        record(case.name, lambda: op_cases.dtype_call(keras.ops, case), None)
    golden_io.save(records, arrays)
    print(f"Recorded {len(records['cases'])} cases to {golden_io.JSON_PATH}")
    for line in unexpected:
        print("  note:", line)


if __name__ == "__main__":
    main()
