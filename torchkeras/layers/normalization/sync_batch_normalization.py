"""SyncBatchNormalization (tf.keras 2): BatchNormalization with `synchronized=True`."""

from torchkeras.layers.normalization.batch_normalization import BatchNormalization


class SyncBatchNormalization(BatchNormalization):
    """Normalize and scale inputs or activations synchronously across replicas.

    tf.keras 2's name for `keras.layers.BatchNormalization(synchronized=True)`: in training the
    batch statistics would be those of the global batch across replicas. In one process (the
    case torchkeras runs here) that is the local batch, so the layer computes exactly what
    `BatchNormalization` computes; see `BatchNormalization` for the arguments.

    Example:

    >>> layer = keras.layers.experimental.SyncBatchNormalization()
    """

    def __init__(self, axis=-1, momentum=0.99, epsilon=1e-3, center=True, scale=True,
                 beta_initializer="zeros", gamma_initializer="ones",
                 moving_mean_initializer="zeros", moving_variance_initializer="ones",
                 beta_regularizer=None, gamma_regularizer=None, beta_constraint=None,
                 gamma_constraint=None, **kwargs):
        kwargs.pop("synchronized", None)
        if isinstance(axis, (list, tuple)) and len(axis) == 1:
            axis = axis[0]  # tf.keras 2 configs store the axis as a one-item list
        super().__init__(
            axis=axis, momentum=momentum, epsilon=epsilon, center=center, scale=scale,
            beta_initializer=beta_initializer, gamma_initializer=gamma_initializer,
            moving_mean_initializer=moving_mean_initializer,
            moving_variance_initializer=moving_variance_initializer,
            beta_regularizer=beta_regularizer, gamma_regularizer=gamma_regularizer,
            beta_constraint=beta_constraint, gamma_constraint=gamma_constraint,
            synchronized=True, **kwargs,
        )

    def get_config(self):
        config = super().get_config()
        config.pop("synchronized", None)
        return config
