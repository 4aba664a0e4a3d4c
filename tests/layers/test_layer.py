import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers


class SimpleDense(layers.Layer):
    def __init__(self, units=3, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")
        self.bias = self.add_weight(shape=(self.units,), initializer="zeros", name="bias")

    def call(self, inputs):
        return inputs @ self.kernel + self.bias


class Counter(layers.Layer):
    def __init__(self):
        super().__init__()
        self.total = self.add_weight(shape=(), initializer="zeros", trainable=False, name="total")

    def call(self, inputs):
        self.total.assign(self.total + inputs.sum())
        return inputs


def test_build_on_first_call_and_weights(rng):
    layer = SimpleDense(4)
    assert not layer.built
    x = rng.standard_normal((2, 5)).astype("float32")
    y = layer(x)
    assert layer.built
    np.testing.assert_allclose(
        y.detach().numpy(), x @ layer.kernel.numpy() + layer.bias.numpy(), rtol=1e-6
    )
    assert [w.name for w in layer.weights] == ["kernel", "bias"]
    assert [w.path for w in layer.weights] == ["simple_dense/kernel", "simple_dense/bias"]
    assert layer.count_params() == 5 * 4 + 4
    # The layer is a torch module: its weights are its parameters and its state_dict.
    assert list(layer.state_dict()) == ["kernel", "bias"]
    assert [p is w for p, w in zip(layer.parameters(), layer.weights)] == [True, True]


def test_non_trainable_weights_and_order():
    counter = Counter()
    counter(np.ones((2, 2), "float32"))
    assert counter.weights == [counter.total]
    assert counter.non_trainable_weights == [counter.total]
    assert counter.trainable_weights == []
    assert float(counter.total.numpy()) == 4.0


def test_trainable_false_moves_weights_to_non_trainable(rng):
    layer = SimpleDense(2)
    layer(rng.standard_normal((1, 3)))
    layer.trainable = False
    assert layer.trainable_weights == []
    assert len(layer.non_trainable_weights) == 2
    assert not layer.kernel.requires_grad
    assert layer.kernel.trainable  # the variable keeps its own flag, as in Keras
    layer.trainable = True
    assert layer.kernel.requires_grad


def test_automatic_unique_names():
    assert layers.Dense(2).name == "dense"
    assert layers.Dense(2).name == "dense_1"
    assert SimpleDense().name == "simple_dense"
    assert layers.Dense(2, name="head").name == "head"
    keras.clear_session()
    assert layers.Dense(2).name == "dense"


def test_unknown_keyword_argument_is_an_error():
    with pytest.raises(ValueError, match=r"Unrecognized keyword arguments passed to Dense: \{'foo': 1\}"):
        layers.Dense(2, foo=1)


def test_invalid_name_and_trainable():
    with pytest.raises(ValueError, match="cannot contain character `/`"):
        layers.Dense(2, name="a/b")
    with pytest.raises(ValueError, match="Expected `trainable` to be a boolean"):
        layers.Dense(2, trainable="yes")


def test_set_weights_checks_count_and_shapes():
    layer = layers.Dense(2)
    with pytest.raises(ValueError, match=r"with a weight list of length 1, but the layer was expecting 0 weights"):
        layer.set_weights([np.ones((2, 2))])
    layer.build((None, 3))
    with pytest.raises(ValueError, match=r"Layer dense weight shape \(3, 2\) is not compatible with provided weight shape \(2, 2\)"):
        layer.set_weights([np.ones((2, 2)), np.ones(2)])
    layer.set_weights([np.full((3, 2), 2.0), np.array([1.0, -1.0])])
    np.testing.assert_allclose(layer(np.ones((1, 3), "float32")).detach().numpy(), [[7.0, 5.0]])


def test_input_feature_size_mismatch_names_the_layer():
    layer = layers.Dense(2)
    layer(np.ones((1, 3), "float32"))
    with pytest.raises(ValueError) as info:
        layer(np.ones((2, 5), "float32"))
    assert str(info.value) == (
        "Input 0 with name 'None' of layer 'dense' is incompatible with the layer: expected axis "
        "-1 of input shape to have value 3, but received input with shape (2, 5)"
    )


def test_count_params_before_build_is_an_error():
    with pytest.raises(ValueError, match="isn't built"):
        layers.Dense(2).count_params()


class TrainingEcho(layers.Layer):
    def call(self, inputs, training=None):
        return inputs + (1.0 if training else 0.0)


class Outer(layers.Layer):
    def __init__(self):
        super().__init__()
        self.inner = TrainingEcho()

    def call(self, inputs):
        return self.inner(inputs)


def test_training_argument_propagates_to_sublayers():
    outer = Outer()
    x = torch.zeros(1, 1)
    assert float(outer(x)) == 0.0
    # `training` passed to the outer call reaches the inner layer through the call context,
    # even though Outer.call has no `training` argument.
    echo = TrainingEcho()
    assert float(echo(x, training=True)) == 1.0
    model = keras.Sequential([keras.Input((1,)), TrainingEcho()])
    assert float(model(x, training=True)) == 1.0
    assert float(model(x)) == 0.0


def test_torch_train_and_eval_modes_are_honoured_when_set():
    model = keras.Sequential([keras.Input((1,)), TrainingEcho()])
    x = torch.zeros(1, 1)
    model.train()
    assert float(model(x)) == 1.0
    model.eval()
    assert float(model(x)) == 0.0
    assert float(model(x, training=True)) == 1.0


class ActivityLoss(layers.Layer):
    def call(self, inputs):
        self.add_loss(inputs.sum())
        return inputs


def test_add_loss_and_regularizer_losses_are_collected():
    model = keras.Sequential([
        keras.Input((2,)),
        layers.Dense(2, kernel_regularizer=keras.regularizers.L2(0.5), name="d"),
        ActivityLoss(),
    ])
    model.get_layer("d").set_weights([np.ones((2, 2)), np.zeros(2)])
    model(np.ones((1, 2), "float32"))
    values = sorted(float(v.detach()) for v in model.losses)
    # add_loss: sum of outputs = 4; L2: 0.5 * sum(w^2) = 0.5 * 4 = 2.
    assert values == [2.0, 4.0]
    # Losses from `add_loss` are reset by the next outermost call.
    model(np.zeros((1, 2), "float32"))
    assert sorted(float(v.detach()) for v in model.losses) == [0.0, 2.0]


class MaskProducer(layers.Layer):
    def compute_mask(self, inputs, previous_mask=None):
        return inputs[..., 0] != 0

    def call(self, inputs):
        return inputs


class MaskReader(layers.Layer):
    def __init__(self):
        super().__init__()
        self.supports_masking = True
        self.seen = None

    def call(self, inputs, mask=None):
        self.seen = mask
        return inputs


def test_masks_propagate_between_layers():
    producer, reader = MaskProducer(), MaskReader()
    x = torch.tensor([[[1.0], [0.0], [2.0]]])
    y = reader(producer(x))
    assert reader.seen.tolist() == [[True, False, True]]
    assert y._keras_mask.tolist() == [[True, False, True]]


def test_mask_dropped_by_non_masking_layer_warns():
    x = torch.ones(1, 3, 1)
    x = MaskProducer()(x)
    with pytest.warns(UserWarning, match="does not support masking"):
        layers.Reshape((3,))(x)


def test_get_config_and_from_config_round_trip():
    layer = SimpleDense(units=7, name="sd")
    config = layer.get_config()
    assert config["units"] == 7 and config["name"] == "sd"
    clone = SimpleDense.from_config(config)
    assert clone.units == 7 and clone.name == "sd"


def test_call_before_init_is_an_error():
    class Broken(layers.Layer):
        def __init__(self):
            pass

        def call(self, x):
            return x

    with pytest.raises(RuntimeError, match=r"`super\(\).__init__\(\)` was not called"):
        Broken()(np.ones((1, 1)))


def test_pytorch_style_forward_subclass():
    class Scale(layers.Layer):
        def forward(self, x):
            return x * 3

    assert float(Scale()(torch.ones(1))) == 3.0


def test_lists_of_layers_are_tracked():
    class Stack(keras.Model):
        def __init__(self):
            super().__init__()
            self.blocks = [layers.Dense(2), layers.Dense(2)]

        def call(self, x):
            for block in self.blocks:
                x = block(x)
            return x

    model = Stack()
    model(np.ones((1, 3), "float32"))
    assert len(model.weights) == 4
    assert len(list(model.parameters())) == 4
    assert [w.path for w in model.weights][0] == "stack/dense/kernel"


def test_symbolic_call_infers_shape_without_compute_output_shape():
    x = keras.Input((4,))
    y = SimpleDense(6)(x)
    assert y.shape == (None, 6)


def test_weight_assigned_over_a_none_placeholder():
    class Placeholder(layers.Layer):
        def __init__(self):
            super().__init__()
            self.w = None

        def build(self, input_shape):
            self.w = self.add_weight(shape=(1,), initializer="ones", name="w")

        def call(self, x):
            return x * self.w

    layer = Placeholder()
    assert float(layer(torch.ones(1))) == 1.0
    assert isinstance(layer.w, keras.Variable)


def test_direct_build_scopes_weights_and_records_shapes():
    model = keras.Sequential([layers.Dense(2, name="d")], name="net")
    model.build((None, 3))
    assert [w.path for w in model.weights] == ["net/d/kernel", "net/d/bias"]
    dense = layers.Dense(2)
    dense.build((None, 5))
    assert dense.get_build_config() == {"input_shape": (None, 5)}
    assert dense.kernel.path == "dense/kernel"


def test_scalar_weights_come_back_as_numpy_scalars():
    layer = layers.Layer()
    layer.add_weight(shape=(), initializer="ones", name="s")
    (value,) = layer.get_weights()
    assert np.ndim(value) == 0 and value == 1.0
