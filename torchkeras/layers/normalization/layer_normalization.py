"""LayerNormalization: normalize each example over its feature axes."""

import warnings

import torch
import torch.nn.functional as F

from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.layer import Layer
from torchkeras.layers.normalization import norm_utils


class LayerNormalization(Layer):
    """Layer normalization layer (Ba et al., 2016).

    Normalizes each example independently over `axis`:
    `gamma * (x - mean) / sqrt(var + epsilon) + beta`, with the mean and (biased) variance taken
    over the `axis` dimensions. `gamma` and `beta` have the shape of those dimensions.

    Args:
        axis: int or list/tuple of ints, the axis or axes to normalize across. Defaults to
            `-1`.
        epsilon: Small float added to the variance. Defaults to `1e-3`.
        center: If `True`, add the offset `beta`. Defaults to `True`.
        scale: If `True`, multiply by `gamma`. Defaults to `True`.
        beta_initializer: Initializer for `beta`. Defaults to `"zeros"`.
        gamma_initializer: Initializer for `gamma`. Defaults to `"ones"`.
        beta_regularizer: Optional regularizer for `beta`.
        gamma_regularizer: Optional regularizer for `gamma`.
        beta_constraint: Optional constraint for `beta`.
        gamma_constraint: Optional constraint for `gamma`.
        rms_scaling: Deprecated (as in Keras): divide by `sqrt(var + epsilon)` without centering
            and without `beta`. Use `RMSNormalization` instead. Defaults to `False`.

    Example:

    >>> x = np.arange(10, dtype="float32").reshape(5, 2) * 10
    >>> keras.layers.LayerNormalization(axis=1)(x)[0]
    tensor([-0.9999, 0.9999])
    """

    def __init__(self, axis=-1, epsilon=1e-3, center=True, scale=True, beta_initializer="zeros",
                 gamma_initializer="ones", beta_regularizer=None, gamma_regularizer=None,
                 beta_constraint=None, gamma_constraint=None, **kwargs):
        rms_scaling = kwargs.pop("rms_scaling", False)
        if rms_scaling:
            warnings.warn(
                "You passed `rms_scaling=True`, which is deprecated. This argument incorrectly "
                "scales the input by the variance, not the root mean square. To correctly use "
                "RMS Normalization, please use `keras.layers.RMSNormalization` instead."
            )
        super().__init__(**kwargs)
        if isinstance(axis, (list, tuple)):
            self.axis = list(axis)
        elif isinstance(axis, int):
            self.axis = axis
        else:
            raise TypeError(
                "Expected an int or a list/tuple of ints for the argument 'axis', but "
                f"received: {axis!r}"
            )
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.rms_scaling = rms_scaling
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.supports_masking = True
        self.autocast = False

    def build(self, input_shape):
        norm_utils.check_axes_in_bounds(self.axis, input_shape)
        # As Keras: the axes sorted by value give the weight shape (a list of mixed negative
        # and positive axes keeps that order; the weights are then reshaped, not transposed).
        self.axis = sorted(self.axis) if isinstance(self.axis, list) else [self.axis]
        shape = tuple(input_shape[a] for a in self.axis)
        if self.scale or self.rms_scaling:
            self.gamma = self.add_weight(
                name="gamma", shape=shape, initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer, constraint=self.gamma_constraint,
                autocast=False,
            )
        else:
            self.gamma = None
        if self.center and not self.rms_scaling:
            self.beta = self.add_weight(
                name="beta", shape=shape, initializer=self.beta_initializer,
                regularizer=self.beta_regularizer, constraint=self.beta_constraint,
                autocast=False,
            )
        else:
            self.beta = None
        self._axes = tuple(self.axis)
        # Trailing axes go through torch's fused kernel with the weights as they are.
        self._trailing = norm_utils.is_trailing(self.axis, input_shape)
        self._normalized_shape = shape
        self._broadcast = norm_utils.broadcast_shape(self.axis, input_shape)
        self.built = True

    def call(self, inputs):
        input_dtype = inputs.dtype
        x = inputs.float() if input_dtype in norm_utils.HALF else inputs
        gamma, beta = self.gamma, self.beta
        if self.rms_scaling:
            variance = torch.var(x, dim=self._axes, keepdim=True, correction=0)
            outputs = x * torch.rsqrt(variance + self.epsilon)
            if gamma is not None:
                outputs = outputs * gamma.view(self._broadcast)
        elif self._trailing:
            outputs = F.layer_norm(x, self._normalized_shape, gamma, beta, self.epsilon)
        else:
            variance, mean = torch.var_mean(x, dim=self._axes, keepdim=True, correction=0)
            inv = torch.rsqrt(variance + self.epsilon)
            if gamma is not None:
                inv = inv * gamma.view(self._broadcast)
            offset = -mean * inv
            if beta is not None:
                offset = offset + beta.view(self._broadcast)
            outputs = x * inv + offset
        compute_dtype = self._torch_compute_dtype
        if outputs.dtype != compute_dtype:
            outputs = outputs.to(compute_dtype)
        return outputs

    def compute_output_shape(self, input_shape):
        norm_utils.check_axes_in_bounds(self.axis, input_shape)
        return tuple(input_shape)

    def get_config(self):
        config = {
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "rms_scaling": self.rms_scaling,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
        return {**super().get_config(), **config}
