"""PReLU: a leaky ReLU whose negative slope is learned, per unit or shared across axes."""

import torch
import torch.nn.functional as F

from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer


class PReLU(Layer):
    """Parametric Rectified Linear Unit activation layer.

    Formula: `f(x) = alpha * x for x < 0`, `f(x) = x for x >= 0`, where `alpha` is a learned
    array with the same shape as `x` (batch axis excluded), or 1 along `shared_axes`.

    Args:
        alpha_initializer: Initializer function for the weights. Defaults to `"Zeros"`.
        alpha_regularizer: Regularizer for the weights.
        alpha_constraint: Constraint for the weights.
        shared_axes: The axes along which to share learnable parameters (1-based, batch axis
            excluded). For feature maps of shape `(batch, height, width, channels)`,
            `shared_axes=[1, 2]` learns one `alpha` per channel. Defaults to `None`.

    Example:

    >>> layer = keras.layers.PReLU(alpha_initializer=keras.initializers.Constant(0.25))
    >>> layer(np.array([[-4.0, 2.0]]))
    tensor([[-1.,  2.]], grad_fn=<SubBackward0>)
    """

    def __init__(self, alpha_initializer="Zeros", alpha_regularizer=None, alpha_constraint=None,
                 shared_axes=None, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self.alpha_initializer = initializers.get(alpha_initializer)
        self.alpha_regularizer = regularizers.get(alpha_regularizer)
        self.alpha_constraint = constraints.get(alpha_constraint)
        if shared_axes is None:
            self.shared_axes = None
        elif not isinstance(shared_axes, (list, tuple)):
            self.shared_axes = [shared_axes]
        else:
            self.shared_axes = list(shared_axes)

    def build(self, input_shape):
        param_shape = list(input_shape[1:])
        if self.shared_axes is not None:
            for i in self.shared_axes:
                param_shape[i - 1] = 1
        self.alpha = self.add_weight(
            name="alpha", shape=param_shape, initializer=self.alpha_initializer,
            regularizer=self.alpha_regularizer, constraint=self.alpha_constraint,
        )
        axes = {}
        if self.shared_axes:
            for i in range(1, len(input_shape)):
                if i not in self.shared_axes:
                    axes[i] = input_shape[i]
        self.input_spec = InputSpec(ndim=len(input_shape), axes=axes)
        self.built = True

    def call(self, inputs):
        # Keras's form `relu(x) - alpha * relu(-x)`: the same values as a `where`, and the
        # same zero gradient at x == 0.
        return F.relu(inputs) - self.alpha * F.relu(torch.neg(inputs))

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_config(self):
        config = super().get_config()
        config.update({
            "alpha_initializer": initializers.serialize(self.alpha_initializer),
            "alpha_regularizer": regularizers.serialize(self.alpha_regularizer),
            "alpha_constraint": constraints.serialize(self.alpha_constraint),
            "shared_axes": self.shared_axes,
        })
        return config
