"""Model: a Layer with training (`compile`/`fit`/`evaluate`/`predict`) and saving.

`Model(inputs, outputs)` builds a functional model; subclassing `Model` and writing `call()`
gives a subclassed model. Both are `torch.nn.Module`s.
"""

from torchkeras.layers.layer import Layer
from torchkeras.models.model_saving import ModelSavingMixin
from torchkeras.trainers.trainer import Trainer


def _is_functional_init(args, kwargs):
    return (len(args) == 2) or (len(args) == 1 and "outputs" in kwargs) or (
        "inputs" in kwargs and "outputs" in kwargs
    )


def _inject_functional_model_class(cls):
    """Rebase `cls` (a `Model` subclass) on `Functional` instead of `Model`; returns the class."""
    from torchkeras.models.functional import Functional

    if cls is Model:
        return Functional
    if issubclass(cls, Functional) or not issubclass(cls, Model):
        return cls
    cls.__bases__ = tuple(_inject_functional_model_class(base) for base in cls.__bases__)
    return cls


class Model(Trainer, ModelSavingMixin, Layer):
    """A model groups layers into an object with training and inference features.

    There are three ways to instantiate a `Model`:

    With the functional API, starting from `Input`, chaining layer calls to specify the model's
    forward pass, and creating the model from inputs and outputs:

    ```python
    inputs = keras.Input(shape=(37,))
    x = keras.layers.Dense(32, activation="relu")(inputs)
    outputs = keras.layers.Dense(5, activation="softmax")(x)
    model = keras.Model(inputs=inputs, outputs=outputs)
    ```

    By subclassing the `Model` class: define your layers in `__init__()` and implement the
    forward pass in `call()`:

    ```python
    class MyModel(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense1 = keras.layers.Dense(32, activation="relu")
            self.dense2 = keras.layers.Dense(5, activation="softmax")

        def call(self, inputs):
            return self.dense2(self.dense1(inputs))
    ```

    With the `Sequential` class, a stack of layers.
    """

    def __new__(cls, *args, **kwargs):
        if cls is Model and _is_functional_init(args, kwargs):
            from torchkeras.models.functional import Functional

            return Functional.__new__(Functional, *args, **kwargs)
        return super().__new__(cls, *args, **kwargs)

    def __init__(self, *args, **kwargs):
        Trainer.__init__(self)
        if _is_functional_init(args, kwargs):
            from torchkeras.models.functional import Functional

            if not isinstance(self, Functional):
                # A "functional subclass" (`class M(keras.Model)` built with
                # `super().__init__(inputs, outputs)`): as Keras, put `Functional` in place of
                # `Model` among the class's bases so it runs the graph and keeps its own methods.
                _inject_functional_model_class(self.__class__)
            Functional.__init__(self, *args, **kwargs)
        else:
            Layer.__init__(self, *args, **kwargs)

    def call(self, *args, **kwargs):
        raise NotImplementedError(
            f"Model {self.__class__.__name__} does not have a `call()` method implemented."
        )

    @property
    def layers(self):
        return self._layers

    @layers.setter
    def layers(self, _):
        raise AttributeError(
            "`Model.layers` attribute is reserved and should not be used. Please use another "
            "name."
        )

    def get_layer(self, name=None, index=None):
        """Retrieve a layer by its unique name or its index in `model.layers`.

        Args:
            name: String, name of the layer.
            index: Integer, index of the layer.
        """
        if index is not None and name is not None:
            raise ValueError(
                "Provide only a layer name or a layer index. Received: "
                f"index={index}, name={name}."
            )
        if index is not None:
            if len(self.layers) <= index:
                raise ValueError(
                    f"Was asked to retrieve layer at index {index} but model only has "
                    f"{len(self.layers)} layers."
                )
            return self.layers[index]
        if name is not None:
            for layer in self.layers:
                if layer.name == name:
                    return layer
            raise ValueError(
                f"No such layer: {name}. Existing layers are: "
                f"{list(layer.name for layer in self.layers)}."
            )
        raise ValueError("Provide either a layer name or layer index at `get_layer`.")

    def summary(self, line_length=None, positions=None, print_fn=None, expand_nested=False,
                show_trainable=False, layer_range=None):
        """Print a table of the model's layers, output shapes and parameter counts."""
        from torchkeras.utils import summary_utils

        summary_utils.print_summary(
            self, line_length=line_length, positions=positions, print_fn=print_fn,
            expand_nested=expand_nested, show_trainable=show_trainable, layer_range=layer_range,
        )

    def build_from_config(self, config):
        """Rebuild the model's weights from `get_build_config()` (used when loading)."""
        if not config or self.built or config.get("input_shape") is None:
            return
        input_shape = config["input_shape"]
        if type(self).build is Layer.build:
            # No custom `build`: run `call` on a symbolic input, which builds every sublayer
            # (as Keras does), without computing anything.
            from torchkeras.backend import meta_call
            from torchkeras.backend.keras_tensor import KerasTensor
            from torchkeras.utils import tree

            specs = tree.map_structure(
                lambda s: KerasTensor(s), input_shape
            ) if isinstance(input_shape, dict) or (
                isinstance(input_shape, (list, tuple)) and input_shape
                and isinstance(input_shape[0], (list, tuple))
            ) else KerasTensor(input_shape)
            meta_call.compute_output_spec(self._meta_call, (specs,), {})
            self._build_shapes_dict = {"input_shape": input_shape}
            self.built = True
        else:
            self._build_with_scope({"input_shape": input_shape})

    def get_config(self):
        config = {"name": self.name, "trainable": self.trainable}
        if type(self).get_config is Model.get_config and self._auto_config:
            config.update(self._auto_config)
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras.models.functional import Functional

        if cls is Model or issubclass(cls, Functional):
            if "layers" in config and "input_layers" in config:
                return Functional.from_config(config, custom_objects=custom_objects)
        return cls(**config)
