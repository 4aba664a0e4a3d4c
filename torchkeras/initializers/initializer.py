"""`Initializer`: the base class of weight initializers."""


class Initializer:
    """Initializer base class: all Keras initializers inherit from this class.

    An initializer is called with a shape and an optional dtype and returns a tensor of that
    shape and dtype (`keras.config.floatx()` by default), on `keras.config.get_device()`:

    ```python
    def __call__(self, shape, dtype=None):
        # returns a tensor of shape `shape` and dtype `dtype`
    ```

    Implement `get_config()` (and `from_config()` if the config keys are not the constructor
    arguments) to support serialization.

    Example:

    ```python
    class ExampleRandomNormal(keras.initializers.Initializer):
        def __init__(self, mean, stddev):
            self.mean = mean
            self.stddev = stddev

        def __call__(self, shape, dtype=None):
            return keras.random.normal(
                shape, mean=self.mean, stddev=self.stddev, dtype=dtype
            )

        def get_config(self):
            return {"mean": self.mean, "stddev": self.stddev}
    ```
    """

    def __call__(self, shape, dtype=None):
        """Return a tensor initialized as specified by the initializer.

        Args:
            shape: Shape of the tensor.
            dtype: Optional dtype of the tensor. Defaults to `keras.config.floatx()`.
        """
        raise NotImplementedError(
            "Initializer subclasses must implement the `__call__()` method."
        )

    def get_config(self):
        """Return the initializer's configuration as a JSON-serializable dict."""
        return {}

    @classmethod
    def from_config(cls, config):
        """Instantiate an initializer from a configuration dictionary.

        Args:
            config: A Python dictionary, the output of `get_config()`.

        Returns:
            An `Initializer` instance.
        """
        return cls(**config)

    def clone(self):
        """Return a new initializer with the same configuration."""
        return self.__class__.from_config(self.get_config())
