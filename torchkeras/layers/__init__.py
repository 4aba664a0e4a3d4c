"""`keras.layers`: the building blocks of models."""

from torchkeras.layers import activations as _activations
from torchkeras.layers import attention as _attention
from torchkeras.layers import convolutional as _convolutional
from torchkeras.layers import core as _core
from torchkeras.layers import locally_connected as _locally_connected
from torchkeras.layers import merging as _merging
from torchkeras.layers import normalization as _normalization
from torchkeras.layers import pooling as _pooling
from torchkeras.layers import preprocessing as _preprocessing
from torchkeras.layers import regularization as _regularization
from torchkeras.layers import reshaping as _reshaping
from torchkeras.layers import rnn as _rnn
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

# Each family package lists its public names in `__all__`; they are all `keras.layers.<Name>`.
_FAMILIES = (
    _activations, _attention, _convolutional, _core, _locally_connected, _merging,
    _normalization, _pooling, _preprocessing, _regularization, _reshaping, _rnn,
)
for _family in _FAMILIES:
    globals().update({_name: getattr(_family, _name) for _name in _family.__all__})

__all__ = sorted(
    ["InputSpec", "Layer"] + [name for family in _FAMILIES for name in family.__all__]
)


def serialize(layer):
    """Return the Keras config dict of a layer."""
    from torchkeras.saving import serialization

    return serialization.serialize_keras_object(layer)


def deserialize(config, custom_objects=None):
    """Recreate a layer from its Keras config dict."""
    from torchkeras.saving import serialization

    module_objects = {name: globals()[name] for name in __all__ if isinstance(globals()[name], type)}
    # A class exported under another name (`GroupQueryAttention` is `GroupedQueryAttention`)
    # is found by the class name its config carries.
    module_objects.update({cls.__name__: cls for cls in list(module_objects.values())})
    from torchkeras import models

    module_objects.update({
        "Sequential": models.Sequential, "Functional": models.Functional, "Model": models.Model,
    })
    return serialization.deserialize_keras_object(
        config, module_objects=module_objects, custom_objects=custom_objects,
        printable_module_name="layer",
    )
