"""`tf.TensorArray`: a growable list of same-shaped tensors (eager: a Python list underneath)."""

import torch

from torchkeras.compat.tensorflow._convert import to_tensor as _t
from torchkeras.compat.tensorflow._convert import torch_dtype


class TensorArray:
    """A list of tensors written by index and stacked at the end (`tf.TensorArray`).

    Args:
        dtype: The dtype of the elements.
        size: The initial number of elements. Defaults to `None` (0).
        dynamic_size: Whether writes past the end grow the array. Defaults to `None` (`False`).
        clear_after_read: Accepted for compatibility. Defaults to `None`.
        element_shape: Accepted for compatibility. Defaults to `None`.
    """

    def __init__(self, dtype, size=None, dynamic_size=None, clear_after_read=None,
                 tensor_array_name=None, handle=None, flow=None, infer_shape=True,
                 element_shape=None, colocate_with_first_write_call=True, name=None):
        self._dtype = torch_dtype(dtype)
        self._items = [None] * (int(size) if size is not None else 0)
        self._dynamic = bool(dynamic_size)

    @property
    def dtype(self):
        return self._dtype

    def size(self, name=None):
        return torch.tensor(len(self._items), dtype=torch.int32)

    def write(self, index, value, name=None):
        index = int(index)
        if index >= len(self._items):
            if not self._dynamic:
                from torchkeras.compat.tensorflow import errors

                raise errors.OutOfRangeError(
                    f"Tried to write to index {index} but array is not resizeable and size is: "
                    f"{len(self._items)}"
                )
            self._items.extend([None] * (index + 1 - len(self._items)))
        self._items[index] = _t(value, self._dtype)
        return self

    def read(self, index, name=None):
        return self._items[int(index)]

    def gather(self, indices, name=None):
        return torch.stack([self._items[int(i)] for i in indices])

    def stack(self, name=None):
        return torch.stack(self._items) if self._items else torch.zeros((0,), dtype=self._dtype)

    def concat(self, name=None):
        return torch.cat(self._items)

    def unstack(self, value, name=None):
        value = _t(value, self._dtype)
        self._items = list(torch.unbind(value, 0))
        return self

    def scatter(self, indices, value, name=None):
        value = _t(value, self._dtype)
        for i, row in zip(indices, torch.unbind(value, 0)):
            self.write(int(i), row)
        return self

    def close(self, name=None):
        self._items = []


__all__ = ["TensorArray"]
