"""`CosineDecayRestarts`: cosine decay with warm restarts (SGDR)."""

import math

import torch

from torchkeras.optimizers.schedules import learning_rate_schedule


class CosineDecayRestarts(learning_rate_schedule.LearningRateSchedule):
    """A `LearningRateSchedule` that uses a cosine decay schedule with restarts.

    See [Loshchilov & Hutter, ICLR2016](https://arxiv.org/abs/1608.03983), SGDR: Stochastic
    Gradient Descent with Warm Restarts.

    The learning rate multiplier first decays from 1 to `alpha` for `first_decay_steps` steps.
    Then, a warm restart is performed. Each new warm restart runs for `t_mul` times more steps
    and with `m_mul` times initial learning rate as the new learning rate.

    Args:
        initial_learning_rate: A Python float. The initial learning rate.
        first_decay_steps: A Python integer. Number of steps to decay over.
        t_mul: A Python float. Used to derive the number of iterations in the i-th period.
            Defaults to `2.0`.
        m_mul: A Python float. Used to derive the initial learning rate of the i-th period.
            Defaults to `1.0`.
        alpha: A Python float. Minimum learning rate value as a fraction of the
            `initial_learning_rate`. Defaults to `0.0`.
        name: String. Optional name of the operation. Defaults to `"SGDRDecay"`.

    Returns:
        A 1-arg callable learning rate schedule that takes the current optimizer step and outputs
        the decayed learning rate, a scalar tensor of the same type as `initial_learning_rate`.

    Example:

    >>> lr_decayed_fn = keras.optimizers.schedules.CosineDecayRestarts(0.1, 1000)
    """

    def __init__(
        self,
        initial_learning_rate,
        first_decay_steps,
        t_mul=2.0,
        m_mul=1.0,
        alpha=0.0,
        name="SGDRDecay",
    ):
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.first_decay_steps = first_decay_steps
        self._t_mul = t_mul
        self._m_mul = m_mul
        self.alpha = alpha
        self.name = name
        if self.first_decay_steps <= 0:
            raise ValueError(
                "Argument `first_decay_steps` must be > 0. "
                f"Received: first_decay_steps={self.first_decay_steps}"
            )

    def __call__(self, step):
        step, cast = learning_rate_schedule._float_step(step)
        # Constants in floatx, their arithmetic too (`cast(1) - t_mul`), as Keras's casts do.
        one = cast(1.0)
        alpha = cast(self.alpha)
        t_mul = cast(self._t_mul)
        completed_fraction = step / float(cast(self.first_decay_steps))
        # Keras decides on `t_mul` after casting it, hence the comparison in floatx.
        if t_mul == one:
            i_restart = torch.floor(completed_fraction)
            completed_fraction = completed_fraction - i_restart
        else:
            # The period the step is in, period i lasting t_mul ** i first periods. The ratio
            # of logs is taken in float64: on a period boundary it must come out as an exact
            # integer (as TensorFlow's float32 logs give), which float32 logs can miss.
            argument = (1.0 - completed_fraction * float(one - t_mul)).double()
            i_restart = torch.floor(torch.log(argument) / math.log(float(t_mul))).to(step.dtype)
            sum_r = (1.0 - torch.pow(float(t_mul), i_restart)) / float(one - t_mul)
            completed_fraction = (completed_fraction - sum_r) / torch.pow(float(t_mul), i_restart)
        m_fac = torch.pow(float(cast(self._m_mul)), i_restart)
        cosine_decayed = 0.5 * m_fac * (1.0 + torch.cos(float(cast(math.pi)) * completed_fraction))
        decayed = float(one - alpha) * cosine_decayed + float(alpha)
        return float(cast(self.initial_learning_rate)) * decayed

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "first_decay_steps": self.first_decay_steps,
            "t_mul": self._t_mul,
            "m_mul": self._m_mul,
            "alpha": self.alpha,
            "name": self.name,
        }
