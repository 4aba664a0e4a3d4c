"""tf.keras 2's `RadialConstraint`."""

import numpy as np
import pytest

from torchkeras import constraints


@pytest.mark.parametrize("size, centre, rings", [
    # from tf_keras 2.21: w = arange(size * size * 2).reshape(size, size, 2, 1), channel 0.
    (3, 0.0, [8.0]),
    (4, 10.0, [30.0]),
    (5, 12.0, [24.0, 36.0]),
])
def test_matches_tf_keras_2(size, centre, rings):
    w = np.arange(size * size * 2, dtype="float32").reshape(size, size, 2, 1)
    out = constraints.RadialConstraint()(w).numpy()
    half = size // 2
    ring = np.maximum.outer(*[np.where(np.arange(size) < half, half - 1 - np.arange(size),
                                       np.arange(size) - half)] * 2) if size % 2 == 0 else (
        np.maximum.outer(*[np.abs(np.arange(size) - half)] * 2))
    expected = np.array([centre] + rings)[ring]
    np.testing.assert_array_equal(out[:, :, 0, 0], expected)
    np.testing.assert_array_equal(out[:, :, 1, 0], expected + 1)  # channel 1 is channel 0 + 1


def test_alias_config_and_errors():
    assert constraints.radial_constraint is constraints.RadialConstraint
    c = constraints.RadialConstraint()
    assert c.get_config() == {}
    assert isinstance(constraints.deserialize(constraints.serialize(c)), constraints.RadialConstraint)
    with pytest.raises(ValueError, match=r"The weight tensor must have rank 4. Received weight "
                                         r"tensor with shape: \(3, 3, 1\)"):
        c(np.ones((3, 3, 1), "float32"))
    with pytest.raises(ValueError, match=r"RadialConstraint: the kernel must be square. Expected "
                                         r"rows == cols. Received: weight shape=\(2, 3, 1, 1\)"):
        c(np.ones((2, 3, 1, 1), "float32"))
