"""`RadialConstraint` (tf.keras 2): a square 2D kernel made constant on each square ring."""

import torch

from torchkeras.backend.tensors import convert_to_tensor
from torchkeras.constraints.constraints import Constraint


class RadialConstraint(Constraint):
    """Constrains `Conv2D` kernel weights to be the same for each radius.

    Each square ring around the kernel's centre takes the value of one diagonal element, as
    tf.keras 2 computes it: with `start = size // 2`, the centre (one element for an odd size,
    2x2 for an even one) takes `w[start - 1, start - 1]`, and the `d`-th ring out takes
    `w[start + d - 1, start + d - 1]` (odd size) or `w[start + d, start + d]` (even size). For a
    4x4 kernel:

    ```
    [[v_33, v_33, v_33, v_33],
     [v_33, v_11, v_11, v_33],
     [v_33, v_11, v_11, v_33],
     [v_33, v_33, v_33, v_33]]
    ```

    The weight must have shape `(rows, cols, input_depth, output_depth)` with `rows == cols`,
    the layout of every `Conv2D` kernel in either data format.

    Example:

    >>> keras.layers.Conv2D(8, 3, kernel_constraint=keras.constraints.RadialConstraint())
    """

    def __call__(self, w):
        w = convert_to_tensor(w)
        if w.dim() != 4:
            raise ValueError(
                "The weight tensor must have rank 4. Received weight tensor with shape: "
                f"{tuple(w.shape)}"
            )
        size = w.shape[0]
        if w.shape[1] != size:
            raise ValueError(
                "RadialConstraint: the kernel must be square. Expected rows == cols. "
                f"Received: weight shape={tuple(w.shape)}"
            )
        start = size // 2
        pos = torch.arange(size, device=w.device)
        # Ring number of each row/column: 0 for the centre, counting outwards.
        ring = (pos - start).abs() if size % 2 else torch.where(pos < start, start - 1 - pos,
                                                                 pos - start)
        ring = torch.maximum(ring[:, None], ring[None, :])  # (rows, cols)
        outer = start + ring - 1 if size % 2 else start + ring
        index = torch.where(ring == 0, start - 1, outer)
        return w[index, index]
