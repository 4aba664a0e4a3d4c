"""`CallbackList`: calls a list of callbacks at once, and decides when logs leave the device.

During `fit` the batch logs are 0-d device tensors. Turning them into Python floats (what Keras
hands to callbacks) waits for the device, so it is done only for callbacks that need it:

- A batch hook is called only on the callbacks that implement it (see
  `Callback._implements_train_batch_hooks`); with none, the hook costs one attribute check.
- Callbacks with `_supports_tensor_logs = True` (`History`, `ProgbarLogger`, `ModelCheckpoint`)
  accept the tensors as they are; `ProgbarLogger` converts them only when it draws a line.
- As soon as one called callback needs Python floats, the logs are converted once, in a single
  transfer, and every callback of that hook gets the same dict (so changes one callback makes to
  `logs` are seen by the next, as in Keras).

Begin/end hooks run once per epoch or less: they always get Python floats.
"""

import torch

from torchkeras.backend.tensors import convert_to_numpy
from torchkeras.callbacks.callback import Callback
from torchkeras.callbacks.callback import is_default
from torchkeras.callbacks.history import History
from torchkeras.callbacks.progbar_logger import ProgbarLogger

# hook name -> (the `_implements_*` family check, method names that make a callback need the hook)
_BATCH_HOOKS = {
    "on_batch_begin": ("_implements_train_batch_hooks", ("on_batch_begin",)),
    "on_batch_end": ("_implements_train_batch_hooks", ("on_batch_end",)),
    "on_train_batch_begin": (
        "_implements_train_batch_hooks",
        ("on_train_batch_begin", "on_batch_begin"),
    ),
    "on_train_batch_end": (
        "_implements_train_batch_hooks",
        ("on_train_batch_end", "on_batch_end"),
    ),
    "on_test_batch_begin": ("_implements_test_batch_hooks", ("on_test_batch_begin",)),
    "on_test_batch_end": ("_implements_test_batch_hooks", ("on_test_batch_end",)),
    "on_predict_batch_begin": ("_implements_predict_batch_hooks", ("on_predict_batch_begin",)),
    "on_predict_batch_end": ("_implements_predict_batch_hooks", ("on_predict_batch_end",)),
}


def _flatten_logs(logs):
    """`logs` with nested dicts merged in and keys sorted, values untouched."""
    result = {}
    if logs:
        for key, value in sorted(logs.items()):
            if isinstance(value, dict):
                result.update(_flatten_logs(value))
            else:
                result[key] = value
    return result


def pythonify_logs(logs):
    """Flatten `logs` and convert its values to Python floats where possible.

    Keys are sorted and nested dicts merged in, as Keras does. Scalar tensors become floats (all
    of them in one device-to-host transfer per device and dtype); values that cannot be converted
    are kept (tensors as NumPy arrays).

    Args:
        logs: A dict of log values, or `None`.

    Returns:
        A new flat dict.
    """
    result = _flatten_logs(logs)
    groups = {}
    for key, value in result.items():
        if isinstance(value, torch.Tensor) and value.ndim == 0 and not value.is_complex():
            groups.setdefault((value.device, value.dtype), []).append(key)
        elif isinstance(value, torch.Tensor):
            value = convert_to_numpy(value)
            try:
                value = float(value)
            except (TypeError, ValueError):
                pass
            result[key] = value
        elif not isinstance(value, float):
            try:
                result[key] = float(value)
            except (TypeError, ValueError):
                pass
    for keys in groups.values():
        numbers = torch.stack([result[key].detach() for key in keys]).tolist()
        for key, number in zip(keys, numbers):
            result[key] = float(number)
    return result


def _flatten_callbacks(callbacks):
    if isinstance(callbacks, (list, tuple)):
        return [leaf for item in callbacks for leaf in _flatten_callbacks(item)]
    return [callbacks]


