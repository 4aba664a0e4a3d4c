"""Layer: the base class of every torchkeras layer and model, and a `torch.nn.Module`.

A layer creates its weights in `build(input_shape)` on first call (Keras's deferred build), keeps
them in Keras order and layout, and runs `call()` in plain torch. Everything a torch user expects
of a module works: `.to()`, `state_dict()`, `parameters()`, hooks, `torch.compile`.

The training flag follows Keras: an explicit `training=` argument wins, then the value of the
outermost layer call, then the default in `call`'s signature. A user who switches a model with
torch's `model.train()` / `model.eval()` gets that mode when no `training=` is given.
"""

import functools
import inspect
import warnings

import numpy as np
import torch
from torch import nn

from torchkeras import backend
from torchkeras import dtype_policies
from torchkeras.backend import meta_call
from torchkeras.backend import module_hooks
from torchkeras.backend.keras_tensor import KerasTensor
from torchkeras.layers import input_spec as input_spec_lib
from torchkeras.layers import layer_utils
from torchkeras.layers.node import Node
from torchkeras.layers.layer_saving import LayerSavingMixin
from torchkeras.utils import naming
from torchkeras.utils import tree


class _CallContext:
    """State shared by nested layer calls: the outermost layer and the training flag."""

    __slots__ = ("entry", "training")

    def __init__(self):
        self.entry = None
        self.training = None


_CONTEXT = _CallContext()
_NAME_SCOPE = []
_LAYERS_WITH_LOSSES = set()


