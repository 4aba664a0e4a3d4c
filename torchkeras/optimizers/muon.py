"""`Muon`: orthogonalized momentum for 2-D weights, Adam for everything else."""

import math
import re

import torch

from torchkeras.backend import optimizer_ops
from torchkeras.optimizers import base_optimizer


class Muon(base_optimizer.Optimizer):
    """Optimizer that implements the Muon algorithm.

    Note that this optimizer should not be used in the following layers:

    1. Embedding layer
    2. Final output fully connected layer
    3. Any {0,1}-D variables

    These should all be optimized using AdamW.

    The Muon optimizer can use both the Muon update step or the AdamW update step based on the
    following:

    - For any variable that isn't 2D, the AdamW step will be used. This is not configurable.
    - If the argument `exclude_embeddings` (defaults to `True`) is set to `True`, the AdamW step
      will be used for variables whose path contains "embedding".
    - For any variable with a path that matches an expression listed in the argument
      `exclude_layers` (a list), the AdamW step will be used.
    - Any other variable uses the Muon step:

    ```python
    m = momentum * m + g
    g = g + momentum * m if nesterov else m
    update = newton_schulz5(g)          # ~ U V^T of the SVD g = U S V^T
    w = w - learning_rate * update * sqrt(max(rows, cols)) * rms_rate
    ```

    Typically, you only need to pass the name of your densely-connected output layer to
    `exclude_layers`, e.g. `exclude_layers=["output_dense"]`. Weight decay is decoupled, with
    `weight_decay` for the Muon variables and `adam_weight_decay` for the others.

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        adam_beta_1: A float value. The exponential decay rate for the 1st moment estimates of
            the Adam steps. Defaults to `0.9`.
        adam_beta_2: A float value. The exponential decay rate for the 2nd moment estimates of
            the Adam steps. Defaults to `0.999`.
        adam_weight_decay: Float. If set, weight decay is applied when using the Adam
            optimizer. Defaults to `0.004`.
        epsilon: A small constant for numerical stability of the Adam steps ("epsilon hat").
            Defaults to `1e-7`.
        weight_decay: Float. The decoupled weight decay of the Muon variables.
            Defaults to `0.004`.
        exclude_layers: List of strings, keywords of layer names to exclude. All layers with
            keywords in their path will use adamw. Defaults to `None`.
        exclude_embeddings: Boolean value. If True, embedding layers will use adamw.
            Defaults to `True`.
        muon_a: Float, parameter a of the muon algorithm. It is recommended to use the default
            value. Defaults to `3.4445`.
        muon_b: Float, parameter b of the muon algorithm. Defaults to `-4.7750`.
        muon_c: Float, parameter c of the muon algorithm. Defaults to `2.0315`.
        adam_lr_ratio: Float, the ratio of the learning rate when using Adam to the main
            learning rate. Defaults to `1`.
        momentum: Float, momentum used by internal SGD. Defaults to `0.95`.
        ns_steps: Integer, number of Newton-Schulz iterations to run. Defaults to `5`.
        nesterov: Boolean, whether to use Nesterov-style momentum. Defaults to `True`.
        rms_rate: Float. A parameter from https://arxiv.org/abs/2502.16982 that can enhance the
            stability of Muon, allowing it to use the same learning rate and weight decay as
            Adam. Set to `None` to disable this feature. Defaults to `0.2`.
        **kwargs: The other arguments of `keras.optimizers.Optimizer` (`clipnorm`, `clipvalue`,
            `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    References:
        - [Original implementation](https://github.com/KellerJordan/Muon)
        - [Liu et al, 2025](https://arxiv.org/abs/2502.16982)

    Example:

    >>> opt = keras.optimizers.Muon(learning_rate=0.02, exclude_layers=["output_dense"])
    """

    def __init__(
        self,
        learning_rate=0.001,
        adam_beta_1=0.9,
        adam_beta_2=0.999,
        adam_weight_decay=0.004,
        epsilon=1e-7,
        weight_decay=0.004,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        exclude_layers=None,
        exclude_embeddings=True,
        muon_a=3.4445,
        muon_b=-4.7750,
        muon_c=2.0315,
        adam_lr_ratio=1,
        momentum=0.95,
        ns_steps=5,
        nesterov=True,
        rms_rate=0.2,
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
        self.adam_beta_1 = adam_beta_1
        self.adam_beta_2 = adam_beta_2
        self.epsilon = epsilon
        self.muon_a = muon_a
        self.muon_b = muon_b
        self.muon_c = muon_c
        self.adam_lr_ratio = adam_lr_ratio
        self.momentum = momentum
        self.ns_steps = ns_steps
        self.nesterov = nesterov
        self.exclude_embeddings = exclude_embeddings
        self.exclude_layers = exclude_layers or []
        self.adam_weight_decay = adam_weight_decay
        self.rms_rate = rms_rate
        self._adam_split = {}

    def _should_use_adamw(self, variable):
        # {0,1}-D (and >2-D) variables all go to Adam.
        if variable.dim() != 2:
            return True
        path = getattr(variable, "path", None) or self._reference_name(variable)
        if self.exclude_embeddings and "embedding" in path.lower():
            return True
        return any(re.search(keyword, path) for keyword in self.exclude_layers)

    def build(self, var_list):
        """Create a `momentum` slot per variable and a `velocity` slot per Adam variable
        (interleaved, in Keras's order)."""
        if self.built:
            return
        var_list = list(var_list)
        super().build(var_list)
        self.momentums = [None] * len(var_list)
        self.adam_velocities = [None] * len(var_list)
        for var in var_list:
            index = self._get_variable_index(var)
            self.momentums[index] = self.add_variable_from_reference(var, "momentum")
            if self._should_use_adamw(var):
                self.adam_velocities[index] = self.add_variable_from_reference(var, "velocity")
        self._adam_split = {}

    def _split(self, variables):
        """For a list of variables: the positions of the Adam ones with their variables and
        slots, and the positions of the Muon ones. Cached for the optimizer's own lists (the
        trainer passes the same one every step)."""
        split = self._adam_split.get(id(variables))
        if split is None or split[0] is not variables:
            adam, muon = [], []
            for position, variable in enumerate(variables):
                is_adam = self.adam_velocities[self._get_variable_index(variable)] is not None
                (adam if is_adam else muon).append(position)
            adam_variables = [variables[i] for i in adam]
            indices = [self._get_variable_index(v) for v in adam_variables]
            split = (
                variables,
                adam,
                adam_variables,
                [self.momentums[i] for i in indices],
                [self.adam_velocities[i] for i in indices],
                muon,
            )
            if id(variables) in self._spans:  # only the optimizer's own (lasting) lists
                self._adam_split[id(variables)] = split
        return split[1:]

    # -- weight decay: `weight_decay` for Muon variables, `adam_weight_decay` for the others --
    def _apply_weight_decay(self, variables, weight_decay, learning_rate):
        for variable in variables:
            if not self._use_weight_decay(variable):
                continue
            if self._should_use_adamw(variable):
                value = self.adam_weight_decay
            else:
                value = weight_decay
            if value is None:
                continue
            wd = base_optimizer._cast(value, variable)
            lr = base_optimizer._cast(learning_rate, variable)
            variable.sub_(variable * wd * lr)

    # -- update ----------------------------------------------------------------------------
    def update_step(self, gradient, variable, learning_rate):
        """Update step given gradient and the associated model variable."""
        index = self._get_variable_index(variable)
        m = self.momentums[index]
        v = self.adam_velocities[index]
        # The presence of the velocity tells that this variable is for Adam.
        if v is not None:
            self._adamw_update_step(
                gradient, variable, learning_rate * self.adam_lr_ratio, m, v
            )
        else:
            self._muon_update_step(gradient, variable, learning_rate, m)

    def _muon_update_step(self, gradient, variable, lr, m):
        self.assign_add(m, gradient + m * (self.momentum - 1))
        if self.nesterov:
            g = gradient + self.momentum * m
        else:
            g = m
        update = self.zeropower_via_newtonschulz5(g, self.ns_steps)
        self.assign_sub(variable, self.lr_adjust(lr * update))

    def _adamw_update_step(self, gradient, variable, learning_rate, m, v):
        lr = base_optimizer._cast(learning_rate, variable)
        gradient = gradient.to(variable.dtype)
        local_step = (self.iterations + 1).to(variable.dtype)
        beta_1_power = torch.pow(base_optimizer._cast(self.adam_beta_1, variable), local_step)
        beta_2_power = torch.pow(base_optimizer._cast(self.adam_beta_2, variable), local_step)
        alpha = lr * torch.sqrt(1 - beta_2_power) / (1 - beta_1_power)
        self.assign_add(m, (gradient - m) * (1 - self.adam_beta_1))
        self.assign_add(v, (gradient * gradient - v) * (1 - self.adam_beta_2))
        self.assign_sub(variable, (m * alpha) / (torch.sqrt(v) + self.epsilon))

    def _parallel_update_step(self, grads, variables, learning_rate):
        adam, adam_variables, adam_momentums, adam_velocities, muon = self._split(variables)
        if adam:
            optimizer_ops.adam_step_(
                adam_variables,
                [grads[i] for i in adam],
                adam_momentums,
                adam_velocities,
                None,
                learning_rate * self.adam_lr_ratio,
                self.adam_beta_1,
                self.adam_beta_2,
                self.epsilon,
                (self.iterations + 1).to(variables[0].dtype),
                self._host_step(),
            )
        # Newton-Schulz works on one matrix at a time.
        for i in muon:
            variable = variables[i]
            m = self.momentums[self._get_variable_index(variable)]
            self._muon_update_step(grads[i], variable, learning_rate, m)

    @staticmethod
    def transpose_last_axis(x):
        """Swap the last two axes of `x`."""
        return torch.transpose(x, -2, -1)

    def lr_adjust(self, x):
        """Scale an update by `sqrt(max(rows, cols)) * rms_rate` (the Moonlight
        implementation), so that Muon can use Adam's learning rate and weight decay. See
        https://arxiv.org/abs/2502.16982."""
        if self.rms_rate is None:
            return x
        return x * math.sqrt(max(x.shape[0], x.shape[1])) * self.rms_rate

    def zeropower_via_newtonschulz5(self, x, steps):
        """Approximate `U V^T` of the SVD of `x` with `steps` quintic Newton-Schulz iterations.

        The quintic maximizes the slope at zero, so few steps suffice even though the iteration
        does not fully converge: the result is closer to `U S' V^T` with `S'` near identity,
        which trains as well as the exact `U V^T`.
        """
        shape = tuple(x.shape)
        if len(shape) < 2:
            raise ValueError(
                "Expected gradient or momentum to have at least 2 dimensions. "
                f"Received: shape={shape}"
            )
        a, b, c = self.muon_a, self.muon_b, self.muon_c
        transposed = shape[-2] > shape[-1]
        if transposed:
            x = self.transpose_last_axis(x)
        # Ensure spectral norm is at most 1.
        x = x / (torch.linalg.vector_norm(x, dim=(-2, -1), keepdim=True) + 1e-7)
        for _ in range(steps):
            temp_a = x @ self.transpose_last_axis(x)
            temp_b = b * temp_a + (c * temp_a) @ temp_a
            x = a * x + temp_b @ x
        if transposed:
            x = self.transpose_last_axis(x)
        return x

    def get_config(self):
        config = super().get_config()
        config.update(
            {
                "adam_beta_1": self.adam_beta_1,
                "adam_beta_2": self.adam_beta_2,
                "epsilon": self.epsilon,
                "exclude_layers": self.exclude_layers,
                "muon_a": self.muon_a,
                "muon_b": self.muon_b,
                "muon_c": self.muon_c,
                "adam_lr_ratio": self.adam_lr_ratio,
                "momentum": self.momentum,
                "ns_steps": self.ns_steps,
                "nesterov": self.nesterov,
                "exclude_embeddings": self.exclude_embeddings,
                "adam_weight_decay": self.adam_weight_decay,
                "rms_rate": self.rms_rate,
            }
        )
        return config
