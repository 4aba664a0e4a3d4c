"""Pipeline: apply a list of layers in order, as a plain layer (not a model)."""

from torchkeras.layers.layer import Layer


class Pipeline(Layer):
    """Applies a series of layers to an input.

    Useful to build a preprocessing pipeline, in particular an image data augmentation
    pipeline. Unlike a `Sequential` model, a `Pipeline` is a plain layer: it has no training
    loop and passes the `training` flag (and masks) on to the layers that take them.

    Args:
        layers: A list of layers.
        name: Name of the pipeline.

    Example:

    ```python
    pipeline = keras.layers.Pipeline([
        keras.layers.AutoContrast(),
        keras.layers.RandomZoom(0.2),
        keras.layers.RandomRotation(0.2),
    ])
    ```
    """

    def __init__(self, layers, name=None):
        super().__init__(name=name)
        self._pipeline_layers = list(layers)
        self.built = True

    @property
    def layers(self):
        return self._pipeline_layers

    def _convert_inputs(self, args, kwargs):
        # Each layer converts what it takes (strings stay strings for text layers).
        return args, kwargs

    def call(self, inputs, training=True, mask=None):
        outputs = inputs
        for layer in self._pipeline_layers:
            kwargs = {}
            sig = getattr(layer, "_keras_sig", None)
            if sig is not None and sig.has_mask_arg:
                kwargs["mask"] = mask
            if (sig is None or sig.has_training_arg) and training is not None:
                kwargs["training"] = training
            outputs = layer(inputs, **kwargs)
            inputs = outputs
            mask = getattr(outputs, "_keras_mask", None)
        return outputs

    def compute_output_shape(self, input_shape):
        for layer in self._pipeline_layers:
            input_shape = layer.compute_output_shape(input_shape)
        return input_shape

    def get_config(self):
        from torchkeras.saving import serialization

        return {
            "layers": [serialization.serialize_keras_object(x) for x in self._pipeline_layers],
            "name": self.name,
        }

    @classmethod
    def from_config(cls, config):
        from torchkeras.layers import deserialize

        layers = config.get("layers")
        if not isinstance(layers, (list, tuple)):
            raise ValueError(
                "`Pipeline` config must contain a `layers` key mapping to a "
                "list of serialized layers. Received config with "
                f"layers={layers}."
            )
        config = dict(config)
        config["layers"] = [deserialize(x) for x in layers]
        return cls(**config)