class Layer(LayerSavingMixin, nn.Module):
    """This is the class from which all layers inherit.

    A layer is a callable object that takes as input one or more tensors and that outputs one or
    more tensors. It involves *computation*, defined in the `call()` method, and a *state* (weight
    variables), created in `build()` (or in `__init__()`).

    Args:
        trainable: Boolean, whether the layer's variables should be trainable.
        name: String name of the layer.
        dtype: The dtype of the layer's computations and weights. Can also be a
            `keras.DTypePolicy`.
        activity_regularizer: Regularizer applied to the outputs of the layer.
        autocast: Whether float inputs are cast to the layer's compute dtype. Defaults to `True`.

    Example:

    ```python
    class SimpleDense(Layer):
        def __init__(self, units=32):
            super().__init__()
            self.units = units

        def build(self, input_shape):
            self.kernel = self.add_weight(shape=(input_shape[-1], self.units), name="kernel")
            self.bias = self.add_weight(shape=(self.units,), initializer="zeros", name="bias")

        def call(self, inputs):
            return inputs @ self.kernel + self.bias
    ```
    """

    def __new__(cls, *args, **kwargs):
        obj = super().__new__(cls)
        # The torch module state exists before any user `__init__` code runs, so subclasses may
        # assign sublayers and weights before calling `super().__init__()`.
        nn.Module.__init__(obj)
        sig = layer_utils.signature(cls)
        object.__setattr__(obj, "_keras_sig", sig)
        object.__setattr__(obj, "_auto_config", None)
        if sig.init_signature is not None:
            try:
                bound = sig.init_signature.bind(None, *args, **kwargs)
            except TypeError:
                bound = None
            if bound is not None:
                arguments = dict(bound.arguments)
                arguments.pop(next(iter(sig.init_signature.parameters)), None)
                flat = {}
                for key, value in arguments.items():
                    kind = sig.init_signature.parameters[key].kind
                    if kind == inspect.Parameter.VAR_KEYWORD:
                        flat.update(value)
                    elif kind != inspect.Parameter.VAR_POSITIONAL:
                        flat[key] = value
                # Base arguments are written by `Layer.get_config` itself.
                for key in ("name", "trainable", "dtype", "autocast", "activity_regularizer"):
                    flat.pop(key, None)
                if layer_utils.simple_config_value(flat):
                    object.__setattr__(obj, "_auto_config", flat)
        obj._built = False
        obj._layer_init_done = False
        obj._name = None
        obj._path = None
        obj._trainable = True
        obj._losses = []
        obj._inbound_nodes = []
        obj._outbound_nodes = []
        obj._input_spec = None
        obj._input_spec_check = False
        obj._checked_shape = None
        obj._build_shapes_dict = None
        obj._explicit_torch_mode = False
        obj._supports_masking = sig.compute_mask_overridden
        obj._dtype_policy = dtype_policies.get(None)
        obj._torch_compute_dtype = backend.to_torch_dtype(obj._dtype_policy.compute_dtype)
        obj._mixed_dtype = _mixed_dtype(obj._dtype_policy)
        obj.autocast = True
        obj.activity_regularizer = None
        return obj

    def __init__(
        self,
        *,
        activity_regularizer=None,
        trainable=True,
        dtype=None,
        autocast=True,
        name=None,
        **kwargs,
    ):
        input_dim = kwargs.pop("input_dim", None)
        input_shape = (input_dim,) if input_dim is not None else kwargs.pop("input_shape", None)
        batch_input_shape = kwargs.pop("batch_input_shape", None)
        batch_size = kwargs.pop("batch_size", None)
        if input_shape is not None or batch_input_shape is not None:
            warnings.warn(
                "Do not pass an `input_shape`/`input_dim` argument to a layer. When using "
                "Sequential models, prefer using an `Input(shape)` object as the first layer in "
                "the model instead.",
                stacklevel=2,
            )
            if batch_input_shape is not None:
                self._input_shape_arg = tuple(batch_input_shape)[1:]
                self._batch_size_arg = tuple(batch_input_shape)[0]
            else:
                self._input_shape_arg = tuple(input_shape)
                self._batch_size_arg = batch_size
        if kwargs:
            raise ValueError(
                f"Unrecognized keyword arguments passed to {self.__class__.__name__}: {kwargs}"
            )
        if name is None:
            name = naming.auto_name(self.__class__.__name__)
        elif not isinstance(name, str) or "/" in name:
            raise ValueError(
                "Argument `name` must be a string and cannot contain character `/`. "
                f"Received: name={name} (of type {type(name)})"
            )
        if not isinstance(trainable, bool):
            raise ValueError(
                "Expected `trainable` to be a boolean. "
                f"Received: trainable={trainable} (of type {type(trainable)})"
            )
        self._name = name
        self._dtype_policy = dtype_policies.get(dtype)
        self._torch_compute_dtype = backend.to_torch_dtype(self._dtype_policy.compute_dtype)
        self._mixed_dtype = _mixed_dtype(self._dtype_policy)
        self.autocast = autocast
        if activity_regularizer is not None:
            from torchkeras import regularizers

            activity_regularizer = regularizers.get(activity_regularizer)
        self.activity_regularizer = activity_regularizer
        self._trainable = trainable
        self._layer_init_done = True

    # -- identity -----------------------------------------------------------------------------
    @property
    def name(self):
        if self._name is None:
            self._name = naming.auto_name(self.__class__.__name__)
        return self._name

    @name.setter
    def name(self, value):
        self._name = value

    @property
    def path(self):
        """The layer's path in the model, e.g. `"sequential/dense"` (known once built)."""
        return self._path or self.name

    def __repr__(self):
        return f"<{self.__class__.__name__} name={self.name}, built={self.built}>"

    # -- dtypes -------------------------------------------------------------------------------
    @property
    def dtype_policy(self):
        return self._dtype_policy

    @dtype_policy.setter
    def dtype_policy(self, value):
        self._dtype_policy = dtype_policies.get(value)
        self._torch_compute_dtype = backend.to_torch_dtype(self._dtype_policy.compute_dtype)
        self._mixed_dtype = _mixed_dtype(self._dtype_policy)

    @property
    def dtype(self):
        """The dtype of the layer's weights."""
        return self._dtype_policy.variable_dtype

    @property
    def variable_dtype(self):
        return self._dtype_policy.variable_dtype

    @property
    def compute_dtype(self):
        return self._dtype_policy.compute_dtype

    @property
    def input_dtype(self):
        return self._dtype_policy.compute_dtype

    # -- state --------------------------------------------------------------------------------
    @property
    def built(self):
        return self._built

    @built.setter
    def built(self, value):
        self._built = bool(value)

    @property
    def trainable(self):
        return self._trainable

    @trainable.setter
    def trainable(self, value):
        value = bool(value)
        self._trainable = value
        for variable in self._own_weights():
            if isinstance(variable, backend.Variable):
                variable._set_layer_frozen(not value)
            else:
                variable.requires_grad_(value)
        for layer in self._flatten_layers(include_self=False, recursive=False):
            layer.trainable = value

    @property
    def input_spec(self):
        return self._input_spec

    @input_spec.setter
    def input_spec(self, value):
        self._input_spec = value
        self._input_spec_check = bool(value)
        self._checked_shape = None

    @property
    def supports_masking(self):
        return self._supports_masking

    @supports_masking.setter
    def supports_masking(self, value):
        self._supports_masking = bool(value)

    def train(self, mode=True):
        """torch's `Module.train`: later calls without `training=` run in this mode."""
        super().train(mode)
        for module in self.modules():
            if isinstance(module, Layer):
                object.__setattr__(module, "_explicit_torch_mode", True)
        return self

    # -- tracking -----------------------------------------------------------------------------
    def __setattr__(self, name, value):
        if isinstance(value, nn.Parameter):
            params = self.__dict__.get("_parameters")
            if params is not None and name not in params:
                for key, existing in params.items():
                    if existing is value:
                        # A weight made by `add_weight` is re-keyed under the attribute name the
                        # user gives it (its `state_dict` key), keeping its position.
                        self._parameters = {
                            (name if k == key else k): v for k, v in params.items()
                        }
                        self.__dict__.pop(name, None)  # e.g. a `self.w = None` placeholder
                        return
        elif isinstance(value, (list, tuple)) and value and all(
            isinstance(v, nn.Module) for v in value
        ):
            # Lists of layers are tracked like `nn.ModuleList` entries: `blocks.0`, `blocks.1`.
            modules = self.__dict__.get("_modules")
            if modules is not None:
                for key in [k for k in modules if k.startswith(name + ".")]:
                    del modules[key]
                for i, module in enumerate(value):
                    modules[f"{name}.{i}"] = module
        super().__setattr__(name, value)

    def _flatten_layers(self, include_self=True, recursive=True):
        layers = [self] if include_self else []
        seen = {id(self)}
        for module in self._modules.values():
            if isinstance(module, Layer) and id(module) not in seen:
                seen.add(id(module))
                layers.append(module)
                if recursive:
                    for sub in module._flatten_layers(include_self=False, recursive=True):
                        if id(sub) not in seen:
                            seen.add(id(sub))
                            layers.append(sub)
        return layers

    @property
    def _layers(self):
        return self._flatten_layers(include_self=False, recursive=False)

    def _own_weights(self):
        """The layer's own weights in creation order, then parameters of wrapped torch modules."""
        weights = list(self._parameters.values())
        for module in self._modules.values():
            if module is not None and not isinstance(module, Layer):
                weights.extend(module.parameters())
        return [w for w in weights if w is not None]

    @staticmethod
    def _is_trainable_weight(w):
        if isinstance(w, backend.Variable):
            return w.trainable
        return w.requires_grad

    def _collect_weights(self, own, sublayer_attribute):
        """`own` weights, then each sublayer's `sublayer_attribute`, without duplicates."""
        weights = list(own)
        seen = {id(w) for w in weights}
        for layer in self._layers:
            for w in getattr(layer, sublayer_attribute):
                if id(w) not in seen:
                    seen.add(id(w))
                    weights.append(w)
        return weights

    @property
    def weights(self):
        """All weights: own trainable, own non-trainable, then each sublayer's, in Keras order."""
        own = self._own_weights()
        trainable = [w for w in own if self._is_trainable_weight(w)]
        return self._collect_weights(
            trainable + [w for w in own if not self._is_trainable_weight(w)], "weights"
        )

    @property
    def trainable_weights(self):
        if not self.trainable:
            return []
        own = [w for w in self._own_weights() if self._is_trainable_weight(w)]
        return self._collect_weights(own, "trainable_weights")

    @property
    def non_trainable_weights(self):
        if not self.trainable:
            return self.weights
        own = [w for w in self._own_weights() if not self._is_trainable_weight(w)]
        return self._collect_weights(own, "non_trainable_weights")

    @property
    def variables(self):
        return self.weights

    @property
    def trainable_variables(self):
        return self.trainable_weights

    @property
    def non_trainable_variables(self):
        return self.non_trainable_weights

    def add_weight(
        self,
        shape=None,
        initializer=None,
        dtype=None,
        trainable=True,
        autocast=True,
        regularizer=None,
        constraint=None,
        aggregation="none",
        synchronization="auto",
        name=None,
        overwrite_with_gradient=False,
    ):
        """Add a weight variable to the layer.

        Args:
            shape: Shape tuple for the variable. Defaults to `()` (scalar).
            initializer: Initializer object or name. Defaults to `"glorot_uniform"` for floats,
                `"zeros"` otherwise.
            dtype: Dtype of the variable. Defaults to the layer's variable dtype.
            trainable: Whether the variable is updated by training. Defaults to `True`.
            autocast: Whether the variable is cast to the compute dtype. Defaults to `True`.
            regularizer: Regularizer object or name; its penalty joins `layer.losses`.
            constraint: Constraint object or name, applied after each optimizer update.
            aggregation: Kept for Keras compatibility. Defaults to `"none"`.
            synchronization: Kept for Keras compatibility. Defaults to `"auto"`.
            name: Name of the variable. Defaults to `"variable"`.
        """
        from torchkeras import constraints
        from torchkeras import initializers
        from torchkeras import regularizers

        shape = () if shape is None else tuple(shape)
        for dim in shape:
            if dim is None or (isinstance(dim, int) and dim < 0):
                raise ValueError(
                    f"Layer '{self.name}' ({self.__class__.__name__}): cannot create weight "
                    f"'{name}' with unknown or negative dimensions. Received: shape={shape}"
                )
        dtype = backend.standardize_dtype(dtype or self.variable_dtype)
        from torchkeras.saving import file_utils

        # Loading a model: a hostile config must not make us allocate unbounded memory.
        file_utils.charge_allocation(shape, backend.to_torch_dtype(dtype).itemsize, self.name)
        if initializer is None:
            is_float = dtype.startswith(("float", "bfloat"))
            initializer = "glorot_uniform" if is_float else "zeros"
        initializer = initializers.get(initializer)
        name = name or "variable"
        # Weights are real even when created during shape inference (a sublayer built inside a
        # symbolic call).
        with meta_call.real_tensors():
            value = initializer(shape, dtype=dtype)
            variable = backend.Variable(
                value, dtype=dtype, trainable=trainable, autocast=autocast,
                aggregation=aggregation, synchronization=synchronization, name=name,
            )
        scope = "/".join(_NAME_SCOPE) if _NAME_SCOPE else self.path
        variable._path = f"{scope}/{name}"
        variable.regularizer = regularizers.get(regularizer) if regularizer is not None else None
        variable.constraint = constraints.get(constraint) if constraint is not None else None
        variable.overwrite_with_gradient = overwrite_with_gradient
        if not self._trainable:
            variable._set_layer_frozen(True)
        key = name
        suffix = 1
        while key in self._parameters or key in self._modules or key in self.__dict__:
            key = f"{name}_{suffix}"
            suffix += 1
        self._parameters[key] = variable
        return variable

    add_variable = add_weight

    # -- losses -------------------------------------------------------------------------------
    def add_loss(self, loss):
        """Add a scalar loss (from `call()`); it joins `model.losses` and the training loss."""
        self._losses.append(loss)
        _LAYERS_WITH_LOSSES.add(self)

    def _get_regularization_losses(self):
        losses = []
        for variable in self.trainable_weights:
            regularizer = getattr(variable, "regularizer", None)
            if regularizer is not None:
                losses.append(regularizer(variable))
        return losses

    @property
    def losses(self):
        """Scalar losses from `add_loss`, weight regularizers and sublayers."""
        losses = []
        for layer in self._flatten_layers(include_self=True):
            losses.extend(layer._losses)
        losses.extend(self._get_regularization_losses())
        return losses

    @staticmethod
    def _clear_all_losses():
        for layer in _LAYERS_WITH_LOSSES:
            layer._losses = []
        _LAYERS_WITH_LOSSES.clear()

    # -- build --------------------------------------------------------------------------------
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "build" in cls.__dict__:
            cls.build = _wrap_build(cls.__dict__["build"])

    def build(self, input_shape=None):
        """Create the layer's weights for inputs of `input_shape`. Called on first `__call__`."""
        self.built = True

    def get_build_config(self):
        """The input shapes the layer was built with, for rebuilding it on load."""
        if self._build_shapes_dict is not None:
            if len(self._build_shapes_dict) == 1:
                return {"input_shape": tuple(self._build_shapes_dict.values())[0]}
            return {"shapes_dict": self._build_shapes_dict}
        return None

    def build_from_config(self, config):
        """Rebuild the layer's weights from `get_build_config()`'s dict."""
        if config:
            if "input_shape" in config:
                self._build_with_scope({"input_shape": config["input_shape"]})
            elif "shapes_dict" in config:
                self._build_with_scope(config["shapes_dict"])

    def _build_with_scope(self, shapes_dict):
        sig = self._keras_sig
        if sig.build_overridden and len(sig.build_params) > 1 and len(shapes_dict) > 1:
            self.build(**shapes_dict)
        else:
            self.build(next(iter(shapes_dict.values()), None))
        self._build_shapes_dict = layer_utils.jsonable_shapes(shapes_dict)

    def _maybe_build(self, args, kwargs):
        sig = self._keras_sig
        if sig.build_overridden and len(sig.build_params) > 1:
            names = [p[: -len("_shape")] for p in sig.build_params if p.endswith("_shape")]
            bound = dict(zip(sig.call_params, args))
            bound.update(kwargs)
            shapes_dict = {
                f"{n}_shape": tree.map_structure(layer_utils.shape_of, bound[n])
                for n in names
                if n in bound and bound[n] is not None
            }
        else:
            first = args[0] if args else next(iter(kwargs.values()), None)
            shapes_dict = {"input_shape": tree.map_structure(layer_utils.shape_of, first)}
        self._build_with_scope(shapes_dict)

    # -- call ---------------------------------------------------------------------------------
    def __call__(self, *args, **kwargs):
        if not self._layer_init_done:
            raise RuntimeError(
                f"Layer {self.__class__.__name__}: `super().__init__()` was not called in the "
                "constructor. Call it before using the layer."
            )
        # 1. The common eager call, `layer(tensor)` or `layer(tensor, training=...)`, needs no
        # conversion; anything else is checked for symbolic tensors, then converted (arrays to
        # tensors, floats cast to the compute dtype).
        if not (
            len(args) == 1
            and type(args[0]) is torch.Tensor
            and args[0].dtype == self._torch_compute_dtype
            and (not kwargs or (len(kwargs) == 1 and "training" in kwargs))
        ):
            if layer_utils.is_symbolic(args, kwargs):
                return self._symbolic_call(args, kwargs)
            args, kwargs = self._convert_inputs(args, kwargs)
        sig = self._keras_sig
        first = args[0] if args else next(iter(kwargs.values()), None)

        # 2. Check the input spec (once per new input shape), then build.
        if self._input_spec_check and getattr(first, "shape", None) != self._checked_shape:
            input_spec_lib.assert_input_compatibility(self._input_spec, first, self.name)
            if isinstance(first, torch.Tensor):
                self._checked_shape = first.shape
        first_call = not self._built
        if first_call:
            self._maybe_build(args, kwargs)
            if self._input_spec_check:
                input_spec_lib.assert_input_compatibility(self._input_spec, first, self.name)

        # 3. Resolve `training`: explicit argument, outer call, signature default, torch mode.
        context = _CONTEXT
        is_entry = context.entry is None
        if is_entry:
            context.entry = self
            if _LAYERS_WITH_LOSSES:
                Layer._clear_all_losses()
        try:
            if sig.has_training_arg:
                training = kwargs.get("training")
            else:
                # A `call` without `training` still passes the flag on to its sublayers.
                training = kwargs.pop("training", None) if not sig.has_var_kwargs else None
            if training is None:
                training = context.training
                if training is None:
                    training = sig.training_default
                    if training is None and self._explicit_torch_mode:
                        training = self.training
            context.training = training
            if sig.has_training_arg and training is not None:
                kwargs["training"] = training

            # 4. Masks attached to the input travel to `call(mask=)` and to the output.
            if isinstance(first, (list, tuple)):
                # A list of inputs (merge layers): the list of their masks, if any.
                masks = [getattr(x, "_keras_mask", None) for x in first]
                previous_mask = masks if any(m is not None for m in masks) else None
            else:
                previous_mask = getattr(first, "_keras_mask", None)
            if sig.has_mask_arg:
                if kwargs.get("mask") is not None:
                    previous_mask = kwargs["mask"]
                elif previous_mask is not None:
                    kwargs["mask"] = previous_mask

            # 5. Call. Sublayers built during the first call get this layer's name scope.
            if first_call:
                _NAME_SCOPE.append(self.name)
            try:
                if self._mixed_dtype is not None and self.autocast:
                    # Mixed precision ("mixed_float16"): float32 variables are read in the
                    # compute dtype, as Keras's autocast scope does, through torch's autocast.
                    _MIXED_DEPTH[0] += 1
                    try:
                        with torch.autocast(backend.get_device().type, dtype=self._mixed_dtype):
                            outputs = self._call_with_hooks(args, kwargs)
                    finally:
                        _MIXED_DEPTH[0] -= 1
                elif _MIXED_DEPTH[0]:
                    # A full-precision layer (`dtype="float32"`) inside a mixed model.
                    with torch.autocast(backend.get_device().type, enabled=False):
                        outputs = self._call_with_hooks(args, kwargs)
                else:
                    outputs = self._call_with_hooks(args, kwargs)
            finally:
                if first_call:
                    _NAME_SCOPE.pop()

            if self.activity_regularizer is not None:
                for output in tree.flatten(outputs):
                    if isinstance(output, torch.Tensor):
                        loss = self.activity_regularizer(output)
                        if output.dim() > 0 and output.shape[0] > 0:
                            loss = loss / output.shape[0]
                        self.add_loss(loss)
            if self._supports_masking:
                if previous_mask is not None or sig.compute_mask_overridden:
                    self._set_mask_metadata(first, outputs, previous_mask)
            elif previous_mask is not None:
                warnings.warn(
                    f"Layer '{self.name}' (of type {self.__class__.__name__}) was passed an input "
                    "with a mask attached to it. However, this layer does not support masking "
                    "and will therefore destroy the mask information. Downstream layers will "
                    "not see the mask."
                )
        finally:
            if is_entry:
                context.entry = None
                context.training = None
        return outputs

    def _call_with_hooks(self, args, kwargs):
        if module_hooks.has_call_hooks(self):
            return nn.Module.__call__(self, *args, **kwargs)
        return self.call(*args, **kwargs)

    def forward(self, *args, **kwargs):
        return self.call(*args, **kwargs)

    def call(self, *args, **kwargs):
        forward = type(self).forward
        if forward is not Layer.forward:
            # A PyTorch-style subclass that wrote `forward` instead of `call`.
            return forward(self, *args, **kwargs)
        raise NotImplementedError(
            f"Layer {self.__class__.__name__} does not have a `call()` method implemented."
        )

    def _convert_inputs(self, args, kwargs):
        compute_dtype = self._torch_compute_dtype
        autocast = self.autocast

        def convert(x):
            if isinstance(x, torch.Tensor):
                if autocast and x.is_floating_point() and x.dtype != compute_dtype:
                    mask = getattr(x, "_keras_mask", None)
                    x = x.to(compute_dtype)
                    if mask is not None:
                        x._keras_mask = mask
                return x
            if (isinstance(x, np.ndarray) and x.dtype.kind not in ("U", "S", "O")) or (
                isinstance(x, (np.generic,)) and not isinstance(x, (np.str_, np.bytes_))
            ):
                tensor = backend.convert_to_tensor(x)
                if autocast and tensor.is_floating_point():
                    tensor = tensor.to(compute_dtype)
                return tensor
            return x

        args = tuple(tree.map_structure(convert, a) for a in args)
        kwargs = {k: tree.map_structure(convert, v) for k, v in kwargs.items()}
        return args, kwargs

    def _set_mask_metadata(self, inputs, outputs, previous_mask):
        flat_outputs = tree.flatten(outputs)
        if all(getattr(x, "_keras_mask", None) is not None for x in flat_outputs):
            return
        output_masks = self.compute_mask(inputs, previous_mask)
        if output_masks is None:
            return
        for tensor, mask in zip(flat_outputs, tree.flatten(output_masks)):
            if (
                isinstance(tensor, torch.Tensor)
                and mask is not None
                and getattr(tensor, "_keras_mask", None) is None
            ):
                tensor._keras_mask = mask

    def compute_mask(self, inputs, previous_mask):
        """The output mask for `inputs`, given the input mask. Defaults to passing it through."""
        if not self.supports_masking:
            return None
        return previous_mask

    # -- symbolic calls (functional API) ------------------------------------------------------
    def _symbolic_call(self, args, kwargs):
        first = args[0] if args else next(iter(kwargs.values()), None)
        if self._input_spec_check:
            input_spec_lib.assert_input_compatibility(self._input_spec, first, self.name)
        if not self._built:
            self._maybe_build(args, kwargs)
            if self._input_spec_check:
                input_spec_lib.assert_input_compatibility(self._input_spec, first, self.name)
        outputs = self.compute_output_spec(*args, **kwargs)
        Node(operation=self, call_args=args, call_kwargs=kwargs, outputs=outputs)
        return outputs

    def compute_output_spec(self, *args, **kwargs):
        """Symbolic outputs (KerasTensors) for symbolic inputs, without running real compute."""
        sig = self._keras_sig
        tensor_args = [
            x for x in tree.flatten((args, kwargs)) if isinstance(x, KerasTensor)
        ]
        if sig.output_shape_overridden:
            first = args[0] if args else next(iter(kwargs.values()))
            output_shape = self.compute_output_shape(tree.map_structure(layer_utils.shape_of, first))
            dtype = self.compute_dtype
            # Integer inputs pass their dtype through shape-only layers; a layer computing with
            # floating weights (Dense on lookup counts) promotes them, as Keras's ops do.
            if tensor_args and not backend.standardize_dtype(tensor_args[0].dtype).startswith(
                ("float", "bfloat")
            ) and not any(w.is_floating_point() for w in self._own_weights()):
                dtype = tensor_args[0].dtype
            return layer_utils.shapes_to_specs(output_shape, dtype)
        saved_losses = list(self._losses)
        try:
            return meta_call.compute_output_spec(self._meta_call, args, kwargs)
        except Exception as e:
            raise RuntimeError(
                f"Layer '{self.name}' ({self.__class__.__name__}): could not infer the output "
                "shape from a symbolic input. Implement `compute_output_shape(input_shape)` on "
                f"the layer. The call failed with: {type(e).__name__}: {e}"
            ) from e
        finally:
            self._losses = saved_losses

    def _meta_call(self, *args, **kwargs):
        context = _CONTEXT
        is_entry = context.entry is None
        if is_entry:
            context.entry = self
        try:
            return self.call(*args, **kwargs)
        finally:
            if is_entry:
                context.entry = None
                context.training = None

    def compute_output_shape(self, *args, **kwargs):
        """The output shape for inputs of the given shape (`None` for unknown dimensions)."""
        specs = tree.map_structure(
            lambda s: KerasTensor(s, dtype=self.compute_dtype), args[0]
        ) if args else None
        output = meta_call.compute_output_spec(self._meta_call, (specs,), {})
        return tree.map_structure(lambda t: t.shape, output)

    @property
    def input(self):
        """The symbolic input of the layer's first call in a functional model."""
        return self._get_node_attribute("input")

    @property
    def output(self):
        """The symbolic output of the layer's first call in a functional model."""
        return self._get_node_attribute("output")

    def _get_node_attribute(self, attr):
        if not self._inbound_nodes:
            raise AttributeError(
                f"The layer {self.name} has never been called and thus has no defined {attr}."
            )
        if len(self._inbound_nodes) > 1:
            raise AttributeError(
                f"The layer {self.name} has been called multiple times; use "
                f"`get_{attr}_at(node_index)` or the model's graph instead."
            )
        node = self._inbound_nodes[0]
        if attr == "input":
            values = node.input_tensors
        else:
            values = node.outputs
        return values[0] if len(values) == 1 else values

    # -- weights I/O --------------------------------------------------------------------------
    def get_weights(self):
        """The layer's weights as a list of NumPy arrays, in `layer.weights` order."""
        # Copies: on the CPU `.numpy()` shares storage with the weight, which training mutates.
        # A scalar weight comes back as a NumPy scalar, as in Keras.
        return [
            w.detach().cpu().numpy().copy()[()] if w.dim() == 0 else w.detach().cpu().numpy().copy()
            for w in self.weights
        ]

    def set_weights(self, weights):
        """Set the layer's weights from a list of arrays, in `layer.weights` order."""
        layer_weights = self.weights
        if len(layer_weights) != len(weights):
            raise ValueError(
                f"You called `set_weights(weights)` on layer '{self.name}' with a weight list of "
                f"length {len(weights)}, but the layer was expecting {len(layer_weights)} weights."
            )
        for variable, value in zip(layer_weights, weights):
            value_shape = tuple(np.shape(value))
            if tuple(variable.shape) != value_shape:
                raise ValueError(
                    f"Layer {self.name} weight shape {tuple(variable.shape)} is not compatible "
                    f"with provided weight shape {value_shape}."
                )
        with torch.no_grad():
            for variable, value in zip(layer_weights, weights):
                tensor = value if isinstance(value, torch.Tensor) else torch.as_tensor(
                    np.asarray(value)
                )
                variable.data.copy_(tensor.to(device=variable.device, dtype=variable.dtype))

    def count_params(self):
        """The number of scalars in the layer's weights."""
        if not self.built:
            raise ValueError(
                "You tried to call `count_params` on layer "
                f"'{self.name}', but the layer isn't built. You can build it manually via: "
                f"`layer.build(input_shape)`."
            )
        return int(sum(int(np.prod(tuple(w.shape))) for w in self.weights))

    # -- config -------------------------------------------------------------------------------
    def get_config(self):
        """The layer's constructor arguments as a JSON-compatible dict."""
        from torchkeras.dtype_policies import dtype_policy

        config = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": dtype_policy.serialize(self.dtype_policy),
        }
        if self.activity_regularizer is not None:
            from torchkeras import regularizers

            config["activity_regularizer"] = regularizers.serialize(self.activity_regularizer)
        if type(self).get_config is Layer.get_config:
            if self._auto_config is None:
                raise NotImplementedError(
                    f"Object {self.__class__.__name__} was created by passing non-serializable "
                    "argument values in `__init__()`, and therefore the object must override "
                    "`get_config()` in order to be serializable. Please implement "
                    "`get_config()`."
                )
            init_params = self._keras_sig.init_signature.parameters
            if not any(p.kind == p.VAR_KEYWORD for p in init_params.values()):
                for key in list(config):
                    if key not in init_params:
                        config.pop(key)
            config.update(self._auto_config)
        return config

    @classmethod
    def from_config(cls, config):
        """Create a layer from its `get_config()` dict."""
        config = dict(config)
        if "dtype" in config and isinstance(config["dtype"], dict):
            from torchkeras import dtype_policies as policies

            config["dtype"] = policies.get(config["dtype"])
        try:
            return cls(**config)
        except Exception as e:
            raise TypeError(
                f"Error when deserializing class '{cls.__name__}' using config={config}.\n\n"
                f"Exception encountered: {e}"
            ) from e


