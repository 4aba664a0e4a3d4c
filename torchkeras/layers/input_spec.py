"""InputSpec: what a layer accepts (rank, dtype, axis sizes); the home of shape errors."""

from torchkeras.backend import dtypes
from torchkeras.utils import tree


class InputSpec:
    """Specifies the rank, dtype and shape of every input to a layer.

    Args:
        dtype: Expected dtype of the input.
        shape: Expected shape tuple (`None` for any size on an axis).
        ndim: Expected rank.
        max_ndim: Maximum rank.
        min_ndim: Minimum rank.
        axes: Dict mapping an axis to its expected size, e.g. `{-1: 64}`.
        allow_last_axis_squeeze: Accept inputs whose rank differs by a last axis of size 1.
        name: Expected name of the input (for dict inputs).
        optional: Whether the input may be `None`.
    """

    def __init__(self, dtype=None, shape=None, ndim=None, max_ndim=None, min_ndim=None,
                 axes=None, allow_last_axis_squeeze=False, name=None, optional=False):
        self.dtype = dtypes.standardize_dtype(dtype) if dtype is not None else None
        if shape is not None:
            self.ndim = len(shape)
            self.shape = tuple(shape)
        else:
            self.ndim = ndim
            self.shape = None
        self.max_ndim = max_ndim
        self.min_ndim = min_ndim
        self.name = name
        self.optional = optional
        self.allow_last_axis_squeeze = allow_last_axis_squeeze
        try:
            axes = axes or {}
            self.axes = {int(k): axes[k] for k in axes}
        except (ValueError, TypeError):
            raise TypeError(
                "Argument `axes` must be a dict with integer keys. " f"Received: axes={axes}"
            )
        if self.axes and (self.ndim is not None or self.max_ndim is not None):
            max_dim = (self.ndim if self.ndim else self.max_ndim) - 1
            max_axis = max(self.axes)
            if max_axis > max_dim:
                raise ValueError(
                    "Axis {} is greater than the maximum allowed value: {}".format(max_axis, max_dim)
                )

    def __repr__(self):
        spec = [
            ("dtype=" + str(self.dtype)) if self.dtype else "",
            ("shape=" + str(self.shape)) if self.shape else "",
            ("ndim=" + str(self.ndim)) if self.ndim else "",
            ("max_ndim=" + str(self.max_ndim)) if self.max_ndim else "",
            ("min_ndim=" + str(self.min_ndim)) if self.min_ndim else "",
            ("axes=" + str(self.axes)) if self.axes else "",
        ]
        return f"InputSpec({', '.join(x for x in spec if x)})"

    def get_config(self):
        return {
            "dtype": self.dtype,
            "shape": self.shape,
            "ndim": self.ndim,
            "max_ndim": self.max_ndim,
            "min_ndim": self.min_ndim,
            "axes": self.axes,
            "optional": self.optional,
        }

    @classmethod
    def from_config(cls, config):
        return cls(**config)


def _shape_tuple(x):
    return tuple(None if d is None else int(d) for d in x.shape)


def assert_input_compatibility(input_spec, inputs, layer_name):
    """Raise a ValueError naming the layer when `inputs` do not satisfy `input_spec`."""
    if not input_spec:
        return
    input_spec = tree.flatten(input_spec)
    if isinstance(inputs, dict):
        names = [spec.name for spec in input_spec]
        if all(names):
            list_inputs = []
            for name in names:
                if name not in inputs:
                    raise ValueError(
                        f'Missing data for input "{name}". You passed a data dictionary with '
                        f"keys {list(inputs.keys())}. Expected the following keys: {names}"
                    )
                list_inputs.append(inputs[name])
            inputs = list_inputs
    inputs = tree.flatten(inputs)
    if len(inputs) != len(input_spec):
        spec_names = [spec.name for spec in input_spec if spec is not None]
        if len(spec_names) == len(input_spec) and all(spec_names):
            example = ", ".join(f"'{n}': ..." for n in spec_names)
            raise ValueError(
                f'Layer "{layer_name}" expects {len(input_spec)} named input(s) with keys '
                f"{spec_names}, but it received {len(inputs)} input tensors. Pass inputs as a "
                f"dict, e.g. `layer({{{example}}})`."
            )
        raise ValueError(
            f'Layer "{layer_name}" expects {len(input_spec)} input(s), but it received '
            f"{len(inputs)} input tensors. Inputs received: {inputs}"
        )
    for input_index, (x, spec) in enumerate(zip(inputs, input_spec)):
        if spec is None:
            continue
        if x is None and spec.optional:
            continue
        if not hasattr(x, "shape"):
            raise ValueError(
                f"Inputs to a layer should be tensors. Got '{x}' (of type {type(x)}) as input "
                f"for layer '{layer_name}'."
            )
        shape = _shape_tuple(x)
        ndim = len(shape)
        if spec.ndim is not None and not spec.allow_last_axis_squeeze and ndim != spec.ndim:
            raise _incompatible(
                input_index, spec, layer_name,
                f"expected ndim={spec.ndim}, found ndim={ndim}. Full shape received: {shape}",
            )
        if spec.max_ndim is not None and ndim > spec.max_ndim:
            raise _incompatible(
                input_index, spec, layer_name,
                f"expected max_ndim={spec.max_ndim}, found ndim={ndim}",
            )
        if spec.min_ndim is not None and ndim < spec.min_ndim:
            raise _incompatible(
                input_index, spec, layer_name,
                f"expected min_ndim={spec.min_ndim}, found ndim={ndim}. "
                f"Full shape received: {shape}",
            )
        if spec.dtype is not None:
            dtype = dtypes.standardize_dtype(x.dtype)
            if dtype != spec.dtype:
                raise _incompatible(
                    input_index, spec, layer_name,
                    f"expected dtype={spec.dtype}, found dtype={dtype}",
                )
        if spec.axes:
            for axis, value in spec.axes.items():
                if value is not None and shape[axis] not in {value, None}:
                    raise _incompatible(
                        input_index, spec, layer_name,
                        f"expected axis {axis} of input shape to have value {value}, "
                        f"but received input with shape {shape}",
                    )
        if spec.shape is not None:
            spec_shape = spec.shape
            if spec.allow_last_axis_squeeze:
                if shape and shape[-1] == 1:
                    shape = shape[:-1]
                if spec_shape and spec_shape[-1] == 1:
                    spec_shape = spec_shape[:-1]
            for spec_dim, dim in zip(spec_shape, shape):
                if spec_dim is not None and dim is not None and spec_dim != dim:
                    raise _incompatible(
                        input_index, spec, layer_name,
                        f"expected shape={spec.shape}, found shape={shape}",
                    )


def _incompatible(input_index, spec, layer_name, detail):
    return ValueError(
        f"Input {input_index} with name '{spec.name}' of layer '{layer_name}' is incompatible "
        f"with the layer: {detail}"
    )
