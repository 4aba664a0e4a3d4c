"""GroupNormalization: normalize each example over groups of channels."""

import torch.nn.functional as F

from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer
from torchkeras.layers.normalization import norm_utils


class GroupNormalization(Layer):
    """Group normalization layer (Wu et al., 2018).

    Splits the channels (the `axis` dimension) into `groups` groups of consecutive channels and
    normalizes each example over each group (its channels and all other non-batch axes):
    `gamma * (x - mean) / sqrt(var + epsilon) + beta`, with per-channel `gamma` and `beta`.
    `groups=1` is layer normalization over all non-batch axes; `groups=-1` (one channel per
    group) is instance normalization.

    Args:
        groups: int, the number of groups; must divide the number of channels. `-1` means one
            group per channel. Defaults to `32`.
        axis: int, the channels axis. Defaults to `-1`.
        epsilon: Small float added to the variance. Defaults to `1e-3`.
        center: If `True`, add the offset `beta`. Defaults to `True`.
        scale: If `True`, multiply by `gamma`. Defaults to `True`.
        beta_initializer: Initializer for `beta`. Defaults to `"zeros"`.
        gamma_initializer: Initializer for `gamma`. Defaults to `"ones"`.
        beta_regularizer: Optional regularizer for `beta`.
        gamma_regularizer: Optional regularizer for `gamma`.
        beta_constraint: Optional constraint for `beta`.
        gamma_constraint: Optional constraint for `gamma`.

    Example:

    >>> x = np.random.rand(2, 5, 5, 8).astype("float32")
    >>> keras.layers.GroupNormalization(groups=4)(x).shape
    torch.Size([2, 5, 5, 8])
    """

    def __init__(self, groups=32, axis=-1, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones", beta_regularizer=None,
                 gamma_regularizer=None, beta_constraint=None, gamma_constraint=None, **kwargs):
        if not isinstance(groups, int) or (groups <= 0 and groups != -1):
            raise ValueError(
                "Received an invalid value for argument `groups`, expected a positive integer "
                f"(or `-1` for instance normalization). Received: groups={groups}"
            )
        super().__init__(**kwargs)
        self.supports_masking = True
        self.autocast = False
        self.groups = groups
        self.axis = axis
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)

    def build(self, input_shape):
        norm_utils.check_axes_in_bounds(self.axis, input_shape)
        dim = input_shape[self.axis]
        if dim is None:
            raise ValueError(
                f"Axis {self.axis} of input tensor should have a defined dimension but the "
                f"layer received an input with shape {tuple(input_shape)}."
            )
        if self.groups == -1:
            self.groups = dim
        if dim < self.groups:
            raise ValueError(
                f"Number of groups ({self.groups}) cannot be more than the number of channels "
                f"({dim})."
            )
        if dim % self.groups != 0:
            # Keras's wording (the channels must be a multiple of the groups).
            raise ValueError(
                f"Number of groups ({self.groups}) must be a multiple of the number of channels "
                f"({dim})."
            )
        self.input_spec = InputSpec(ndim=len(input_shape), axes={self.axis: dim})
        if self.scale:
            self.gamma = self.add_weight(
                shape=(dim,), name="gamma", initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer, constraint=self.gamma_constraint,
                autocast=False,
            )
        else:
            self.gamma = None
        if self.center:
            self.beta = self.add_weight(
                shape=(dim,), name="beta", initializer=self.beta_initializer,
                regularizer=self.beta_regularizer, constraint=self.beta_constraint,
                autocast=False,
            )
        else:
            self.beta = None
        self._channel_axis = self.axis % len(input_shape)
        self.built = True

    def call(self, inputs):
        input_dtype = inputs.dtype
        x = inputs.float() if input_dtype in norm_utils.HALF else inputs
        axis = self._channel_axis
        # torch's kernel groups consecutive channels of axis 1, as Keras does along `axis`; a
        # moved axis is a view (channels_last memory format for image data).
        if axis != 1:
            x = x.movedim(axis, 1)
        outputs = F.group_norm(x, self.groups, self.gamma, self.beta, self.epsilon)
        if axis != 1:
            outputs = outputs.movedim(1, axis)
        compute_dtype = self._torch_compute_dtype
        if outputs.dtype != compute_dtype:
            outputs = outputs.to(compute_dtype)
        return outputs

    def compute_output_shape(self, input_shape):
        norm_utils.check_axes_in_bounds(self.axis, input_shape)
        return tuple(input_shape)

    def get_config(self):
        config = {
            "groups": self.groups,
            "axis": self.axis,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
        }
        return {**super().get_config(), **config}
