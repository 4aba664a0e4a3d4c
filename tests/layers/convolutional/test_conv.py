import numpy as np
import pytest
import torch

import conv_numpy_reference as ref
from torchkeras import layers
from torchkeras.testing import run_layer_test


def _set_random_weights(layer, rng, x):
    layer(x)
    layer.set_weights([rng.standard_normal(w.shape).astype("float32") for w in layer.get_weights()])


# -- the layer contract ------------------------------------------------------------------------
@pytest.mark.parametrize("cls, kwargs, input_shape, output_shape", [
    (layers.Conv1D, dict(filters=4, kernel_size=3, padding="causal"), (2, 6, 3), (2, 6, 4)),
    (layers.Conv2D, dict(filters=3, kernel_size=2, strides=2, padding="same"), (2, 5, 5, 2),
     (2, 3, 3, 3)),
    (layers.Conv3D, dict(filters=2, kernel_size=2, data_format="channels_first"),
     (2, 3, 3, 4, 3), (2, 2, 2, 3, 2)),
])
def test_conv_layer_contract(cls, kwargs, input_shape, output_shape):
    run_layer_test(
        cls, kwargs, input_shape=input_shape, expected_output_shape=output_shape,
        expected_num_trainable_weights=2, expected_num_non_trainable_weights=0,
        supports_masking=False,
    )


def test_conv2d_weights_in_keras_layout():
    layer = layers.Conv2D(6, (3, 2), groups=2)
    layer.build((None, 8, 8, 4))
    assert [w.name for w in layer.weights] == ["kernel", "bias"]
    assert tuple(layer.kernel.shape) == (3, 2, 2, 6)  # kernel_size + (in // groups, filters)
    assert tuple(layer.bias.shape) == (6,)
    assert np.all(layer.bias.numpy() == 0)
    limit = np.sqrt(6 / (3 * 2 * 2 + 3 * 2 * 6))  # glorot_uniform on a conv kernel
    assert np.abs(layer.kernel.numpy()).max() <= limit


def test_aliases():
    assert layers.Convolution1D is layers.Conv1D
    assert layers.Convolution2D is layers.Conv2D
    assert layers.Convolution3D is layers.Conv3D


# -- numbers against NumPy ---------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, shape", [
    (dict(filters=4, kernel_size=3), (2, 9, 3)),
    (dict(filters=4, kernel_size=3, strides=2, padding="same"), (2, 10, 3)),
    (dict(filters=3, kernel_size=4, strides=3, padding="same"), (2, 11, 2)),
    (dict(filters=4, kernel_size=3, padding="causal", dilation_rate=2), (2, 9, 3)),
    (dict(filters=4, kernel_size=2, groups=2), (2, 7, 4)),
])
def test_conv1d_matches_numpy(rng, kwargs, shape):
    layer = layers.Conv1D(**kwargs)
    x = rng.standard_normal(shape).astype("float32")
    _set_random_weights(layer, rng, x)
    kernel, bias = layer.get_weights()
    expected = ref.conv(x, kernel, bias, kwargs.get("strides", 1), kwargs.get("padding", "valid"),
                        kwargs.get("dilation_rate", 1), kwargs.get("groups", 1))
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kwargs, shape", [
    (dict(filters=5, kernel_size=3, activation="relu"), (2, 7, 6, 3)),
    (dict(filters=4, kernel_size=3, strides=2, padding="same"), (2, 8, 8, 3)),
    (dict(filters=4, kernel_size=(3, 2), strides=(2, 3), padding="same"), (2, 7, 9, 3)),
    (dict(filters=2, kernel_size=4, padding="same"), (2, 6, 5, 3)),
    (dict(filters=3, kernel_size=3, dilation_rate=(2, 1), padding="same"), (2, 8, 7, 2)),
    (dict(filters=6, kernel_size=2, groups=3, use_bias=False), (2, 5, 5, 6)),
])
def test_conv2d_matches_numpy(rng, kwargs, shape):
    layer = layers.Conv2D(**kwargs)
    x = rng.standard_normal(shape).astype("float32")
    _set_random_weights(layer, rng, x)
    weights = layer.get_weights()
    bias = weights[1] if len(weights) > 1 else None
    expected = ref.conv(x, weights[0], bias, kwargs.get("strides", 1),
                        kwargs.get("padding", "valid"), kwargs.get("dilation_rate", 1),
                        kwargs.get("groups", 1))
    if kwargs.get("activation") == "relu":
        expected = np.maximum(expected, 0)
    np.testing.assert_allclose(layer(x).detach().numpy(), expected, rtol=1e-5, atol=1e-5)


