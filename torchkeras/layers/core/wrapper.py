"""Wrapper: the base class of layers that wrap another layer (TimeDistributed, Bidirectional)."""

from torchkeras.layers.layer import Layer


class Wrapper(Layer):
    """Abstract wrapper base class.

    Wrappers take another layer and augment it in various ways. Do not use this class as a
    layer, it is only an abstract base class. Two usable wrappers are the `TimeDistributed` and
    `Bidirectional` layers.

    Args:
        layer: The layer to be wrapped.
    """

    def __init__(self, layer, **kwargs):
        if not isinstance(layer, Layer):
            raise ValueError(
                f"Layer {layer} supplied to Wrapper isn't a supported layer type. Please ensure "
                "wrapped layer is a valid Keras layer."
            )
        super().__init__(**kwargs)
        self.layer = layer

    def build(self, input_shape=None):
        if not self.layer.built:
            # Through `build_from_config`, so the wrapped layer's weights get its name scope
            # (`time_distributed/dense/kernel`), as in Keras.
            self.layer.build_from_config({"input_shape": input_shape})
            self.layer.built = True
        self.built = True

    def get_config(self):
        from torchkeras.saving import serialization

        config = super().get_config()
        config["layer"] = serialization.serialize_keras_object(self.layer)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras import layers

        config = dict(config)
        layer = layers.deserialize(config.pop("layer"), custom_objects=custom_objects)
        return cls(layer, **config)
