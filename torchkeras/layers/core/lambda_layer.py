"""Lambda: wraps an arbitrary expression as a layer."""

import base64
import inspect
import marshal
import types

from torchkeras.layers.layer import Layer
from torchkeras.utils import tree


class Lambda(Layer):
    """Wraps arbitrary expressions as a `Layer` object.

    Args:
        function: The function to evaluate. Takes the input tensor as first argument.
        output_shape: Expected output shape (or a function of the input shape). Inferred when
            not given.
        mask: A mask tensor or a function `mask(inputs, previous_mask)`.
        arguments: Optional dict of keyword arguments passed to `function`.

    Example:

    >>> layer = keras.layers.Lambda(lambda x: x ** 2)
    """

    def __init__(self, function, output_shape=None, mask=None, arguments=None, **kwargs):
        super().__init__(**kwargs)
        if not callable(function):
            raise TypeError(
                "Argument `function` must be callable. "
                f"Received: function={function} (of type {type(function)})"
            )
        self.function = function
        self.arguments = arguments or {}
        self._output_shape = output_shape
        self.mask = mask
        self.supports_masking = mask is not None
        params = inspect.signature(function).parameters
        self._fn_expects_training_arg = "training" in params
        self._fn_expects_mask_arg = "mask" in params

    def call(self, inputs, mask=None, training=None):
        kwargs = dict(self.arguments)
        if self._fn_expects_mask_arg:
            kwargs["mask"] = mask
        if self._fn_expects_training_arg:
            kwargs["training"] = training
        return self.function(inputs, **kwargs)

    def compute_mask(self, inputs, mask=None):
        if callable(self.mask):
            return self.mask(inputs, mask)
        return self.mask

    def compute_output_spec(self, *args, **kwargs):
        if self._output_shape is None:
            return super().compute_output_spec(*args, **kwargs)
        from torchkeras.backend.keras_tensor import KerasTensor

        first = args[0]
        if callable(self._output_shape):
            shape = self._output_shape(tree.map_structure(lambda t: t.shape, first))
        else:
            batch = tree.flatten(first)[0].shape[0]
            shape = (batch,) + tuple(self._output_shape)
        return KerasTensor(shape, dtype=self.compute_dtype)

    def get_config(self):
        config = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": super().get_config()["dtype"],
            "function": _serialize_function(self.function),
            "arguments": self.arguments,
        }
        if self._output_shape is not None:
            config["output_shape"] = (
                _serialize_function(self._output_shape)
                if callable(self._output_shape)
                else list(self._output_shape)
            )
        return config

    @classmethod
    def from_config(cls, config, custom_objects=None, safe_mode=None):
        from torchkeras.saving import object_registry

        config = dict(config)
        function = config.pop("function")
        if isinstance(function, dict) and function.get("class_name") == "__lambda__":
            if safe_mode is None:
                from torchkeras.saving import saving_lib

                safe_mode = saving_lib.in_safe_mode()
            if safe_mode is None or safe_mode:
                raise ValueError(
                    "Requested the deserialization of a `Lambda` layer whose `function` is a "
                    "Python lambda. This carries a potential risk of arbitrary code execution "
                    "and thus it is disallowed by default. If you trust the source of the "
                    "artifact, you can override this error by passing `safe_mode=False` to the "
                    "loading function, or calling "
                    "`keras.config.enable_unsafe_deserialization()`."
                )
            function = _load_lambda(function["config"])
        elif isinstance(function, dict):
            function = object_registry.get_registered_object(function.get("config"), custom_objects)
        elif isinstance(function, str):
            function = object_registry.get_registered_object(function, custom_objects)
        if function is None:
            raise TypeError(
                "Lambda: could not find the function named in the config. Register it with "
                "`@keras.saving.register_keras_serializable()` or pass it in `custom_objects`."
            )
        output_shape = config.pop("output_shape", None)
        return cls(function, output_shape=output_shape, **config)


def _serialize_function(fn):
    if isinstance(fn, types.LambdaType) and fn.__name__ == "<lambda>":
        code = base64.b64encode(marshal.dumps(fn.__code__)).decode("ascii")
        return {
            "class_name": "__lambda__",
            "config": {"code": code, "defaults": fn.__defaults__, "closure": None},
        }
    from torchkeras.saving import serialization

    return serialization.serialize_keras_object(fn)


def _load_lambda(config):
    code = marshal.loads(base64.b64decode(config["code"]))
    return types.FunctionType(code, globals())
