"""ConvNeXt Tiny to XLarge: a ConvNet modernized with the design choices of vision Transformers.

Reference: [A ConvNet for the 2020s](https://arxiv.org/abs/2201.03545) (CVPR 2022). Layer names
and order are Keras's, so its published `.h5` weights load by topology. `LayerScale` and
`StochasticDepth` are the two layers Keras defines for these models.
"""

import numpy as np
import torch

from torchkeras import backend
from torchkeras.applications import base_application
from torchkeras.backend import global_state
from torchkeras.backend import random as random_lib
from torchkeras.layers.layer import Layer

BASE_WEIGHTS_PATH = "https://storage.googleapis.com/tensorflow/keras-applications/convnext/"
# (with top, without top) SHA-256 of the published files.
WEIGHTS_HASHES = {
    "convnext_tiny": (
        "8ae6e78ce2933352b1ef4008e6dd2f17bc40771563877d156bc6426c7cf503ff",
        "d547c096cabd03329d7be5562c5e14798aa39ed24b474157cef5e85ab9e49ef1",
    ),
    "convnext_small": (
        "ce1277d8f1ee5a0ef0e171469089c18f5233860ceaf9b168049cb9263fd7483c",
        "6fc8009faa2f00c1c1dfce59feea9b0745eb260a7dd11bee65c8e20843da6eab",
    ),
    "convnext_base": (
        "52cbb006d3dadd03f6e095a8ca1aca47aecdd75acb4bc74bce1f5c695d0086e6",
        "40a20c5548a5e9202f69735ecc06c990e6b7c9d2de39f0361e27baeb24cb7c45",
    ),
    "convnext_large": (
        "070c5ed9ed289581e477741d3b34beffa920db8cf590899d6d2c67fba2a198a6",
        "96f02b6f0753d4f543261bc9d09bed650f24dd6bc02ddde3066135b63d23a1cd",
    ),
    "convnext_xlarge": (
        "c1f5ccab661354fc3a79a10fa99af82f0fbf10ec65cb894a3ae0815f17a889ee",
        "de3f8a54174130e0cecdc71583354753d557fcf1f4487331558e2a16ba0cfe05",
    ),
}

MODEL_CONFIGS = {
    size: {"depths": depths, "projection_dims": dims, "default_size": 224}
    for size, depths, dims in [
        ("tiny", [3, 3, 9, 3], [96, 192, 384, 768]),
        ("small", [3, 3, 27, 3], [96, 192, 384, 768]),
        ("base", [3, 3, 27, 3], [128, 256, 512, 1024]),
        ("large", [3, 3, 27, 3], [192, 384, 768, 1536]),
        ("xlarge", [3, 3, 27, 3], [256, 512, 1024, 2048]),
    ]
}

# `LayerScale` and `StochasticDepth` are importable from this module, as in Keras, but not public.
__all__ = ["ConvNeXtBase", "ConvNeXtLarge", "ConvNeXtSmall", "ConvNeXtTiny", "ConvNeXtXLarge",
           "decode_predictions", "preprocess_input"]

BASE_DOCSTRING = """Instantiates the {name} architecture.

References:
- [A ConvNet for the 2020s](https://arxiv.org/abs/2201.03545) (CVPR 2022)

The preprocessing (a `Normalization` layer with the ImageNet mean and variance) is part of the
model by default, so `convnext.preprocess_input` is a pass-through and the model expects float
pixels in `[0, 255]`. Only the `channels_last` data format is supported.

Args:
    include_top: Whether to include the classification head. Defaults to `True`.
    include_preprocessing: Whether to include the input `Normalization` layer. Defaults to
        `True`.
    weights: `None` (random initialization), `"imagenet"` (pre-training on ImageNet-1k) or
        the path to a weights file. Defaults to `"imagenet"`.
    input_tensor: Optional Keras tensor (output of `layers.Input()`) to use as image input.
    input_shape: Optional shape tuple, only to be specified if `include_top` is `False`. It
        should have exactly 3 input channels. Defaults to `None`.
    pooling: Pooling for feature extraction when `include_top` is `False`: `None`, `"avg"` or
        `"max"`. Defaults to `None`.
    classes: Number of classes, only when `include_top` is `True` and no `weights` are loaded.
        Defaults to `1000`.
    classifier_activation: Activation of the top layer; `None` returns logits. With pretrained
        weights only `None` or `"softmax"`. Defaults to `"softmax"`.
    name: Name of the model. Defaults to `"{default_name}"`.

Returns:
    A model instance.
"""


