"""Every `keras.ops` case of `op_cases.py` against the goldens recorded with real Keras 3.15.1.

Each case compares the outputs' dtypes, shapes and values (and, for cases marked `error=True`,
the exception type and message). The goldens come from `record_goldens.py`, run once with
TensorFlow; this test needs only NumPy and torchkeras.
"""

import collections

import numpy as np
import pytest
import torch

import golden_io
import op_cases
import torchkeras
from torchkeras.backend import dtypes

RECORDS, ARRAYS = golden_io.load()
GOLDENS = RECORDS["cases"]
DEFAULT_RTOL = 1e-5
DEFAULT_ATOL = 1e-6

# Cases whose Keras-on-TensorFlow result is not the reference, each with the reason.
KNOWN_DIFFERENCES = {
    "eigh": "eigenvector signs are arbitrary: LAPACK (torch) and Eigen (TensorFlow) pick "
    "different ones; tests/ops/test_linalg.py checks A v = w v instead",
}


def _to_numpy(x):
    return torchkeras.ops.convert_to_numpy(x)


def _dtype_name(x):
    return dtypes.standardize_dtype(x.dtype)


def _compare(name, output, rtol, atol):
    golden = GOLDENS[name]
    leaves = golden_io.flatten(output, _to_numpy, _dtype_name)
    expected = golden["leaves"]
    assert len(leaves) == len(
        expected
    ), f"{name}: {len(leaves)} outputs, Keras gives {len(expected)}"
    for i, ((description, array), want) in enumerate(zip(leaves, expected)):
        where = f"{name} output {i}"
        if want["kind"] == "py":
            assert (
                description["kind"] == "py"
            ), f"{where}: got a {description}, Keras a Python value"
            got_value, want_value = description["value"], want["value"]
            if isinstance(want_value, float):
                np.testing.assert_allclose(
                    got_value, want_value, rtol=rtol, atol=atol, err_msg=where
                )
            else:
                assert got_value == want_value, f"{where}: {got_value!r} != {want_value!r}"
            continue
        got_dtype = (
            description["dtype"] if description["kind"] == "tensor" else description["dtype"]
        )
        assert got_dtype == want["dtype"], f"{where}: dtype {got_dtype}, Keras {want['dtype']}"
        assert (
            description["shape"] == want["shape"]
        ), f"{where}: shape {description['shape']}, Keras {want['shape']}"
        reference = ARRAYS[want["key"]]
        if reference.dtype.kind in "fc":
            np.testing.assert_allclose(
                array, reference, rtol=rtol, atol=atol, equal_nan=True, err_msg=where
            )
        else:
            np.testing.assert_array_equal(array, reference, err_msg=where)


# Cases with a documented difference, and cases where Keras on TensorFlow itself fails (so
# there is no value to compare: torchkeras follows NumPy there, see compat/DIFFERENCES.md), are
# checked elsewhere (tests/ops/test_*.py) and left out of this comparison.
_COMPARABLE = [
    case for case in op_cases.CASES
    if case.name not in KNOWN_DIFFERENCES
    and (case.error or GOLDENS[case.name]["status"] != "error")
]


@pytest.mark.parametrize("case", _COMPARABLE, ids=lambda c: c.name)
def test_op_matches_keras(case):
    golden = GOLDENS[case.name]
    if case.error:
        with pytest.raises(Exception) as info:
            golden_io.run_case(torchkeras.ops, case, op_cases.FUNCTIONS)
        assert type(info.value).__name__ == golden["type"], (
            f"{case.name}: raised {type(info.value).__name__}: {info.value}; Keras raises "
            f"{golden['type']}: {golden['message']}"
        )
        # Keras wraps errors raised inside an op's `call` ("Exception encountered when calling
        # Pad.call()...", with the message inside); the message itself must be Keras's.
        message = golden["message"]
        if message.startswith("Exception encountered when calling"):
            assert str(info.value) in message, f"{info.value!s} not in {message}"
        else:
            assert str(info.value) == message
        return
    output = golden_io.run_case(torchkeras.ops, case, op_cases.FUNCTIONS)
    rtol = DEFAULT_RTOL if case.rtol is None else case.rtol
    atol = DEFAULT_ATOL if case.atol is None else case.atol
    _compare(case.name, output, rtol, atol)


_BY_OP = collections.defaultdict(list)
for _case in op_cases.DTYPE_CASES:
    _BY_OP[_case.op].append(_case)


@pytest.mark.parametrize("op", sorted(_BY_OP))
def test_dtype_promotion_matches_keras(op):
    failures = []
    for case in _BY_OP[op]:
        golden = GOLDENS[case.name]
        if golden["status"] == "error":
            continue  # TensorFlow has no kernel for this dtype; torchkeras may be more permissive.
        try:
            output = op_cases.dtype_call(torchkeras.ops, case)
            low_precision = any(d in ("float16", "bfloat16") for d in case.dtypes)
            _compare(
                case.name, output, 1e-2 if low_precision else 1e-5, 1e-2 if low_precision else 1e-6
            )
        except Exception as e:  # noqa: BLE001 - collect every mismatch of the op
            failures.append(f"{case.name}: {type(e).__name__}: {str(e).splitlines()[0][:200]}")
    assert not failures, "\n".join(failures)


def test_goldens_cover_every_case():
    names = {c.name for c in op_cases.CASES} | {c.name for c in op_cases.DTYPE_CASES}
    assert names == set(GOLDENS), "re-record the goldens: tests/ops/record_goldens.py"
    assert RECORDS["keras_version"] == "3.15.1"


def test_torch_is_not_required_to_read_goldens():
    # The goldens are plain JSON + npz (no pickle): readable anywhere.
    assert isinstance(ARRAYS, np.lib.npyio.NpzFile)
    assert torch.is_tensor(torchkeras.ops.convert_to_tensor(ARRAYS[next(iter(ARRAYS.files))]))
