"""`CosineDecay`: a cosine curve from the initial learning rate, after an optional warmup."""

import math

import torch

from torchkeras.optimizers.schedules import learning_rate_schedule


class CosineDecay(learning_rate_schedule.LearningRateSchedule):
    """A `LearningRateSchedule` that uses a cosine decay with optional warmup.

    See [Loshchilov & Hutter, ICLR2016](https://arxiv.org/abs/1608.03983), SGDR: Stochastic
    Gradient Descent with Warm Restarts. For the idea of a linear warmup of our learning rate,
    see [Goyal et al.](https://arxiv.org/pdf/1706.02677.pdf).

    If `warmup_target` is set, this schedule first increases the learning rate linearly per
    optimizer step from `initial_learning_rate` to `warmup_target` for `warmup_steps` steps.
    Afterwards, it applies a cosine decay function taking the learning rate from
    `warmup_target` to `warmup_target * alpha` for a duration of `decay_steps`. If
    `warmup_target` is None the warmup is skipped and the decay takes the learning rate from
    `initial_learning_rate` to `initial_learning_rate * alpha`:

    ```python
    def warmup_learning_rate(step):
        completed_fraction = step / warmup_steps
        total_delta = warmup_target - initial_learning_rate
        return completed_fraction * total_delta + initial_learning_rate

    def decayed_learning_rate(step):
        step = min(step, decay_steps)
        cosine_decay = 0.5 * (1 + cos(pi * step / decay_steps))
        decayed = (1 - alpha) * cosine_decay + alpha
        return initial_decay_lr * decayed   # warmup_target, or initial_learning_rate
    ```

    Args:
        initial_learning_rate: A Python float. The initial learning rate.
        decay_steps: A Python int. Number of steps to decay over.
        alpha: A Python float. Minimum learning rate value for decay as a fraction of
            `warmup_target` or, if `warmup_target` is None, `initial_learning_rate`.
            Defaults to `0.0`.
        name: String. Optional name of the operation. Defaults to `"CosineDecay"`.
        warmup_target: A Python float. The target learning rate for our warmup phase. Setting
            to `None` will skip warmup and begins decay phase from `initial_learning_rate`.
            Otherwise scheduler will warmup from `initial_learning_rate` to `warmup_target`.
            Defaults to `None`.
        warmup_steps: A Python int. Number of steps to warmup over. Defaults to `0`.

    Returns:
        A 1-arg callable learning rate schedule that takes the current optimizer step and outputs
        the decayed learning rate, a scalar tensor of the same type as `initial_learning_rate`.

    Example with warmup:

    >>> lr_warmup_decayed_fn = keras.optimizers.schedules.CosineDecay(
    ...     0.0, 1000, warmup_target=0.1, warmup_steps=1000)
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        alpha=0.0,
        name="CosineDecay",
        warmup_target=None,
        warmup_steps=0,
    ):
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.alpha = alpha
        self.name = name
        self.warmup_steps = warmup_steps
        self.warmup_target = warmup_target
        if self.decay_steps <= 0:
            raise ValueError(
                "Argument `decay_steps` must be > 0. "
                f"Received: decay_steps={self.decay_steps}"
            )

    def _decay_function(self, step, decay_steps, decay_from_lr, cast):
        completed_fraction = step / decay_steps
        cosine_decayed = 0.5 * (1.0 + torch.cos(float(cast(math.pi)) * completed_fraction))
        decayed = (1 - self.alpha) * cosine_decayed + self.alpha
        return decay_from_lr * decayed

    def _warmup_function(self, step, warmup_steps, warmup_target, initial_learning_rate):
        completed_fraction = step / warmup_steps
        # Both are floatx scalars: the difference is computed in floatx, as in Keras.
        total_step_delta = float(warmup_target - initial_learning_rate)
        return total_step_delta * completed_fraction + float(initial_learning_rate)

    def __call__(self, step):
        step, cast = learning_rate_schedule._float_step(step)
        initial_learning_rate = cast(self.initial_learning_rate)
        decay_steps = cast(self.decay_steps)
        if self.warmup_target is None:
            step = torch.clamp_max(step, float(decay_steps))
            return self._decay_function(
                step, float(decay_steps), float(initial_learning_rate), cast
            )
        warmup_target = cast(self.warmup_target)
        warmup_steps = cast(self.warmup_steps)
        step = torch.clamp_max(step, float(decay_steps + warmup_steps))
        # Both branches on the device, then a select: no host sync for the condition.
        return torch.where(
            step < float(warmup_steps),
            self._warmup_function(step, float(warmup_steps), warmup_target,
                                  initial_learning_rate),
            self._decay_function(step - float(warmup_steps), float(decay_steps),
                                 float(warmup_target), cast),
        )

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "alpha": self.alpha,
            "name": self.name,
            "warmup_target": self.warmup_target,
            "warmup_steps": self.warmup_steps,
        }