class StochasticDepth(Layer):
    """Stochastic depth: drops the whole residual branch of random samples during training.

    The kept samples are scaled by `1 / (1 - drop_path_rate)`; in inference the layer does
    nothing. (`DropPath` in timm.)

    Args:
        drop_path_rate: Float between 0 and 1, probability of dropping a sample's branch.
    """

    def __init__(self, drop_path_rate, **kwargs):
        super().__init__(**kwargs)
        self.drop_path_rate = drop_path_rate
        self._seed_generator = random_lib.SeedGenerator()
        self.built = True

    def call(self, x, training=None):
        if not training:
            return x
        keep_prob = 1 - self.drop_path_rate
        shape = (x.shape[0],) + (1,) * (x.ndim - 1)  # one draw per sample
        generator = self._seed_generator.next_generator(x.device.type)
        keep = torch.floor(keep_prob + torch.rand(shape, generator=generator, device=x.device))
        return (x / keep_prob) * keep.to(x.dtype)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"drop_path_rate": self.drop_path_rate})
        return config


class LayerScale(Layer):
    """Layer scale: multiplies the input by a learned per-channel scale.

    Reference: [Going deeper with Image Transformers](https://arxiv.org/abs/2103.17239).

    Args:
        init_values: Initial value of every scale, usually small (e.g. `1e-6`).
        projection_dim: Number of channels (the size of the last axis).
    """

    def __init__(self, init_values, projection_dim, **kwargs):
        super().__init__(**kwargs)
        self.init_values = init_values
        self.projection_dim = projection_dim

    def build(self, _):
        from torchkeras import initializers

        self.gamma = self.add_weight(
            shape=(self.projection_dim,),
            initializer=initializers.Constant(self.init_values),
            trainable=True,
        )
        self.built = True

    def call(self, x):
        return x * self.gamma

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({"init_values": self.init_values, "projection_dim": self.projection_dim})
        return config


def ConvNeXtBlock(projection_dim, drop_path_rate=0.0, layer_scale_init_value=1e-6, name=None):
    """Depthwise 7x7 conv, LayerNorm, pointwise MLP (as Dense layers), layer scale, residual."""
    from torchkeras import layers

    if name is None:
        name = "prestem" + str(global_state.get_uid("prestem"))

    def apply(inputs):
        x = layers.Conv2D(filters=projection_dim, kernel_size=7, padding="same",
                          groups=projection_dim, name=f"{name}_depthwise_conv")(inputs)
        x = layers.LayerNormalization(epsilon=1e-6, name=f"{name}_layernorm")(x)
        x = layers.Dense(4 * projection_dim, name=f"{name}_pointwise_conv_1")(x)
        x = layers.Activation("gelu", name=f"{name}_gelu")(x)
        x = layers.Dense(projection_dim, name=f"{name}_pointwise_conv_2")(x)
        if layer_scale_init_value is not None:
            x = LayerScale(layer_scale_init_value, projection_dim,
                           name=f"{name}_layer_scale")(x)
        if drop_path_rate:
            layer = StochasticDepth(drop_path_rate, name=f"{name}_stochastic_depth")
        else:
            layer = layers.Activation("linear", name=f"{name}_identity")
        return inputs + layer(x)

    return apply


