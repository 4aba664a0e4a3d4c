"""Sequential: a plain stack of layers, each with one input and one output."""

import torch

from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers.core.input_layer import InputLayer
from torchkeras.layers.layer import Layer
from torchkeras.models.model import Model
from torchkeras.utils import tree


class Sequential(Model):
    """`Sequential` groups a linear stack of layers into a `Model`.

    Args:
        layers: Optional list of layers to add to the model.
        trainable: Whether the model's variables are trainable. Defaults to `True`.
        name: Name of the model.

    Example:

    ```python
    model = keras.Sequential()
    model.add(keras.Input(shape=(16,)))
    model.add(keras.layers.Dense(8))

    # Without an `Input`, the model is built on its first call (or `fit`/`build`).
    model = keras.Sequential()
    model.add(keras.layers.Dense(8))
    model.add(keras.layers.Dense(4))
    ```
    """

    def __new__(cls, *args, **kwargs):
        return Layer.__new__(cls)

    def __init__(self, layers=None, trainable=True, name=None):
        super().__init__(trainable=trainable, name=name)
        object.__setattr__(self, "_layer_stack", [])
        self._functional_inputs = None
        self._functional_outputs = None
        if layers:
            for layer in layers:
                self.add(layer, rebuild=False)
            self._maybe_rebuild()

    # -- structure ----------------------------------------------------------------------------
    def _register(self, layer):
        self._modules[layer.name.replace(".", "_")] = layer

    def add(self, layer, rebuild=True):
        """Add a layer (or a `keras.Input` tensor) on top of the stack."""
        if isinstance(layer, KerasTensor) and layer._keras_history is not None:
            origin = layer._keras_history.operation
            if isinstance(origin, InputLayer):
                layer = origin
        if isinstance(layer, torch.nn.Module) and not isinstance(layer, Layer):
            from torchkeras.layers.core.torch_module_wrapper import TorchModuleWrapper

            layer = TorchModuleWrapper(layer)
        if not isinstance(layer, Layer):
            raise ValueError(
                "Only instances of `keras.Layer` can be added to a Sequential model. "
                f"Received: {layer} (of type {type(layer)})"
            )
        if isinstance(layer, InputLayer) and self._layer_stack and isinstance(
            self._layer_stack[0], InputLayer
        ):
            raise ValueError(
                f"Sequential model '{self.name}' has already been configured to use input shape "
                f"{self._layer_stack[0].batch_shape}. You cannot add a different Input layer to "
                "it."
            )
        if isinstance(layer, InputLayer) and self._layer_stack:
            raise ValueError(
                f"Sequential model '{self.name}': an Input can only be the first layer of the "
                "model. Received an Input after other layers."
            )
        if not self._layer_stack and getattr(layer, "_input_shape_arg", None) is not None:
            self._add_layer(InputLayer(shape=layer._input_shape_arg,
                                       batch_size=getattr(layer, "_batch_size_arg", None)))
        for existing in self._layer_stack:
            if existing.name == layer.name:
                raise ValueError(
                    "All layers added to a Sequential model should have unique names. Name "
                    f"'{layer.name}' is already the name of a layer in this model. Update the "
                    "`name` argument to pass a unique name."
                )
        self._add_layer(layer)
        if rebuild:
            self._maybe_rebuild()
        else:
            self.built = False

    def _add_layer(self, layer):
        self._layer_stack.append(layer)
        self._register(layer)

    def pop(self, rebuild=True):
        """Remove the last layer of the model and return it."""
        if not self.layers:
            raise TypeError("There are no layers in the model.")
        layer = self._layer_stack.pop()
        for key, module in list(self._modules.items()):
            if module is layer:
                del self._modules[key]
        self.built = False
        self._functional_inputs = None
        if rebuild:
            self._maybe_rebuild()
        return layer

    def _maybe_rebuild(self):
        self.built = False
        self._functional_inputs = None
        if self._layer_stack and isinstance(self._layer_stack[0], InputLayer) and len(
            self._layer_stack
        ) > 1:
            self._build_with_scope({"input_shape": self._layer_stack[0].batch_shape})

    @property
    def layers(self):
        # The auto-generated InputLayer is not listed, as in Keras.
        layers = self._layer_stack
        if layers and isinstance(layers[0], InputLayer):
            return layers[1:]
        return list(layers)

    @property
    def _layers(self):
        return list(self._layer_stack)

    # -- build and call -----------------------------------------------------------------------
    def build(self, input_shape=None):
        """Create the input layer (if absent) and build every layer with symbolic tensors."""
        if input_shape is None:
            if self._layer_stack and isinstance(self._layer_stack[0], InputLayer):
                input_shape = self._layer_stack[0].batch_shape
            else:
                raise ValueError("You must provide an `input_shape` argument.")
        if isinstance(input_shape, dict) or (
            isinstance(input_shape, (list, tuple)) and input_shape
            and isinstance(input_shape[0], (list, tuple))
        ):
            raise ValueError(
                f"Sequential model '{self.name}' cannot be built because it has exactly one "
                "input. Received a structure of input shapes instead."
            )
        input_shape = tuple(input_shape)
        if not self._layer_stack or not isinstance(self._layer_stack[0], InputLayer):
            input_layer = InputLayer(batch_shape=input_shape)
            self._layer_stack.insert(0, input_layer)
            self._modules = {input_layer.name.replace(".", "_"): input_layer, **self._modules}
        inputs = self._layer_stack[0].output
        x = inputs
        for layer in self._layer_stack[1:]:
            try:
                x = layer(x)
            except NotImplementedError:
                return
            except TypeError as e:
                if "positional" in str(e) or "argument" in str(e):
                    raise ValueError(
                        "Layers added to a Sequential model can only have a single positional "
                        f"argument, the input tensor. Layer {layer.__class__.__name__} has "
                        f"multiple positional arguments: {e}"
                    ) from e
                raise
        self._functional_inputs = inputs
        self._functional_outputs = x
        self._build_shapes_dict = {"input_shape": input_shape}
        self.built = True

    def call(self, inputs, training=None, mask=None):
        if mask is not None and isinstance(inputs, torch.Tensor):
            inputs._keras_mask = mask
        x = inputs
        layers = self._layer_stack
        start = 1 if layers and isinstance(layers[0], InputLayer) else 0
        if start and isinstance(x, torch.Tensor):
            x = self._adjust_rank(x, layers[0].batch_shape)
        for layer in layers[start:]:
            if training is not None and layer._keras_sig.has_training_arg:
                x = layer(x, training=training)
            else:
                x = layer(x)
        return x

    @staticmethod
    def _adjust_rank(x, ref_shape):
        ref_rank = len(ref_shape)
        if x.dim() == ref_rank + 1 and x.shape[-1] == 1:
            return x.squeeze(-1)
        if x.dim() == ref_rank - 1 and ref_shape[-1] == 1:
            return x.unsqueeze(-1)
        return x

    def compute_output_spec(self, inputs, training=None, mask=None):
        x = inputs
        for layer in self.layers:
            x = layer.compute_output_spec(x)
        return x

    def compute_output_shape(self, input_shape):
        x = KerasTensor(input_shape)
        return tree.map_structure(lambda t: t.shape, self.compute_output_spec(x))

    @property
    def inputs(self):
        return [self._functional_inputs] if self._functional_inputs is not None else None

    @property
    def outputs(self):
        return [self._functional_outputs] if self._functional_outputs is not None else None

    @property
    def input(self):
        return self._functional_inputs

    @property
    def output(self):
        return self._functional_outputs

    @property
    def input_shape(self):
        if self._functional_inputs is None:
            raise AttributeError(f"Sequential model '{self.name}' has no defined input shape yet.")
        return self._functional_inputs.shape

    @property
    def output_shape(self):
        if self._functional_outputs is None:
            raise AttributeError(f"Sequential model '{self.name}' has no defined outputs yet.")
        return self._functional_outputs.shape

    # -- config -------------------------------------------------------------------------------
    def get_config(self):
        from torchkeras.dtype_policies import dtype_policy
        from torchkeras.saving import serialization

        layer_configs = []
        for layer in self._layer_stack:
            layer_configs.append(serialization.serialize_keras_object(layer))
        config = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": dtype_policy.serialize(self.dtype_policy),
            "layers": layer_configs,
        }
        if self._build_shapes_dict is not None:
            config["build_input_shape"] = self._build_shapes_dict["input_shape"]
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None):
        from torchkeras import layers as layers_module

        model = cls(name=config.get("name"), trainable=config.get("trainable", True))
        for layer_config in config["layers"]:
            layer = layers_module.deserialize(layer_config, custom_objects=custom_objects)
            model.add(layer, rebuild=False)
        build_input_shape = config.get("build_input_shape")
        if model._layer_stack and isinstance(model._layer_stack[0], InputLayer):
            model._maybe_rebuild()
        elif build_input_shape is not None:
            model.build(build_input_shape)
        return model
