"""`keras.activations.get/serialize/deserialize`."""

import pytest
import torch

from torchkeras import activations
from torchkeras import saving

# from keras 3.15.1: [n for n in dir(keras.activations) if not n.startswith("_")]
KERAS_NAMES = [
    "celu", "deserialize", "elu", "exponential", "gelu", "get", "glu", "hard_shrink",
    "hard_sigmoid", "hard_silu", "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid",
    "log_softmax", "mish", "relu", "relu6", "selu", "serialize", "sigmoid", "silu", "soft_shrink",
    "softmax", "softplus", "softsign", "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus",
    "swish", "tanh", "tanh_shrink", "threshold",
]


def test_public_names_match_keras():
    assert sorted(activations.__all__) == KERAS_NAMES
    for name in KERAS_NAMES:
        assert callable(getattr(activations, name))


@pytest.mark.parametrize(
    "name", [n for n in KERAS_NAMES if n not in ("get", "serialize", "deserialize")]
)
def test_get_and_round_trip_every_name(name):
    fn = activations.get(name)
    assert fn is getattr(activations, name)
    config = activations.serialize(fn)
    assert config == fn.__name__  # built-ins serialize to their name, as in Keras
    assert activations.deserialize(config) is fn
    assert activations.get(config) is fn


def test_get_special_identifiers():
    assert activations.get(None) is activations.linear
    assert activations.get("swish") is activations.silu
    assert activations.get("hard_swish") is activations.hard_silu

    def custom(x):
        return x * 2

    assert activations.get(custom) is custom
    assert activations.get(torch.relu) is torch.relu
    config = {"module": "keras.activations", "class_name": "function", "config": "relu",
              "registered_name": "relu"}
    assert activations.get(config) is activations.relu


def test_aliases_serialize_to_the_canonical_name():
    # from keras 3.15.1: serialize(swish) == "silu", serialize(hard_swish) == "hard_silu"
    assert activations.serialize(activations.swish) == "silu"
    assert activations.serialize(activations.hard_swish) == "hard_silu"
    assert activations.deserialize("swish") is activations.silu


def test_get_errors():
    with pytest.raises(ValueError) as e:
        activations.get("foo")
    assert str(e.value) == "Could not interpret activation function identifier: foo"
    with pytest.raises(ValueError) as e:
        activations.get(3)
    assert str(e.value) == "Could not interpret activation function identifier: 3"


def test_deserialize_unknown_name():
    with pytest.raises(ValueError) as e:
        activations.deserialize("foo")
    assert str(e.value) == "Could not interpret activation function identifier: foo"


def test_serialize_string_error():
    with pytest.raises(ValueError) as e:
        activations.serialize("relu")
    assert str(e.value) == (
        "Unknown activation function 'relu' cannot be serialized due to invalid function name. "
        "Make sure to use an activation name that matches the references defined in "
        "activations.py or use `@keras.saving.register_keras_serializable()`to register any "
        "custom activations. config=relu"
    )


def test_registered_custom_function_round_trip():
    @saving.register_keras_serializable(package="h1_tests")
    def doubled(x):
        return 2 * x

    config = activations.serialize(doubled)
    assert config["class_name"] == "function"
    assert config["config"] == "h1_tests>doubled"
    assert activations.deserialize(config) is doubled


def test_custom_objects_resolve_unregistered_functions():
    def tripled(x):
        return 3 * x

    config = activations.serialize(tripled)
    assert config["config"] == "tripled"
    assert activations.deserialize(config, custom_objects={"tripled": tripled}) is tripled
