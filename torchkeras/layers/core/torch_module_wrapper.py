"""TorchModuleWrapper: any `torch.nn.Module` as a torchkeras layer."""

from torch import nn

from torchkeras.layers.layer import Layer


class TorchModuleWrapper(Layer):
    """Wraps a `torch.nn.Module` so it can be used as a layer; its parameters are tracked as the
    layer's weights (trainable when `requires_grad`).

    Args:
        module: The `torch.nn.Module` to wrap.
        name: Name of the layer.

    Example:

    >>> model = keras.Sequential([keras.Input((8,)), TorchModuleWrapper(torch.nn.Linear(8, 4))])
    """

    def __init__(self, module, name=None, **kwargs):
        super().__init__(name=name, **kwargs)
        if not isinstance(module, nn.Module):
            raise TypeError(
                "TorchModuleWrapper: `module` must be a `torch.nn.Module`. "
                f"Received: module={module!r} (of type {type(module)})"
            )
        self.module = module
        self.built = True

    def call(self, *args, training=None, **kwargs):
        return self.module(*args, **kwargs)

    def get_config(self):
        raise NotImplementedError(
            "TorchModuleWrapper cannot be serialized to a config: a torch module is Python code. "
            "Save its weights with `save_weights` and rebuild the module in code."
        )