def PreStem(name=None):
    """Normalizes `[0, 255]` RGB pixels with the ImageNet mean and variance."""
    from torchkeras import layers

    if name is None:
        name = "prestem" + str(global_state.get_uid("prestem"))

    def apply(x):
        return layers.Normalization(
            mean=[0.485 * 255, 0.456 * 255, 0.406 * 255],
            variance=[(0.229 * 255) ** 2, (0.224 * 255) ** 2, (0.225 * 255) ** 2],
            name=f"{name}_prestem_normalization",
        )(x)

    return apply


def Head(num_classes=1000, classifier_activation=None, name=None):
    """Global average pooling, LayerNorm and the classifier."""
    from torchkeras import layers

    if name is None:
        name = str(global_state.get_uid("head"))

    def apply(x):
        x = layers.GlobalAveragePooling2D(name=f"{name}_head_gap")(x)
        x = layers.LayerNormalization(epsilon=1e-6, name=f"{name}_head_layernorm")(x)
        return layers.Dense(num_classes, activation=classifier_activation,
                            name=f"{name}_head_dense")(x)

    return apply


def ConvNeXt(
    depths,
    projection_dims,
    drop_path_rate=0.0,
    layer_scale_init_value=1e-6,
    default_size=224,
    name="convnext",
    include_preprocessing=True,
    include_top=True,
    weights=None,
    input_tensor=None,
    input_shape=None,
    pooling=None,
    classes=1000,
    classifier_activation="softmax",
    weights_name=None,
):
    """Builds a ConvNeXt from its stage depths and widths (see the `ConvNeXt*` docs)."""
    from torchkeras import layers
    from torchkeras.applications import imagenet_utils
    from torchkeras.models import Functional
    from torchkeras.models import Sequential

    if backend.image_data_format() == "channels_first":
        raise ValueError(
            "ConvNeXt does not support the `channels_first` image data "
            "format. Switch to `channels_last` by editing your local "
            "config file at ~/.keras/keras.json"
        )
    if not base_application.weights_arg_is_valid(weights):
        raise ValueError(
            "The `weights` argument should be either "
            "`None` (random initialization), `imagenet` "
            "(pre-training on ImageNet), "
            "or the path to the weights file to be loaded."
        )
    if weights == "imagenet" and include_top and classes != 1000:
        raise ValueError(
            'If using `weights="imagenet"` with `include_top=True`, '
            "`classes` should be 1000. "
            f"Received classes={classes}"
        )
    if weights == "imagenet":
        # Checked before building (Keras checks after): same errors, no wasted build.
        expected_config = MODEL_CONFIGS[weights_name.split("convnext_")[-1]]
        if (depths != expected_config["depths"]
                or projection_dims != expected_config["projection_dims"]):
            raise ValueError(
                f"Architecture configuration does not match {weights_name} "
                f"variant. When using pre-trained weights, the model "
                f"architecture must match the pre-trained configuration "
                f"exactly. Expected depths: {expected_config['depths']}, "
                f"got: {depths}. Expected projection_dims: "
                f"{expected_config['projection_dims']}, got: {projection_dims}."
            )
        if weights_name not in name:
            raise ValueError(
                f'Model name "{name}" does not match weights variant '
                f'"{weights_name}". When using imagenet weights, model name '
                f'must contain the weights variant (e.g., "convnext_'
                f'{weights_name.split("convnext_")[-1]}").'
            )
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=default_size, min_size=32,
        data_format=backend.image_data_format(), require_flatten=include_top, weights=weights,
    )
    img_input = base_application.model_input(input_tensor, input_shape)
    if input_tensor is not None:
        inputs = base_application.get_source_inputs(input_tensor)[0]
        x = input_tensor
    else:
        inputs = img_input
        x = inputs

    if include_preprocessing and input_shape[-1] == 3:
        x = PreStem(name=name)(x)

    # The stem and the three downsampling layers are nested Sequential models (as in Keras,
    # whose weight files store them as one layer each).
    stem = Sequential([
        layers.Conv2D(projection_dims[0], kernel_size=4, strides=4, name=f"{name}_stem_conv"),
        layers.LayerNormalization(epsilon=1e-6, name=f"{name}_stem_layernorm"),
    ], name=f"{name}_stem")
    downsample_layers = [stem]
    for i in range(3):
        downsample_layers.append(Sequential([
            layers.LayerNormalization(epsilon=1e-6, name=f"{name}_downsampling_layernorm_{i}"),
            layers.Conv2D(projection_dims[i + 1], kernel_size=2, strides=2,
                          name=f"{name}_downsampling_conv_{i}"),
        ], name=f"{name}_downsampling_block_{i}"))

    # Stochastic depth grows linearly from 0 to `drop_path_rate` over all blocks.
    depth_drop_rates = [float(r) for r in np.linspace(0.0, drop_path_rate, sum(depths))]
    cur = 0
    for i in range(4):
        x = downsample_layers[i](x)
        for j in range(depths[i]):
            x = ConvNeXtBlock(projection_dim=projection_dims[i],
                              drop_path_rate=depth_drop_rates[cur + j],
                              layer_scale_init_value=layer_scale_init_value,
                              name=f"{name}_stage_{i}_block_{j}")(x)
        cur += depths[i]

    if include_top:
        imagenet_utils.validate_activation(classifier_activation, weights)
        x = Head(num_classes=classes, classifier_activation=classifier_activation, name=name)(x)
    else:
        if pooling == "avg":
            x = layers.GlobalAveragePooling2D()(x)
        elif pooling == "max":
            x = layers.GlobalMaxPooling2D()(x)
        x = layers.LayerNormalization(epsilon=1e-6)(x)

    model = Functional(inputs=inputs, outputs=x, name=name)

    if weights == "imagenet":
        index = 0 if include_top else 1
        file_name = name + (".h5" if include_top else "_notop.h5")
        base_application.load_imagenet_weights(
            model, file_name, BASE_WEIGHTS_PATH + file_name, WEIGHTS_HASHES[weights_name][index],
            context=f"ConvNeXt{weights_name.split('_')[-1].capitalize()}()",
        )
    elif weights is not None:
        model.load_weights(weights)
    return model


