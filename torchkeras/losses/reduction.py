"""`Reduction` (tf.keras 2's `losses.Reduction`): the names of the loss reductions."""


class Reduction:
    """Types of loss reduction, as tf.keras 2 named them.

    Each constant is the string a loss's `reduction=` argument takes:

    * `AUTO` (`"auto"`): `SUM_OVER_BATCH_SIZE` (there are no distribution strategies to ask).
    * `NONE` (`"none"`): no reduction; the loss has the shape of the per-sample losses.
    * `SUM` (`"sum"`): the sum of the weighted losses.
    * `SUM_OVER_BATCH_SIZE` (`"sum_over_batch_size"`): that sum divided by the number of
      elements.

    Example:

    >>> keras.losses.MeanSquaredError(reduction=keras.losses.Reduction.SUM)
    """

    AUTO = "auto"
    NONE = "none"
    SUM = "sum"
    SUM_OVER_BATCH_SIZE = "sum_over_batch_size"

    @classmethod
    def all(cls):
        return (cls.AUTO, cls.NONE, cls.SUM, cls.SUM_OVER_BATCH_SIZE)

    @classmethod
    def validate(cls, key):
        if key not in cls.all():
            raise ValueError(f'Invalid Reduction Key: {key}. Expected keys are "{cls.all()}"')
