"""`PiecewiseConstantDecay`: constant learning rates between step boundaries."""

import torch

from torchkeras import backend
from torchkeras.optimizers.schedules import learning_rate_schedule


class PiecewiseConstantDecay(learning_rate_schedule.LearningRateSchedule):
    """A `LearningRateSchedule` that uses a piecewise constant decay schedule.

    The function returns a 1-arg callable to compute the piecewise constant when passed the
    current optimizer step. This can be useful for changing the learning rate value across
    different invocations of optimizer functions.

    The output is `values[0]` when `step <= boundaries[0]`, `values[1]` when
    `step > boundaries[0]` and `step <= boundaries[1]`, ..., and `values[-1]` when
    `step > boundaries[-1]`.

    Args:
        boundaries: A list of Python numbers with strictly increasing entries, and with all
            elements having the same type as the optimizer step.
        values: A list of Python numbers that specifies the values for the intervals defined by
            `boundaries`. It should have one more element than `boundaries`, and all elements
            should have the same type.
        name: A string. Optional name of the operation. Defaults to `"PiecewiseConstant"`.

    Returns:
        A 1-arg callable learning rate schedule that takes the current optimizer step and outputs
        the decayed learning rate, a scalar tensor of the same type as the values.

    Example: use a learning rate that's 1.0 for the first 100001 steps, 0.5 for the next 10000
    steps, and 0.1 for any additional steps.

    >>> learning_rate_fn = keras.optimizers.schedules.PiecewiseConstantDecay(
    ...     [100000, 110000], [1.0, 0.5, 0.1])
    >>> optimizer = keras.optimizers.SGD(learning_rate=learning_rate_fn)
    """

    def __init__(self, boundaries, values, name="PiecewiseConstant"):
        super().__init__()
        if len(boundaries) != len(values) - 1:
            raise ValueError(
                "The length of boundaries should be 1 less than the length of values. "
                f"Received: boundaries={boundaries} of length {len(boundaries)}, and "
                f"values={values} of length {len(values)}."
            )
        self.boundaries = boundaries
        self.values = values
        self.name = name
        self._tables = {}

    def _table(self, step):
        """The boundaries (in the step's dtype) and values as tensors on the step's device,
        made once per device and dtype rather than copied to the device every step."""
        key = (step.device, step.dtype)
        table = self._tables.get(key)
        if table is None:
            # The values take the type of the first one: floatx for floats, as Keras.
            first = backend.convert_to_tensor(self.values[0])
            boundaries = torch.as_tensor(self.boundaries).to(step.dtype)
            table = (
                boundaries.to(step.device),
                torch.as_tensor(self.values, dtype=first.dtype, device=step.device),
            )
            self._tables[key] = table
        return table

    def __call__(self, step):
        step = learning_rate_schedule._as_step(step)
        boundaries, values = self._table(step)
        # Index `i` such that boundaries[i - 1] < step <= boundaries[i].
        return values[torch.bucketize(step, boundaries, right=False)]

    def get_config(self):
        return {"boundaries": self.boundaries, "values": self.values, "name": self.name}
