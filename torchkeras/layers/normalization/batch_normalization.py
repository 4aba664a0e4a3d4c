"""BatchNormalization: normalize with batch statistics in training, moving ones in inference."""

import math

import torch
import torch.nn.functional as F

from torchkeras import backend
from torchkeras import constraints
from torchkeras import initializers
from torchkeras import regularizers
from torchkeras.layers.input_spec import InputSpec
from torchkeras.layers.layer import Layer

_HALF = (torch.float16, torch.bfloat16)


class BatchNormalization(Layer):
    """Layer that normalizes its inputs.

    Batch normalization keeps the mean output close to 0 and the output standard deviation close
    to 1: `gamma * (x - mean) / sqrt(var + epsilon) + beta`.

    - In training (`training=True`, e.g. inside `fit`) `mean` and `var` are the statistics of
      the current batch (the biased variance), and the moving statistics are updated:
      `moving_mean = moving_mean * momentum + mean * (1 - momentum)` (the same for the
      variance).
    - In inference (`training=False`, e.g. in `evaluate`/`predict`), the moving statistics are
      used.
    - A layer with `trainable = False` always runs in inference mode, as in Keras (unlike a
      frozen torch `BatchNorm`, which keeps using batch statistics in `train()` mode).

    Weights, in this order: `gamma`, `beta` (trainable), `moving_mean`, `moving_variance`
    (non-trainable); with `renorm=True` also `moving_stddev`, `renorm_mean`, `renorm_stddev`.

    Args:
        axis: int, the axis of the features (typically the channels axis). Defaults to `-1`.
        momentum: Momentum of the moving average. Defaults to `0.99`.
        epsilon: Small float added to the variance. Defaults to `1e-3`.
        center: If `True`, add the offset `beta`. Defaults to `True`.
        scale: If `True`, multiply by `gamma`. Defaults to `True`.
        beta_initializer: Initializer for `beta`. Defaults to `"zeros"`.
        gamma_initializer: Initializer for `gamma`. Defaults to `"ones"`.
        moving_mean_initializer: Initializer for the moving mean. Defaults to `"zeros"`.
        moving_variance_initializer: Initializer for the moving variance. Defaults to `"ones"`.
        beta_regularizer: Optional regularizer for `beta`.
        gamma_regularizer: Optional regularizer for `gamma`.
        beta_constraint: Optional constraint for `beta`.
        gamma_constraint: Optional constraint for `gamma`.
        renorm: Whether to use Batch Renormalization. Defaults to `False`.
        renorm_clipping: Dict with optional keys `"rmax"`, `"rmin"`, `"dmax"` clipping the
            renorm corrections. Defaults to `None`.
        renorm_momentum: Momentum of the renorm moving averages. Defaults to `0.99`.
        synchronized: Accepted for compatibility; statistics are those of the local batch.
            Defaults to `False`.

    Call arguments:
        inputs: Input tensor of any rank.
        training: Whether to normalize with batch statistics (and update the moving ones).
        mask: Optional tensor of rank `inputs.ndim - 1`; masked entries are left out of the
            batch statistics.

    Example:

    >>> layer = keras.layers.BatchNormalization()
    >>> x = np.random.rand(8, 3).astype("float32")
    >>> layer(x, training=True).shape
    torch.Size([8, 3])
    """

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones",
                 moving_mean_initializer="zeros", moving_variance_initializer="ones",
                 beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, renorm=False, renorm_clipping=None,
                 renorm_momentum=0.99, synchronized=False, **kwargs):
        super().__init__(**kwargs)
        self.axis = int(axis)
        self.synchronized = synchronized
        self.momentum = float(momentum)
        self.epsilon = float(epsilon)
        self.center = center
        self.scale = scale
        self.beta_initializer = initializers.get(beta_initializer)
        self.gamma_initializer = initializers.get(gamma_initializer)
        self.moving_mean_initializer = initializers.get(moving_mean_initializer)
        self.moving_variance_initializer = initializers.get(moving_variance_initializer)
        self.beta_regularizer = regularizers.get(beta_regularizer)
        self.gamma_regularizer = regularizers.get(gamma_regularizer)
        self.beta_constraint = constraints.get(beta_constraint)
        self.gamma_constraint = constraints.get(gamma_constraint)
        self.supports_masking = True
        self.renorm = renorm
        if renorm:
            renorm_clipping = renorm_clipping or {}
            keys = ["rmax", "rmin", "dmax"]
            if set(renorm_clipping) - set(keys):
                raise ValueError(
                    "Received invalid keys for `renorm_clipping` argument: "
                    f"{renorm_clipping}. Supported values: {keys}."
                )
            rmax = renorm_clipping.get("rmax")
            rmin = renorm_clipping.get("rmin")
            dmax = renorm_clipping.get("dmax")
            if rmax is not None and rmin is not None and rmax < rmin:
                raise ValueError(
                    "rmax should be greater than rmin in the `renorm_clipping` argument. "
                    f"Received: rmax={rmax}, rmin={rmin}."
                )
            if dmax is not None and dmax < 0:
                raise ValueError(
                    "dmax should be non-negative in the `renorm_clipping` argument. "
                    f"Received: dmax={dmax}."
                )
        self.renorm_clipping = renorm_clipping
        self.renorm_momentum = renorm_momentum

    def build(self, input_shape):
        ndim = len(input_shape)
        if not -ndim <= self.axis < ndim:
            raise ValueError(
                f"Axis {self.axis} is out of bounds for input shape {tuple(input_shape)}. "
                f"Received: axis={self.axis}"
            )
        dim = input_shape[self.axis]
        if dim is None:
            raise ValueError(
                f"Layer '{self.name}' (BatchNormalization): axis {self.axis} of the inputs "
                f"should be defined. Found None. Received: input_shape={tuple(input_shape)}"
            )
        shape = (dim,)
        if self.scale:
            self.gamma = self.add_weight(
                shape=shape, name="gamma", initializer=self.gamma_initializer,
                regularizer=self.gamma_regularizer, constraint=self.gamma_constraint,
                autocast=False,
            )
        else:
            self.gamma = None
        if self.center:
            self.beta = self.add_weight(
                shape=shape, name="beta", initializer=self.beta_initializer,
                regularizer=self.beta_regularizer, constraint=self.beta_constraint,
                autocast=False,
            )
        else:
            self.beta = None
        self.moving_mean = self.add_weight(
            shape=shape, name="moving_mean", initializer=self.moving_mean_initializer,
            trainable=False, autocast=False,
        )
        self.moving_variance = self.add_weight(
            shape=shape, name="moving_variance", initializer=self.moving_variance_initializer,
            trainable=False, autocast=False,
        )
        if self.renorm:
            # Batch renormalization tracks the moving standard deviation, initialized as the
            # square root of the moving variance's initial value.
            stddev = lambda shape, dtype=None: torch.sqrt(  # noqa: E731
                torch.as_tensor(self.moving_variance_initializer(shape, dtype=dtype))
            )
            self.moving_stddev = self.add_weight(
                shape=shape, name="moving_stddev", initializer=stddev, trainable=False,
                autocast=False,
            )
            self.renorm_mean = self.add_weight(
                shape=shape, name="renorm_mean", initializer=self.moving_mean_initializer,
                trainable=False, autocast=False,
            )
            self.renorm_stddev = self.add_weight(
                shape=shape, name="renorm_stddev", initializer=stddev, trainable=False,
                autocast=False,
            )
        self.input_spec = InputSpec(ndim=ndim, axes={self.axis: dim})
        self._canonical_axis = self.axis % ndim
        self._reduction_axes = tuple(i for i in range(ndim) if i != self._canonical_axis)
        self.built = True

    # -- call ---------------------------------------------------------------------------------
    def call(self, inputs, training=None, mask=None):
        if mask is not None and mask.dim() != inputs.dim() - 1:
            raise ValueError(
                "The mask provided should be one dimension less than the inputs. Received: "
                f"mask.shape={tuple(mask.shape)}, inputs.shape={tuple(inputs.shape)}"
            )
        input_dtype = inputs.dtype
        # Statistics overflow in half precision: compute in float32, as Keras does.
        if input_dtype in _HALF:
            inputs = inputs.float()
        if training and self.trainable:
            if mask is None and not self.renorm:
                outputs = self._train_fused(inputs)
            else:
                outputs = self._train_manual(inputs, mask)
        else:
            outputs = self._batch_norm(
                inputs, self.moving_mean, self.moving_variance, self.gamma, self.beta, False
            )
        compute_dtype = self._torch_compute_dtype
        if outputs.dtype != compute_dtype:
            outputs = outputs.to(compute_dtype)
        return outputs

    def _batch_norm(self, x, running_mean, running_var, weight, bias, training, momentum=0.0):
        """torch's fused batch norm along `self.axis`, on a view where the axis is channels."""
        axis = self._canonical_axis
        if axis == 1:
            return F.batch_norm(
                x, running_mean, running_var, weight, bias, training, momentum, self.epsilon
            )
        if axis == x.dim() - 1:
            # (..., channels) -> (rows, channels): a view of contiguous data, and torch's 2-D
            # kernel is as fast as its channels_last one.
            y = F.batch_norm(
                x.reshape(-1, x.shape[-1]), running_mean, running_var, weight, bias, training,
                momentum, self.epsilon,
            )
            return y.view(x.shape)
        y = F.batch_norm(
            x.movedim(axis, 1), running_mean, running_var, weight, bias, training, momentum,
            self.epsilon,
        )
        return y.movedim(1, axis)

    def _train_fused(self, x):
        channels = x.shape[self._canonical_axis]
        count = x.numel() // max(channels, 1)
        if count <= 1:
            return self._train_manual(x, None)
        # torch's kernel normalizes with the biased batch variance, like Keras, but keeps the
        # unbiased one in its running buffer. Fresh buffers with momentum 1 receive the exact
        # batch statistics from the same pass; the Keras moving averages follow from them.
        stats = torch.zeros(2, channels, device=x.device, dtype=x.dtype)
        outputs = self._batch_norm(x, stats[0], stats[1], self.gamma, self.beta, True, 1.0)
        # (Out of place: the buffers are saved for the backward pass.)
        self._update_moving(stats[0], stats[1] * ((count - 1) / count))
        return outputs

    def _update_moving(self, mean, variance):
        # `moving * momentum + batch * (1 - momentum)`, one fused op per statistic. The batch
        # statistics carry no gradient, so no autograd graph is recorded.
        weight = 1.0 - self.momentum
        self.moving_mean.lerp_(mean.to(self.moving_mean.dtype), weight)
        self.moving_variance.lerp_(variance.to(self.moving_variance.dtype), weight)

    def _moments(self, x, mask):
        axes = self._reduction_axes
        if mask is None:
            variance, mean = torch.var_mean(x, dim=axes, correction=0)
            return mean, variance
        # Masked entries count neither in the sums nor in the number of entries (Keras adds
        # `epsilon()` to that number).
        mask = mask.unsqueeze(-1).expand(x.shape).to(torch.bool)
        count = mask.to(x.dtype).sum(dim=axes, keepdim=True) + backend.epsilon()
        mean = torch.where(mask, x, 0.0).sum(dim=axes, keepdim=True) / count
        variance = torch.where(mask, x - mean, 0.0).square().sum(dim=axes, keepdim=True) / count
        return mean.reshape(-1), variance.reshape(-1)

    def _train_manual(self, x, mask):
        mean, variance = self._moments(x, mask)
        gamma, beta = self.gamma, self.beta
        if self.renorm:
            gamma, beta = self._renorm_transform(mean, variance, x.dtype)
        with torch.no_grad():
            if self.renorm:
                self._update_renorm_statistics(mean.detach(), variance.detach())
            else:
                self._update_moving(mean.detach(), variance.detach())
        shape = [1] * x.dim()
        shape[self._canonical_axis] = -1
        inv = torch.rsqrt(variance + self.epsilon)
        if gamma is not None:
            inv = inv * gamma
        offset = -mean * inv
        if beta is not None:
            offset = offset + beta
        return x * inv.view(shape) + offset.view(shape)

    # -- batch renormalization ----------------------------------------------------------------
    def _renorm_transform(self, mean, variance, dtype):
        """`(x * r + d) * gamma + beta` as an effective `gamma` and `beta`; r, d carry no
        gradient."""
        with torch.no_grad():
            stddev = torch.sqrt(variance + self.epsilon)
            renorm_stddev = torch.clamp(
                self.renorm_stddev.to(dtype), min=math.sqrt(self.epsilon)
            )
            r = stddev / renorm_stddev
            d = (mean - self.renorm_mean.to(dtype)) / renorm_stddev
            clipping = self.renorm_clipping
            if clipping.get("rmin") is not None:
                r = torch.clamp(r, min=clipping["rmin"])
            if clipping.get("rmax") is not None:
                r = torch.clamp(r, max=clipping["rmax"])
            if clipping.get("dmax") is not None:
                d = torch.clamp(d, -clipping["dmax"], clipping["dmax"])
        if self.gamma is not None:
            gamma, beta = r * self.gamma, d * self.gamma
        else:
            gamma, beta = r, d
        if self.beta is not None:
            beta = beta + self.beta
        return gamma, beta

    def _update_renorm_statistics(self, mean, variance):
        stddev = torch.sqrt(variance + self.epsilon)
        renorm_momentum = self.renorm_momentum
        self.renorm_mean.copy_(
            self.renorm_mean * renorm_momentum + mean * (1.0 - renorm_momentum)
        )
        self.renorm_stddev.copy_(
            self.renorm_stddev * renorm_momentum + stddev * (1.0 - renorm_momentum)
        )
        momentum = self.momentum
        self.moving_mean.copy_(self.moving_mean * momentum + mean * (1.0 - momentum))
        new_stddev = self.moving_stddev * momentum + stddev * (1.0 - momentum)
        self.moving_stddev.copy_(new_stddev)
        # ReLU guards against rounding making the variance negative.
        self.moving_variance.copy_(torch.relu(new_stddev * new_stddev - self.epsilon))

    # -- shapes and config --------------------------------------------------------------------
    def compute_output_shape(self, input_shape):
        if self.axis >= len(input_shape) or self.axis < -len(input_shape):
            raise ValueError(
                f"Axis {self.axis} is out of bounds for input shape {tuple(input_shape)}. "
                f"Received: axis={self.axis}"
            )
        return tuple(input_shape)

    def get_config(self):
        config = {
            "axis": self.axis,
            "momentum": self.momentum,
            "epsilon": self.epsilon,
            "center": self.center,
            "scale": self.scale,
            "beta_initializer": initializers.serialize(self.beta_initializer),
            "gamma_initializer": initializers.serialize(self.gamma_initializer),
            "moving_mean_initializer": initializers.serialize(self.moving_mean_initializer),
            "moving_variance_initializer": initializers.serialize(
                self.moving_variance_initializer
            ),
            "beta_regularizer": regularizers.serialize(self.beta_regularizer),
            "gamma_regularizer": regularizers.serialize(self.gamma_regularizer),
            "beta_constraint": constraints.serialize(self.beta_constraint),
            "gamma_constraint": constraints.serialize(self.gamma_constraint),
            "synchronized": self.synchronized,
            "renorm": self.renorm,
            "renorm_clipping": self.renorm_clipping,
            "renorm_momentum": self.renorm_momentum,
        }
        return {**super().get_config(), **config}
