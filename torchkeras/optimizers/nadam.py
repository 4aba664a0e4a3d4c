"""`Nadam`: Adam with Nesterov momentum and Keras's momentum schedule."""

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.backend.variable import Variable
from torchkeras.optimizers import base_optimizer


class Nadam(base_optimizer.Optimizer):
    """Optimizer that implements the Nadam algorithm.

    Much like Adam is essentially RMSprop with momentum, Nadam is Adam with Nesterov momentum.
    The momentum follows a schedule, `u_t = beta_1 * (1 - 0.5 * 0.96 ** t)`, whose running
    product `prod_t = u_1 * ... * u_t` the optimizer keeps in one extra variable:

    ```python
    m = m + (g - m) * (1 - beta_1)
    v = v + (g ** 2 - v) * (1 - beta_2)
    m_hat = u_{t+1} * m / (1 - prod_{t+1}) + (1 - u_t) * g / (1 - prod_t)
    w = w - learning_rate * m_hat / (sqrt(v / (1 - beta_2 ** t)) + epsilon)
    ```

    `torch.optim.NAdam(lr=1e-3, eps=1e-7, momentum_decay=1.0)` follows the same schedule, but
    adds `epsilon` to the bias-corrected `sqrt(v)` and has other defaults.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        beta_1: A float value. The exponential decay rate for the 1st moment estimates.
            Defaults to `0.9`.
        beta_2: A float value. The exponential decay rate for the 2nd moment estimates.
            Defaults to `0.999`.
        epsilon: A small constant for numerical stability. This epsilon is "epsilon hat" in the
            Kingma and Ba paper (in the formula just before Section 2.1), not the epsilon in
            Algorithm 1 of the paper. Defaults to `1e-7`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`weight_decay`, `clipnorm`,
            `clipvalue`, `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Reference:
        - [Dozat, 2015](http://cs229.stanford.edu/proj2015/054_report.pdf).

    Example:

    >>> opt = keras.optimizers.Nadam(learning_rate=2e-3)
    """

    def __init__(
        self,
        learning_rate=0.001,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
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
        self.beta_1 = beta_1
        self.beta_2 = beta_2
        self.epsilon = epsilon

    def build(self, var_list):
        """Create the `momentum` and `velocity` slots, then the momentum-schedule product
        (Keras's unnamed `variable`, last in `optimizer.variables`)."""
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        self._momentums, self._velocities = self.add_optimizer_variables(
            var_list, ["momentum", "velocity"]
        )
        reference = var_list[0] if var_list else None
        self._u_product = Variable(
            torch.ones(()),
            dtype=reference.dtype if reference is not None else None,
            trainable=False,
            name="variable",
            device=reference.device if reference is not None else None,
        )
        self._u_product._path = f"{self.name}/variable"
        self._variables.append(self._u_product)

    def _backend_update_step(self, grads, trainable_variables, learning_rate):
        # Once per update (not per variable): prod_t = prod_{t-1} * u_t.
        u_product = self._u_product
        local_step = (self.iterations + 1).to(u_product.dtype)
        with torch.no_grad():
            u_product.copy_(u_product * self.beta_1 * (1.0 - 0.5 * torch.pow(0.96, local_step)))
        super()._backend_update_step(grads, trainable_variables, learning_rate)

    def _schedule(self, variable):
        """The step's scalars, in `variable`'s dtype, computed as Keras does."""
        local_step = (self.iterations + 1).to(variable.dtype)
        next_step = (self.iterations + 2).to(variable.dtype)
        decay = base_optimizer._cast(0.96, variable)
        beta_1 = base_optimizer._cast(self.beta_1, variable)
        beta_2 = base_optimizer._cast(self.beta_2, variable)
        u_t = beta_1 * (1.0 - 0.5 * torch.pow(decay, local_step))
        u_t_1 = beta_1 * (1.0 - 0.5 * torch.pow(decay, next_step))
        u_product_t = self._u_product.to(variable.dtype)
        u_product_t_1 = u_product_t * u_t_1
        beta_2_power = torch.pow(beta_2, local_step)
        return beta_1, beta_2, u_t, u_t_1, u_product_t, u_product_t_1, beta_2_power

    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        beta_1, beta_2, u_t, u_t_1, u_product_t, u_product_t_1, beta_2_power = self._schedule(
            variable
        )
        index = self._get_variable_index(variable)
        m = self._momentums[index]
        v = self._velocities[index]
        self.assign_add(m, (gradient - m) * (1 - beta_1))
        self.assign_add(v, (gradient * gradient - v) * (1 - beta_2))
        m_hat = (u_t_1 * m) / (1 - u_product_t_1) + ((1 - u_t) * gradient) / (1 - u_product_t)
        v_hat = v / (1 - beta_2_power)
        self.assign_sub(variable, (m_hat * lr) / (torch.sqrt(v_hat) + self.epsilon))

    def _parallel_update_step(self, grads, variables, learning_rate):
        _, _, u_t, u_t_1, u_product_t, u_product_t_1, beta_2_power = self._schedule(variables[0])
        optimizer_ops.nadam_step_(
            variables,
            grads,
            self._gather(self._momentums, variables),
            self._gather(self._velocities, variables),
            learning_rate,
            # Keras computes `1 - beta` from the betas cast to the variables' dtype.
            1 - base_optimizer._round(self.beta_1, variables[0]),
            1 - base_optimizer._round(self.beta_2, variables[0]),
            self.epsilon,
            (u_t_1, 1 - u_product_t_1),
            (1 - u_t, 1 - u_product_t),
            1 - beta_2_power,
        )

    def get_config(self):
        config = super().get_config()
        config.update({"beta_1": self.beta_1, "beta_2": self.beta_2, "epsilon": self.epsilon})
        return config
