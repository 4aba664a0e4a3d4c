"""Compile-time loss resolution: `get_loss` (the "crossentropy"/"ce" shortcut by shapes)."""

import numpy as np
import pytest
import torch

from torchkeras import losses
from torchkeras.losses.resolve import get_loss

Y_BIN = torch.zeros(4, 1)
Y_SPARSE = torch.zeros(4)
Y_SPARSE_1 = torch.zeros(4, 1)
Y_ONEHOT = torch.zeros(4, 3)
P_ONE = torch.zeros(4, 1)
P_THREE = torch.zeros(4, 3)


@pytest.mark.parametrize("identifier", ["ce", "CE", "crossentropy"])
@pytest.mark.parametrize(
    "y_true, y_pred, fn",
    [  # resolution from keras 3.15.1
        (Y_BIN, P_ONE, losses.binary_crossentropy),
        (Y_SPARSE, P_THREE, losses.sparse_categorical_crossentropy),
        (Y_SPARSE_1, P_THREE, losses.sparse_categorical_crossentropy),
        (Y_ONEHOT, P_THREE, losses.categorical_crossentropy),
    ],
)
def test_get_loss_crossentropy_by_shapes(identifier, y_true, y_pred, fn):
    loss = get_loss(identifier, y_true, y_pred)
    assert isinstance(loss, losses.LossFunctionWrapper)
    assert loss.fn is fn
    assert loss.name == identifier


def test_get_loss_names_and_wrapping():
    # Names from keras 3.15.1.
    loss = get_loss("mse", Y_BIN, P_ONE)
    assert isinstance(loss, losses.LossFunctionWrapper) and loss.name == "mse"
    loss = get_loss("MeanSquaredError", Y_BIN, P_ONE)
    assert type(loss) is losses.MeanSquaredError and loss.name == "mean_squared_error"
    assert get_loss(losses.mean_absolute_error, Y_BIN, P_ONE).name == "mean_absolute_error"
    huber = losses.Huber()
    assert get_loss(huber, Y_BIN, P_ONE) is huber
    assert get_loss(lambda a, b: a, Y_BIN, P_ONE).name == "lambda"
    assert get_loss(None, Y_BIN, P_ONE) is None
    # Shapes given as anything with `.shape`.
    loss = get_loss("ce", np.zeros((4,)), np.zeros((4, 3)))
    assert loss.fn is losses.sparse_categorical_crossentropy