def test_conv3d_same_strided_matches_numpy(rng):
    layer = layers.Conv3D(2, 3, strides=2, padding="same")
    x = rng.standard_normal((2, 5, 4, 3, 2)).astype("float32")
    _set_random_weights(layer, rng, x)
    kernel, bias = layer.get_weights()
    np.testing.assert_allclose(
        layer(x).detach().numpy(), ref.conv(x, kernel, bias, 2, "same"), rtol=1e-5, atol=1e-5
    )


@pytest.mark.parametrize("cls, kwargs, shape", [
    (layers.Conv1D, dict(filters=4, kernel_size=3, strides=2, padding="same"), (2, 9, 3)),
    (layers.Conv1D, dict(filters=4, kernel_size=3, padding="causal"), (2, 9, 3)),
    (layers.Conv2D, dict(filters=4, kernel_size=3, strides=2, padding="same", groups=2),
     (2, 7, 8, 4)),
    (layers.Conv3D, dict(filters=2, kernel_size=2, dilation_rate=2, padding="same"),
     (2, 5, 4, 5, 3)),
])
def test_channels_first_equals_channels_last(rng, cls, kwargs, shape):
    last = cls(**kwargs)
    first = cls(data_format="channels_first", **kwargs)
    x = rng.standard_normal(shape).astype("float32")
    _set_random_weights(last, rng, x)
    first(ref.to_channels_first(x))
    first.set_weights(last.get_weights())
    y_first = first(ref.to_channels_first(x)).detach().numpy()
    kernel, bias = last.get_weights()
    expected = ref.conv(x, kernel, bias, kwargs.get("strides", 1), kwargs["padding"],
                        kwargs.get("dilation_rate", 1), kwargs.get("groups", 1))
    np.testing.assert_allclose(ref.to_channels_last(y_first), expected, rtol=1e-5, atol=1e-5)
    assert first.compute_output_shape(ref.to_channels_first(x).shape) == y_first.shape


def test_conv1d_same_even_kernel_pads_at_the_end():
    layer = layers.Conv1D(1, 2, strides=2, padding="same", use_bias=False)
    x = np.arange(1, 6, dtype="float32").reshape(1, 5, 1)
    layer(x)
    layer.set_weights([np.array([1.0, 10.0], "float32").reshape(2, 1, 1)])
    # from keras 3.15.1: the odd padding element goes after the input.
    np.testing.assert_allclose(layer(x).detach().numpy().ravel(), [21.0, 43.0, 5.0])


def test_causal_output_ignores_the_future(rng):
    layer = layers.Conv1D(2, 3, padding="causal", dilation_rate=2)
    x = rng.standard_normal((1, 8, 2)).astype("float32")
    y = layer(x).detach().numpy()
    x_changed = x.copy()
    x_changed[:, 5:] += 1.0
    y_changed = layer(x_changed).detach().numpy()
    np.testing.assert_array_equal(y[:, :5], y_changed[:, :5])


def test_output_is_a_channels_last_view_without_copies(rng):
    # The permuted output of torch's channels_last convolution is contiguous NHWC.
    layer = layers.Conv2D(4, 3, padding="same")
    y = layer(rng.standard_normal((2, 6, 6, 3)).astype("float32"))
    assert y.is_contiguous()


