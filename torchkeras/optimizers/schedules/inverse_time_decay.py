"""`InverseTimeDecay`: a learning rate proportional to `1 / (1 + decay_rate * t)`."""

import torch

from torchkeras.optimizers.schedules import learning_rate_schedule


class InverseTimeDecay(learning_rate_schedule.LearningRateSchedule):
    """A `LearningRateSchedule` that uses an inverse time decay schedule.

    When training a model, it is often useful to lower the learning rate as the training
    progresses. This schedule applies the inverse decay function to an optimizer step, given a
    provided initial learning rate:

    ```python
    def decayed_learning_rate(step):
        return initial_learning_rate / (1 + decay_rate * step / decay_step)
    ```

    or, if `staircase` is `True`, as:

    ```python
    def decayed_learning_rate(step):
        return initial_learning_rate / (1 + decay_rate * floor(step / decay_step))
    ```

    Args:
        initial_learning_rate: A Python float. The initial learning rate.
        decay_steps: How often to apply decay.
        decay_rate: A Python number. The decay rate.
        staircase: Whether to apply decay in a discrete staircase, as opposed to continuous,
            fashion. Defaults to `False`.
        name: String. Optional name of the operation. Defaults to `"InverseTimeDecay"`.

    Returns:
        A 1-arg callable learning rate schedule that takes the current optimizer step and outputs
        the decayed learning rate, a scalar tensor of the same type as `initial_learning_rate`.

    Example: decay 1/t with a rate of 0.5:

    >>> learning_rate_fn = keras.optimizers.schedules.InverseTimeDecay(0.1, 1.0, 0.5)
    >>> optimizer = keras.optimizers.SGD(learning_rate=learning_rate_fn)
    """

    def __init__(
        self,
        initial_learning_rate,
        decay_steps,
        decay_rate,
        staircase=False,
        name="InverseTimeDecay",
    ):
        super().__init__()
        self.initial_learning_rate = initial_learning_rate
        self.decay_steps = decay_steps
        self.decay_rate = decay_rate
        self.staircase = staircase
        self.name = name
        if self.decay_steps <= 0:
            raise ValueError(
                "Argument `decay_steps` must be > 0. "
                f"Received: decay_steps={self.decay_steps}"
            )

    def __call__(self, step):
        step, cast = learning_rate_schedule._float_step(step)
        p = step / float(cast(self.decay_steps))
        if self.staircase:
            p = torch.floor(p)
        denominator = 1.0 + float(cast(self.decay_rate)) * p
        return float(cast(self.initial_learning_rate)) / denominator

    def get_config(self):
        return {
            "initial_learning_rate": self.initial_learning_rate,
            "decay_steps": self.decay_steps,
            "decay_rate": self.decay_rate,
            "staircase": self.staircase,
            "name": self.name,
        }
