"""`Metric`: the base class of stateful metrics, accumulated on the device."""

import torch

from torchkeras import backend
from torchkeras.losses import _helpers


class Metric:
    """Encapsulates metric logic and state.

    A metric keeps its state in non-trainable `Variable`s created with `add_variable` on the
    current device. `update_state` folds a batch into that state with tensor operations only (it
    never reads values back to the host, so it costs no synchronization per training step);
    `result` computes the value from the state; `reset_state` clears it.

    Args:
        dtype: The dtype of the metric's computations. Defaults to `None`, meaning
            `keras.config.floatx()`.
        name: Optional name for the metric instance. Defaults to the snake-cased class name.

    Example:

    ```python
    class BinaryTruePositives(keras.metrics.Metric):
        def __init__(self, name="binary_true_positives", **kwargs):
            super().__init__(name=name, **kwargs)
            self.true_positives = self.add_variable(shape=(), initializer="zeros",
                                                    name="true_positives")

        def update_state(self, y_true, y_pred, sample_weight=None):
            values = (y_true.bool() & y_pred.bool()).float()
            if sample_weight is not None:
                values = values * sample_weight
            self.true_positives.assign_add(values.sum())

        def result(self):
            return self.true_positives
    ```
    """

    def __init__(self, dtype=None, name=None):
        self.name = name or _helpers.auto_name(self.__class__.__name__)
        self._dtype = _helpers.compute_dtype(dtype)
        self._torch_dtype = backend.to_torch_dtype(self._dtype)
        self._metrics = []
        self._variables = []
        self._tracked_ids = set()

    # -- state --------------------------------------------------------------------------------
    def add_variable(self, shape, initializer, dtype=None, aggregation="sum", name=None):
        """Create a non-trainable state variable on the current device.

        Args:
            shape: Shape of the variable.
            initializer: Initializer name or callable; `"zeros"` and `"ones"` (or `None`, meaning
                zeros) need no `keras.initializers`.
            dtype: Dtype of the variable. Defaults to `floatx()`.
            aggregation: How the variable is combined across replicas. Defaults to `"sum"`.
            name: Name of the variable.

        Returns:
            The new `Variable`, whose path is `"<metric name>/<name>"`.
        """
        self._check_super_called()
        shape = tuple(int(d) for d in shape)
        torch_dtype = backend.to_torch_dtype(dtype)
        device = backend.get_device()
        if initializer is None or initializer == "zeros":
            value = torch.zeros(shape, dtype=torch_dtype, device=device)
        elif initializer == "ones":
            value = torch.ones(shape, dtype=torch_dtype, device=device)
        else:
            from torchkeras import initializers

            init = initializers.get(initializer)
            value = init(shape, dtype=backend.standardize_dtype(torch_dtype))
        variable = backend.Variable(
            value,
            dtype=torch_dtype,
            trainable=False,
            aggregation=aggregation,
            synchronization="on_read",
            name=name,
        )
        variable._path = f"{self.name.replace('/', '>')}/{variable.name}"
        self._track(variable)
        return variable

    def add_weight(self, shape=(), initializer=None, dtype=None, name=None):
        """Alias of `add_variable`, kept for backward compatibility."""
        return self.add_variable(shape=shape, initializer=initializer, dtype=dtype, name=name)

    @property
    def variables(self):
        """The state variables of this metric and of the metrics it holds."""
        variables = list(self._variables)
        for metric in self._metrics:
            variables.extend(metric.variables)
        return variables

    def reset_state(self):
        """Reset all of the metric state variables to zero."""
        with torch.no_grad():
            for variable in self.variables:
                variable.zero_()

    def reset_states(self):
        """tf.keras 2's name for `reset_state()`, kept for migrated training loops."""
        self.reset_state()

    # -- to be implemented ----------------------------------------------------------------------
    def update_state(self, *args, **kwargs):
        """Accumulate statistics for the metric."""
        raise NotImplementedError

    def result(self):
        """Compute the current metric value as a tensor."""
        raise NotImplementedError

    def __call__(self, *args, **kwargs):
        """Update the state with the given batch and return the new result."""
        self._check_super_called()
        self.update_state(*args, **kwargs)
        return self.result()

    # -- config -------------------------------------------------------------------------------
    @property
    def dtype(self):
        return self._dtype

    def get_config(self):
        """Return the serializable config of the metric."""
        return {"name": self.name, "dtype": self.dtype}

    @classmethod
    def from_config(cls, config):
        return cls(**config)

    # -- tracking -------------------------------------------------------------------------------
    def __setattr__(self, name, value):
        # Variables and metrics assigned as attributes join the state, as in Keras.
        if "_tracked_ids" in self.__dict__:
            if isinstance(value, (Metric, backend.Variable)):
                self._track(value)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    if isinstance(item, (Metric, backend.Variable)):
                        self._track(item)
        super().__setattr__(name, value)

    def _track(self, value):
        if id(value) in self._tracked_ids:
            return
        self._tracked_ids.add(id(value))
        if isinstance(value, Metric):
            self._metrics.append(value)
        else:
            self._variables.append(value)

    def _check_super_called(self):
        if "_tracked_ids" not in self.__dict__:
            raise RuntimeError(
                "You forgot to call `super().__init__()` in the `__init__()` method. Go add it!"
            )

    def __repr__(self):
        return f"<{self.__class__.__name__} name={self.name}>"

    def __str__(self):
        return self.__repr__()