class CallbackList(Callback):
    """Container abstracting a list of callbacks.

    Args:
        callbacks: List of `Callback` instances.
        add_history: Whether a `History` callback should be added, if one does not already exist
            in the `callbacks` list. Defaults to `False`.
        add_progbar: Whether a `ProgbarLogger` callback should be added, if one does not already
            exist in the `callbacks` list. Defaults to `False`.
        model: The `Model` these callbacks are used with. Defaults to `None`.
        **params: If provided, parameters will be passed to each `Callback` via
            `Callback.set_params` (`fit` passes `verbose`, `epochs` and `steps`).

    Example:

    >>> callbacks = keras.callbacks.CallbackList([my_callback], add_history=True, model=model)
    >>> callbacks.on_train_begin()
    >>> for epoch in range(epochs):
    ...     callbacks.on_epoch_begin(epoch)
    ...     for step, batch in enumerate(dataset):
    ...         callbacks.on_train_batch_begin(step)
    ...         logs = train_step(batch)
    ...         callbacks.on_train_batch_end(step, logs)
    ...     callbacks.on_epoch_end(epoch, logs)
    >>> callbacks.on_train_end(logs)
    """

    def __init__(self, callbacks=None, add_history=False, add_progbar=False, model=None, **params):
        super().__init__()
        self.callbacks = _flatten_callbacks(callbacks) if callbacks else []
        self._in_begin_end_block_count = 0
        self._add_default_callbacks(add_history, add_progbar)
        self.set_model(model)
        self.set_params(params)
        self._plan_batch_hooks()

    def _add_default_callbacks(self, add_history, add_progbar):
        """Adds the `History` and `ProgbarLogger` callbacks that `fit` always uses."""
        self._progbar = None
        self._history = None
        for callback in self.callbacks:
            if isinstance(callback, ProgbarLogger):
                self._progbar = callback
            elif isinstance(callback, History):
                self._history = callback
        if self._history is None and add_history:
            self._history = History()
            self.callbacks.append(self._history)
        if self._progbar is None and add_progbar:
            self._progbar = ProgbarLogger()
            self.callbacks.append(self._progbar)

    def append(self, callback):
        """Adds `callback` at the end of the list."""
        self.callbacks.append(callback)
        self._plan_batch_hooks()

    def __iter__(self):
        return iter(self.callbacks)

    def set_params(self, params):
        self.params = params
        if params:
            for callback in self.callbacks:
                callback.set_params(params)

    def set_model(self, model):
        if model is None:
            return
        super().set_model(model)
        if self._history is not None:
            model.history = self._history
        for callback in self.callbacks:
            callback.set_model(model)

    def _plan_batch_hooks(self):
        """For each batch hook: the bound methods to call, and whether they need Python floats."""
        self._batch_plans = {}
        for hook, (family, method_names) in _BATCH_HOOKS.items():
            methods = []
            needs_python = False
            for callback in self.callbacks:
                implements = getattr(callback, family, None)
                if implements is not None and not implements():
                    continue
                if all(is_default(getattr(callback, name, None)) for name in method_names):
                    continue
                methods.append(getattr(callback, hook))
                needs_python |= not getattr(callback, "_supports_tensor_logs", False)
            self._batch_plans[hook] = (methods, needs_python) if methods else None

    def _call_batch_hook(self, hook, batch, logs):
        plan = self._batch_plans[hook]
        if plan is None:
            return
        methods, needs_python = plan
        logs = pythonify_logs(logs) if needs_python else _flatten_logs(logs)
        for method in methods:
            method(batch, logs=logs)

    def _call_hook(self, hook, *args):
        logs = pythonify_logs(args[-1])
        for callback in self.callbacks:
            getattr(callback, hook)(*args[:-1], logs)

    def _on_begin(self):
        self._in_begin_end_block_count += 1
        # Callbacks may have been added or changed since the list was built.
        self._plan_batch_hooks()

    def _on_end(self):
        self._in_begin_end_block_count -= 1
        if self._in_begin_end_block_count < 0:
            raise ValueError("`on_xxx_end` called without corresponding `on_xxx_begin`")

    def on_batch_begin(self, batch, logs=None):
        self._call_batch_hook("on_batch_begin", batch, logs)

    def on_batch_end(self, batch, logs=None):
        self._call_batch_hook("on_batch_end", batch, logs)

    def on_train_batch_begin(self, batch, logs=None):
        self._call_batch_hook("on_train_batch_begin", batch, logs)

    def on_train_batch_end(self, batch, logs=None):
        self._call_batch_hook("on_train_batch_end", batch, logs)

    def on_test_batch_begin(self, batch, logs=None):
        self._call_batch_hook("on_test_batch_begin", batch, logs)

    def on_test_batch_end(self, batch, logs=None):
        self._call_batch_hook("on_test_batch_end", batch, logs)

    def on_predict_batch_begin(self, batch, logs=None):
        self._call_batch_hook("on_predict_batch_begin", batch, logs)

    def on_predict_batch_end(self, batch, logs=None):
        self._call_batch_hook("on_predict_batch_end", batch, logs)

    def on_epoch_begin(self, epoch, logs=None):
        self._call_hook("on_epoch_begin", epoch, logs)

    def on_epoch_end(self, epoch, logs=None):
        self._call_hook("on_epoch_end", epoch, logs)

    def on_train_begin(self, logs=None):
        self._on_begin()
        self._call_hook("on_train_begin", logs)

    def on_train_end(self, logs=None):
        self._call_hook("on_train_end", logs)
        self._on_end()

    def on_test_begin(self, logs=None):
        self._on_begin()
        self._call_hook("on_test_begin", logs)

    def on_test_end(self, logs=None):
        self._call_hook("on_test_end", logs)
        self._on_end()

    def on_predict_begin(self, logs=None):
        self._on_begin()
        self._call_hook("on_predict_begin", logs)

    def on_predict_end(self, logs=None):
        self._call_hook("on_predict_end", logs)
        self._on_end()