# How many mixed-precision layer calls are running (their autocast regions are active).
_MIXED_DEPTH = [0]


def _mixed_dtype(policy):
    """The torch compute dtype of a mixed policy (float variables computed in a lower
    precision), else `None`."""
    if policy.compute_dtype == policy.variable_dtype:
        return None
    if not policy.variable_dtype.startswith("float"):
        return None
    return backend.to_torch_dtype(policy.compute_dtype)


def _wrap_build(build):
    """Every `build` runs in the layer's name scope (weights get paths such as
    `sequential/dense/kernel`), records its input shapes for `get_build_config()` and marks the
    layer built, whether Keras calls it on first use or the user calls `layer.build(shape)`."""

    @functools.wraps(build)
    def build_wrapper(self, *args, **kwargs):
        if self.__dict__.get("_in_build"):
            return build(self, *args, **kwargs)  # a `super().build()` inside a build
        object.__setattr__(self, "_in_build", True)
        _NAME_SCOPE.append(self.name)
        try:
            if self._path is None:
                self._path = "/".join(_NAME_SCOPE)
            # State is real even when the build happens inside shape inference (a sublayer first
            # called in a symbolic call): weights, initializer seeds, lookup tables.
            with meta_call.real_tensors():
                result = build(self, *args, **kwargs)
        finally:
            _NAME_SCOPE.pop()
            object.__setattr__(self, "_in_build", False)
        try:
            shapes = inspect.signature(build).bind(self, *args, **kwargs).arguments
            shapes.pop(next(iter(shapes)))
        except TypeError:
            shapes = {}
        if shapes:
            self._build_shapes_dict = layer_utils.jsonable_shapes(dict(shapes))
        self._built = True
        return result

    return build_wrapper


Layer.build = _wrap_build(Layer.build)