def _variant(size, fn_name):
    weights_name = f"convnext_{size}"
    config = MODEL_CONFIGS[size]

    def model_fn(include_top=True, include_preprocessing=True, weights="imagenet",
                 input_tensor=None, input_shape=None, pooling=None, classes=1000,
                 classifier_activation="softmax", name=weights_name):
        return ConvNeXt(
            weights_name=weights_name, depths=config["depths"],
            projection_dims=config["projection_dims"], drop_path_rate=0.0,
            layer_scale_init_value=1e-6, default_size=config["default_size"], name=name,
            include_top=include_top, include_preprocessing=include_preprocessing,
            weights=weights, input_tensor=input_tensor, input_shape=input_shape,
            pooling=pooling, classes=classes, classifier_activation=classifier_activation,
        )

    model_fn.__name__ = model_fn.__qualname__ = fn_name
    model_fn.__doc__ = BASE_DOCSTRING.format(name=fn_name, default_name=weights_name)
    return model_fn


ConvNeXtTiny = _variant("tiny", "ConvNeXtTiny")
ConvNeXtSmall = _variant("small", "ConvNeXtSmall")
ConvNeXtBase = _variant("base", "ConvNeXtBase")
ConvNeXtLarge = _variant("large", "ConvNeXtLarge")
ConvNeXtXLarge = _variant("xlarge", "ConvNeXtXLarge")


def preprocess_input(x, data_format=None):
    """A placeholder kept for backward compatibility: returns `x` unchanged.

    The preprocessing is part of the ConvNeXt models (`include_preprocessing=True`).

    Args:
        x: A floating point NumPy array or a tensor.
        data_format: Optional data format of the image tensor/array. Unused. Defaults to `None`.

    Returns:
        Unchanged NumPy array or tensor.
    """
    return x


def decode_predictions(preds, top=5):
    """Decodes the prediction of an ImageNet model (see `imagenet_utils.decode_predictions`)."""
    from torchkeras.applications import imagenet_utils

    return imagenet_utils.decode_predictions(preds, top=top)
