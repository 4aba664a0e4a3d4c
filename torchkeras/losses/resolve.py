"""Resolving a `compile(loss=...)` entry into a `Loss`, given example targets and outputs."""

from torchkeras.losses import _helpers
from torchkeras.losses import catalogue
from torchkeras.losses import crossentropy_losses
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper


def is_binary_or_sparse_categorical(y_true, y_pred):
    """`(is_binary, is_sparse_categorical)` guessed from the shapes of `y_true` and `y_pred`.

    Binary when `y_pred` has one unit; sparse categorical when `y_true` has lower rank than
    `y_pred`, or ends in a size-1 axis while `y_pred` has several units.
    """
    true_shape = tuple(y_true.shape)
    pred_shape = tuple(y_pred.shape)
    true_last = true_shape[-1] if true_shape else None
    pred_last = pred_shape[-1] if pred_shape else None
    is_binary = pred_last == 1
    is_sparse_categorical = len(true_shape) < len(pred_shape) or (
        true_last == 1 and pred_last is not None and pred_last > 1
    )
    return is_binary, is_sparse_categorical


def get_loss(identifier, y_true, y_pred):
    """The `Loss` for one output of `compile(loss=identifier)`.

    `"crossentropy"`/`"ce"` (any case) picks binary, sparse categorical or categorical
    crossentropy from the shapes of `y_true` and `y_pred` (tensors or anything with `.shape`).
    Plain functions are wrapped in a `LossFunctionWrapper` named as the string the user gave, or
    after the function.

    Args:
        identifier: A loss name, config, function or `Loss` instance; `None` for no loss.
        y_true: Example targets for this output.
        y_pred: Example outputs.

    Returns:
        A `Loss` instance, or `None`.
    """
    if identifier is None:
        return None
    if str(identifier).lower() not in ("crossentropy", "ce"):
        loss_obj = catalogue.get(identifier)
    else:
        is_binary, is_sparse_categorical = is_binary_or_sparse_categorical(y_true, y_pred)
        if is_binary:
            loss_obj = crossentropy_losses.binary_crossentropy
        elif is_sparse_categorical:
            loss_obj = crossentropy_losses.sparse_categorical_crossentropy
        else:
            loss_obj = crossentropy_losses.categorical_crossentropy
    if not isinstance(loss_obj, Loss):
        if isinstance(identifier, str):
            loss_name = identifier
        else:
            loss_name = _helpers.get_object_name(loss_obj)
        loss_obj = LossFunctionWrapper(loss_obj, name=loss_name)
    return loss_obj
