"""Shared checks for the `tensorflow` subset: compare a result with values recorded under real
TensorFlow 2.21 (tests hold them as literals `(dtype, values)`, nested for lists of tensors)."""

import builtins

import numpy as np
import pytest
import torch

from torchkeras.backend import dtypes
from torchkeras.compat import tensorflow as tf


def _compare(result, expected, where):
    if isinstance(expected, tuple) and len(expected) == 2 and isinstance(expected[0], str):
        dtype, values = expected
        assert isinstance(result, torch.Tensor), f"{where}: expected a tensor, got {result!r}"
        assert dtypes.standardize_dtype(result.dtype) == dtype, (
            f"{where}: dtype {result.dtype} != {dtype}")
        got = result.detach().cpu().numpy()
        want = np.asarray(values, dtype=got.dtype if got.dtype != bool else bool)
        assert got.shape == want.shape, f"{where}: shape {got.shape} != {want.shape}"
        if got.dtype.kind == "f":
            np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6, err_msg=where)
        else:
            np.testing.assert_array_equal(got, want, err_msg=where)
    elif isinstance(expected, list):
        assert len(result) == len(expected), f"{where}: {len(result)} != {len(expected)} items"
        for r, e in zip(result, expected):
            _compare(r, e, where)
    else:
        assert result == expected, f"{where}: {result!r} != {expected!r}"


def check_case(expression, expected):
    """Evaluate `expression` (using `tf` and `np`) and compare with TF's recorded result."""
    namespace = {"tf": tf, "np": np}
    if isinstance(expected, tuple) and expected and expected[0] == "raises":
        _, error_name, message = expected
        error = getattr(tf.errors, error_name, None) or getattr(builtins, error_name)
        with pytest.raises(error) as info:
            eval(expression, namespace)
        if not message.startswith("{{function_node") and "_Mkl" not in message:
            # TF's message (unless it names a TF kernel: device prefixes, oneDNN's `_Mkl*`).
            assert str(info.value).split("\n")[0][:200] == message
        return
    _compare(eval(expression, namespace), expected, expression)


@pytest.fixture
def check():
    return check_case