def test_kernel_gradient_matches_numpy(rng):
    # The loss `sum(conv(x, kernel) * g)` is linear in the kernel: its gradient entry for
    # kernel index `i` is the loss of the unit kernel `e_i`.
    layer = layers.Conv2D(2, 3, strides=2, padding="same", use_bias=False)
    x = rng.standard_normal((2, 5, 6, 2)).astype("float32")
    layer(x)
    g = rng.standard_normal((2, 3, 3, 2))
    loss = (layer(x) * torch.tensor(g, dtype=torch.float32)).sum()
    loss.backward()
    expected = np.zeros(layer.kernel.shape)
    for index in np.ndindex(*expected.shape):
        unit = np.zeros(expected.shape)
        unit[index] = 1.0
        expected[index] = np.sum(ref.conv(x, unit, None, 2, "same") * g)
    np.testing.assert_allclose(layer.kernel.grad.numpy(), expected, rtol=1e-4, atol=1e-4)


def test_symbolic_output_shape_keeps_unknown_dims():
    from torchkeras import Input

    y = layers.Conv2D(3, 3, strides=2, padding="same")(Input(shape=(None, 7, 2)))
    assert tuple(y.shape) == (None, None, 4, 3)


def test_config_matches_keras():
    config = layers.Conv2D(2, 3, name="c").get_config()
    # from keras 3.15.1 (keys and values of a default Conv2D config)
    assert config == {
        "name": "c", "trainable": True, "dtype": config["dtype"], "filters": 2,
        "kernel_size": (3, 3), "strides": (1, 1), "padding": "valid",
        "data_format": "channels_last", "dilation_rate": (1, 1), "groups": 1,
        "activation": "linear", "use_bias": True,
        "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                               "config": {"seed": None, "input_axes": None,
                                          "output_axes": None}, "registered_name": None},
        "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                             "registered_name": None},
        "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
        "kernel_constraint": None, "bias_constraint": None,
    }
    assert list(config)[-5:] == [
        "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
        "bias_constraint",
    ]


def test_kernel_regularizer_adds_a_loss(rng):
    layer = layers.Conv1D(2, 2, kernel_regularizer="l2")
    layer(rng.standard_normal((1, 4, 3)).astype("float32"))
    expected = 0.01 * np.sum(layer.kernel.numpy() ** 2)
    np.testing.assert_allclose(float(sum(layer.losses).detach()), expected, rtol=1e-5)


# -- errors (Keras's texts) --------------------------------------------------------------------
@pytest.mark.parametrize("kwargs, message", [
    (dict(filters=0, kernel_size=2),
     "Invalid value for argument `filters`. Expected a strictly positive value. "
     "Received filters=0."),
    (dict(filters=2, kernel_size=(2, 0)),
     "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(2, 0), "
     "including values {0} that do not satisfy `value > 0`"),
    (dict(filters=2, kernel_size=(2, 2, 2)),
     "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(2, 2, 2)"),
    (dict(filters=2, kernel_size="a"),
     "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=a"),
    (dict(filters=2, kernel_size=(2, "a")),
     "The `kernel_size` argument must be a tuple of 2 integers. Received kernel_size=(2, 'a')"
     "including element a of type <class 'str'>"),
    (dict(filters=2, kernel_size=2, strides=0),
     "The `strides` argument must be a tuple of 2 integers. Received strides=0, including "
     "values {0} that do not satisfy `value > 0`"),
    (dict(filters=2, kernel_size=2, padding="full"),
     "The `padding` argument must be a list/tuple or one of {'same', 'valid'}. Received: full"),
    (dict(filters=2, kernel_size=2, padding="causal"),
     "The `padding` argument must be a list/tuple or one of {'same', 'valid'}. Received: "
     "causal"),
    (dict(filters=2, kernel_size=2, data_format="nhwc"),
     "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
     "Received: data_format=nhwc"),
    (dict(filters=3, kernel_size=2, groups=2),
     "The number of filters must be evenly divisible by the number of groups. Received: "
     "groups=2, filters=3."),
    (dict(filters=3, kernel_size=2, groups=0),
     "The number of groups must be a positive integer. Received: groups=0."),
    (dict(filters=4, kernel_size=2, strides=2, dilation_rate=2),
     "`strides > 1` not supported in conjunction with `dilation_rate > 1`. Received: "
     "strides=(2, 2) and dilation_rate=(2, 2)"),
])
def test_conv2d_argument_errors(kwargs, message):
    with pytest.raises(ValueError) as info:
        layers.Conv2D(**kwargs)
    assert str(info.value) == message


