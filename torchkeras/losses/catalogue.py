"""Looking losses up by name: `get`, `serialize`, `deserialize`."""

import inspect

from torchkeras.losses import circle_loss
from torchkeras.losses import crossentropy_losses
from torchkeras.losses import ctc_loss
from torchkeras.losses import focal_losses
from torchkeras.losses import generalized_crossentropy
from torchkeras.losses import hinge_losses
from torchkeras.losses import probabilistic_losses
from torchkeras.losses import regression_losses
from torchkeras.losses import segmentation_losses
from torchkeras.losses.loss import Loss
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper
from torchkeras.saving import serialization

ALL_OBJECTS = (
    Loss,
    LossFunctionWrapper,
    probabilistic_losses.KLDivergence,
    probabilistic_losses.Poisson,
    crossentropy_losses.BinaryCrossentropy,
    focal_losses.BinaryFocalCrossentropy,
    crossentropy_losses.CategoricalCrossentropy,
    focal_losses.CategoricalFocalCrossentropy,
    crossentropy_losses.SparseCategoricalCrossentropy,
    regression_losses.MeanSquaredError,
    regression_losses.MeanAbsoluteError,
    regression_losses.MeanAbsolutePercentageError,
    regression_losses.MeanSquaredLogarithmicError,
    regression_losses.CosineSimilarity,
    regression_losses.LogCosh,
    regression_losses.Huber,
    hinge_losses.Hinge,
    hinge_losses.SquaredHinge,
    hinge_losses.CategoricalHinge,
    segmentation_losses.Dice,
    segmentation_losses.Tversky,
    circle_loss.Circle,
    ctc_loss.CTC,
    # Not in Keras 3.15's table (so `get` and `deserialize` fail there); listed here so that
    # configs written by `serialize` load back.
    generalized_crossentropy.CategoricalGeneralizedCrossEntropy,
    probabilistic_losses.kl_divergence,
    probabilistic_losses.poisson,
    crossentropy_losses.binary_crossentropy,
    focal_losses.binary_focal_crossentropy,
    crossentropy_losses.categorical_crossentropy,
    focal_losses.categorical_focal_crossentropy,
    crossentropy_losses.sparse_categorical_crossentropy,
    regression_losses.mean_squared_error,
    regression_losses.mean_absolute_error,
    regression_losses.mean_absolute_percentage_error,
    regression_losses.mean_squared_logarithmic_error,
    regression_losses.cosine_similarity,
    regression_losses.log_cosh,
    regression_losses.huber,
    hinge_losses.hinge,
    hinge_losses.squared_hinge,
    hinge_losses.categorical_hinge,
    segmentation_losses.dice,
    segmentation_losses.tversky,
    circle_loss.circle,
    ctc_loss.ctc,
    generalized_crossentropy.categorical_generalized_cross_entropy,
)

ALL_OBJECTS_DICT = {obj.__name__: obj for obj in ALL_OBJECTS}
ALL_OBJECTS_DICT.update(
    {
        "bce": crossentropy_losses.binary_crossentropy,
        "BCE": crossentropy_losses.binary_crossentropy,
        "kld": probabilistic_losses.kl_divergence,
        "KLD": probabilistic_losses.kl_divergence,
        "mae": regression_losses.mean_absolute_error,
        "MAE": regression_losses.mean_absolute_error,
        "mse": regression_losses.mean_squared_error,
        "MSE": regression_losses.mean_squared_error,
        "mape": regression_losses.mean_absolute_percentage_error,
        "MAPE": regression_losses.mean_absolute_percentage_error,
        "msle": regression_losses.mean_squared_logarithmic_error,
        "MSLE": regression_losses.mean_squared_logarithmic_error,
    }
)


def serialize(loss):
    """Serializes a loss function or `Loss` instance.

    Args:
        loss: A Keras `Loss` instance or a loss function.

    Returns:
        Loss configuration dictionary (or the name of a built-in loss function).
    """
    return serialization.serialize_keras_object(loss)


def deserialize(name, custom_objects=None):
    """Deserializes a serialized loss class/function instance.

    Args:
        name: Loss configuration or name.
        custom_objects: Optional dictionary mapping names (strings) to custom objects (classes
            and functions) to be considered during deserialization.

    Returns:
        A Keras `Loss` instance or a loss function.
    """
    return serialization.deserialize_keras_object(
        name,
        module_objects=ALL_OBJECTS_DICT,
        custom_objects=custom_objects,
        printable_module_name="loss function",
    )


def get(identifier):
    """Retrieves a Keras loss as a function or a `Loss` instance.

    Args:
        identifier: `None`, the name of a loss function or class (`"mse"`,
            `"categorical_crossentropy"`, `"CategoricalCrossentropy"`, ...), a config dict
            (`{"class_name": ..., "config": ...}`), a loss function or a `Loss` instance.

    Returns:
        A loss function or `Loss` instance (a class name gives an instance with default
        arguments).

    Example:

    >>> keras.losses.get("categorical_crossentropy")
    <function categorical_crossentropy ...>
    >>> keras.losses.get({"class_name": "CategoricalCrossentropy",
    ...                   "config": {"from_logits": True}})
    <LossFunctionWrapper(...)>
    """
    if identifier is None:
        return None
    if isinstance(identifier, dict):
        obj = deserialize(identifier)
    elif isinstance(identifier, str):
        obj = ALL_OBJECTS_DICT.get(identifier, None)
    else:
        obj = identifier
    if callable(obj):
        if inspect.isclass(obj):
            obj = obj()
        return obj
    raise ValueError(f"Could not interpret loss identifier: {identifier}")
