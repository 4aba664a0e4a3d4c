"""`Adafactor`: Adam-like steps from a factored (row and column) second moment."""

import torch

from torchkeras.backend.variable import Variable
from torchkeras.optimizers import base_optimizer


class Adafactor(base_optimizer.Optimizer):
    """Optimizer that implements the Adafactor algorithm.

    Adafactor is commonly used in NLP tasks, and has the advantage of taking less memory because
    it only saves partial information of previous gradients.

    The default argument setup is based on the original paper (see reference). When gradients
    are of dimension > 2, Adafactor optimizer will delete the last 2 dimensions separately in its
    accumulator variables. At step `t`, for a variable of 2 or more dimensions:

    ```python
    rho = min(learning_rate, 1 / sqrt(t))
    alpha = max(epsilon_2, rms(w)) * rho
    g2 = g ** 2 + epsilon_1
    beta_2 = 1 - t ** beta_2_decay
    r = beta_2 * r + (1 - beta_2) * mean(g2, axis=-1)
    c = beta_2 * c + (1 - beta_2) * mean(g2, axis=-2)
    v = outer(r / mean(r, axis=-1), c)        # over the last two axes
    u = g / sqrt(v)
    w = w - alpha * u / max(1, rms(u) / clip_threshold)
    ```

    Variables of fewer dimensions keep a full `v = beta_2 * v + (1 - beta_2) * g2` instead (and
    two placeholder scalars where `r` and `c` would be, as in Keras). The update works variable
    by variable: the factored shapes leave little for multi-tensor kernels to share.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        beta_2_decay: float. The decay rate of `beta_2`. Defaults to `-0.8`.
        epsilon_1: float. A small offset to keep denominator away from 0. Defaults to `1e-30`.
        epsilon_2: float. A small offset to avoid learning rate becoming too small by time.
            Defaults to `1e-3`.
        clip_threshold: float. Clipping threshold. This is a part of Adafactor algorithm,
            independent from `clipnorm`, `clipvalue`, and `global_clipnorm`. Defaults to `1.0`.
        relative_step: bool. If `learning_rate` is a constant and `relative_step=True`, learning
            rate will be adjusted based on current iterations. This is a default learning rate
            decay in Adafactor. Defaults to `True`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Reference:
        - [Shazeer, Noam et al., 2018](https://arxiv.org/abs/1804.04235).

    Example:

    >>> opt = keras.optimizers.Adafactor(learning_rate=0.01)
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_2_decay=-0.8,
        epsilon_1=1e-30,
        epsilon_2=1e-3,
        clip_threshold=1.0,
        relative_step=True,
        weight_decay=None,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            learning_rate=learning_rate,
            name=name,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            **kwargs,
        )
        self.beta_2_decay = beta_2_decay
        self.epsilon_1 = epsilon_1
        self.epsilon_2 = epsilon_2
        self.clip_threshold = clip_threshold
        self.relative_step = relative_step

    def build(self, var_list):
        """Per variable, in Keras's order: the row and column accumulators `r` and `c` (both
        named after the variable; int32 placeholder scalars below 2 dimensions), then the
        `velocity` slot."""
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        self._r, self._c, self._v = [], [], []
        for var in var_list:
            name = getattr(var, "name", None) or self._reference_name(var)
            if var.dim() < 2:
                for accumulators in (self._r, self._c):
                    placeholder = Variable(
                        torch.zeros((), dtype=torch.int32), dtype="int32", trainable=False,
                        name=name, device=var.device,
                    )
                    placeholder._path = f"{self.name}/{name}"
                    self._variables.append(placeholder)
                    accumulators.append(placeholder)
            else:
                # Always factor the last 2 dimensions.
                r_shape = tuple(var.shape[:-1])
                c_shape = tuple(var.shape[:-2]) + (var.shape[-1],)
                self._r.append(self._create_variable(r_shape, "zeros", var.dtype, name,
                                                     var.device))
                self._c.append(self._create_variable(c_shape, "zeros", var.dtype, name,
                                                     var.device))
            self._v.append(self.add_variable_from_reference(var, "velocity"))

    @staticmethod
    def _rms(x):
        return torch.sqrt(torch.mean(x * x))

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        epsilon_2 = base_optimizer._cast(self.epsilon_2, variable)
        one = base_optimizer._cast(1.0, variable)
        local_step = (self.iterations + 1).to(variable.dtype)
        # A constant rate (not a schedule or callable) decays as 1 / sqrt(t), as in Keras.
        if not callable(self._learning_rate) and self.relative_step:
            lr = torch.minimum(lr, 1 / torch.sqrt(local_step))
        index = self._get_variable_index(variable)
        r = self._r[index]
        c = self._c[index]
        v = self._v[index]

        rho_t = torch.minimum(lr, 1 / torch.sqrt(local_step))
        alpha_t = torch.maximum(epsilon_2, self._rms(variable)) * rho_t
        regulated_grad_square = gradient * gradient + self.epsilon_1
        beta_2_t = 1 - torch.pow(local_step, self.beta_2_decay)

        if variable.dim() >= 2:
            # `r` drops the last dimension of the gradient, `c` the second to last.
            self.assign(r, beta_2_t * r + (1 - beta_2_t) * torch.mean(regulated_grad_square, -1))
            self.assign(c, beta_2_t * c + (1 - beta_2_t) * torch.mean(regulated_grad_square, -2))
            self.assign(
                v,
                torch.unsqueeze(r / torch.mean(r, dim=-1, keepdim=True), -1)
                * torch.unsqueeze(c, -2),
            )
        else:
            self.assign(v, beta_2_t * v + (1 - beta_2_t) * regulated_grad_square)

        u_t = gradient / torch.sqrt(v)
        u_t_hat = u_t / torch.maximum(one, self._rms(u_t) / self.clip_threshold)
        self.assign_sub(variable, alpha_t * u_t_hat)

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "beta_2_decay": self.beta_2_decay,
                "epsilon_1": self.epsilon_1,
                "epsilon_2": self.epsilon_2,
                "clip_threshold": self.clip_threshold,
                "relative_step": self.relative_step,
            }
        )
        return config