def test_conv1d_accepts_causal_padding_in_any_case():
    assert layers.Conv1D(2, 2, padding="CAUSAL").padding == "causal"


def test_lora_is_not_supported():
    with pytest.raises(NotImplementedError, match="LoRA is not supported yet"):
        layers.Conv2D(2, 2, lora_rank=2)


def test_input_channels_not_divisible_by_groups():
    with pytest.raises(ValueError) as info:
        layers.Conv2D(4, 2, groups=2)(np.zeros((1, 3, 3, 3), "float32"))
    assert str(info.value) == (
        "The number of input channels must be evenly divisible by the number of groups. "
        "Received groups=2, but the input has 3 channels (full input shape is (1, 3, 3, 3))."
    )


def test_input_smaller_than_kernel():
    with pytest.raises(ValueError) as info:
        layers.Conv2D(2, 5)(np.zeros((1, 3, 3, 1), "float32"))
    # from keras 3.15.1
    assert str(info.value) == (
        "Computed output size would be zero or negative. Received `inputs shape=(1, 3, 3, 1)`, "
        "`kernel shape=(5, 5, 1, 2)`, `dilation_rate=[1 1]`, `strides=(1, 1)`, "
        "`padding=valid`."
    )


def test_input_of_the_wrong_rank():
    with pytest.raises(ValueError, match="expected min_ndim=4, found ndim=3"):
        layers.Conv2D(2, 2)(np.zeros((1, 3, 3), "float32"))
    with pytest.raises(ValueError) as info:
        layers.Conv2D(2, 2).compute_output_shape((2, 1, 3, 3, 1))
    assert str(info.value) == (
        "Kernel shape must have the same length as input, but received kernel of shape "
        "(2, 2, 1, 2) and input of shape (2, 1, 3, 3, 1)."
    )


def test_padding_given_as_a_tuple_is_refused_by_the_shape_check():
    with pytest.raises(ValueError) as info:
        layers.Conv2D(2, 2, padding=(1, 1)).compute_output_shape((1, 4, 4, 1))
    assert str(info.value) == "`padding` must be either `'valid'` or `'same'`. Received (1, 1)."


def test_unknown_channel_dimension():
    with pytest.raises(ValueError) as info:
        layers.Conv2D(2, 2).build((None, 4, 4, None))
    assert str(info.value) == (
        "Layer 'conv2d' (Conv2D): the channel dimension of the inputs should be defined. "
        "Found None. Received: input_shape=(None, 4, 4, None)"
    )


def test_wrong_channel_count_after_build():
    layer = layers.Conv2D(2, 2)
    layer(np.zeros((1, 4, 4, 3), "float32"))
    with pytest.raises(ValueError, match="expected axis -1 of input shape to have value 3"):
        layer(np.zeros((1, 4, 4, 2), "float32"))


def test_keras_file_round_trip(rng, tmp_path):
    from torchkeras import Input
    from torchkeras import Model
    from torchkeras import saving

    inputs = Input(shape=(6, 6, 2))
    h = layers.Conv2D(3, 3, padding="same", name="c")(inputs)
    h = layers.BatchNormalization(name="bn")(h)
    h = layers.SeparableConv2D(4, 3, strides=2, padding="same", name="sep")(h)
    h = layers.Conv2DTranspose(2, 3, strides=2, padding="same", name="tr")(h)
    h = layers.DepthwiseConv2D(3, depth_multiplier=2, name="dw")(h)
    outputs = layers.GlobalMaxPooling2D(name="gmp")(layers.MaxPooling2D(name="mp")(h))
    model = Model(inputs, outputs)
    model.set_weights([rng.uniform(0.5, 1.5, w.shape).astype("float32")
                       for w in model.get_weights()])
    x = rng.standard_normal((2, 6, 6, 2)).astype("float32")
    path = str(tmp_path / "model.keras")
    model.save(path)
    loaded = saving.load_model(path)
    np.testing.assert_array_equal(loaded.predict(x, verbose=0), model.predict(x, verbose=0))
    assert [w.path for w in loaded.weights] == [w.path for w in model.weights]
