"""`PolynomialDecay`: a polynomial ramp from the initial to the end learning rate."""

import torch

from torchkeras.optimizers.schedules import learning_rate_schedule


class PolynomialDecay(learning_rate_schedule.LearningRateSchedule):
    """A `LearningRateSchedule` that uses a polynomial decay schedule.

    It is commonly observed that a monotonically decreasing learning rate, whose degree of
    change is carefully chosen, results in a better performing model. This schedule applies a
    polynomial decay function to an optimizer step, given a provided `initial_learning_rate`, to
    reach an `end_learning_rate` in the given `decay_steps`:

    ```python
    def decayed_learning_rate(step):
        step = min(step, decay_steps)
        return ((initial_learning_rate - end_learning_rate) *
                (1 - step / decay_steps) ^ (power)
               ) + end_learning_rate
    ```

    If `cycle` is True then a multiple of `decay_steps` is used, the first one that is bigger
    than `step`:

    ```python
    def decayed_learning_rate(step):
        decay_steps = decay_steps * ceil(step / decay_steps)
        return ((initial_learning_rate - end_learning_rate) *
                (1 - step / decay_steps) ^ (power)
               ) + end_learning_rate
    ```

    Args:
        initial_learning_rate: A Python float. The initial learning rate.
        decay_steps: A Python integer. Must be positive. See the decay computation above.
        end_learning_rate: A Python float. The minimal end learning rate. Defaults to `0.0001`.
        power: A Python float. The power of the polynomial. Defaults to `1.0`.
        cycle: A boolean, whether it should cycle beyond decay_steps. Defaults to `False`.
        name: String. Optional name of the operation. Defaults to `"PolynomialDecay"`.

    Returns:
        A 1-arg callable learning rate schedule that takes the current optimizer step and outputs
        the decayed learning rate, a scalar tensor of the same type as `initial_learning_rate`.

    Example: decay from 0.1 to 0.01 in 10000 steps using sqrt (i.e. power=0.5):

    >>> learning_rate_fn = keras.optimizers.schedules.PolynomialDecay(
    ...     0.1, 10000, 0.01, power=0.5)
    >>> optimizer = keras.optimizers.SGD(learning_rate=learning_rate_fn)
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        end_learning_rate=0.0001,
        power=1.0,
        cycle=False,
        name="PolynomialDecay",
    ):
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.end_learning_rate = end_learning_rate
        self.power = power
        self.cycle = cycle
        self.name = name
        if self.decay_steps <= 0:
            raise ValueError(
                "Argument `decay_steps` must be > 0. "
                f"Received: decay_steps={self.decay_steps}"
            )

    def __call__(self, step):
        # Constants are rounded to floatx before any arithmetic, as Keras's casts do.
        step, cast = learning_rate_schedule._float_step(step)
        decay_steps = cast(self.decay_steps)
        if self.cycle:
            # The first multiple of decay_steps bigger than step (1 at step 0).
            multiplier = torch.where(step == 0, 1.0, torch.ceil(step / self.decay_steps))
            decay_steps = decay_steps * multiplier
        else:
            step = torch.clamp_max(step, float(decay_steps))
        p = step / decay_steps
        span = float(cast(self.initial_learning_rate) - cast(self.end_learning_rate))
        return span * torch.pow(1 - p, float(cast(self.power))) + float(
            cast(self.end_learning_rate)
        )

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "end_learning_rate": self.end_learning_rate,
            "power": self.power,
            "cycle": self.cycle,
            "name": self.name,
        }
