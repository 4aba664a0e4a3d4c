"""`keras.ops.rearrange`: einops-style axis rearrangement (decompose, permute, merge)."""

import math
import re

from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op

_TOKEN = re.compile(r"\w+|\(.*?\)")


def _groups(side):
    """`"b (h w) c"` -> `[["b"], ["h", "w"], ["c"]]`."""
    return [token.strip("()").split() for token in _TOKEN.findall(side)]


@keras_op
def rearrange(tensor, pattern, **axes_lengths):
    """Rearranges the axes of a Keras tensor according to a specified pattern, einops-style.

    Args:
        tensor: Input Keras tensor.
        pattern: String describing the rearrangement in einops notation.
        **axes_lengths: Keyword arguments specifying lengths of axes when axes decomposition is
            used.

    Returns:
        Tensor: A Keras tensor with rearranged axes.

    Example:

    >>> images = np.random.rand(32, 30, 40, 3)  # BHWC format
    >>> keras.ops.rearrange(images, "b h w c -> b c h w").shape
    (32, 3, 30, 40)
    >>> keras.ops.rearrange(images, "b (h1 h) (w1 w) c -> (b h1 w1) h w c", h1=2, w1=2).shape
    (128, 15, 20, 3)
    """
    tensor = to_tensor(tensor)
    source, target = re.split(r"\s*->\s*", pattern)
    input_groups = _groups(source)
    output_groups = _groups(target)
    sizes = dict(axes_lengths)
    for group, dim in zip(input_groups, tensor.shape):
        known = [a for a in group if a in sizes]
        unknown = [a for a in group if a not in sizes]
        if len(group) == 1 and not known:
            sizes[group[0]] = dim
        elif unknown:
            sizes[unknown[0]] = dim // math.prod(sizes[a] for a in known)
    flat_input = [a for group in input_groups for a in group]
    decomposed = [sizes[a] for a in flat_input]
    if tuple(decomposed) != tuple(tensor.shape):
        tensor = tensor.reshape(decomposed)
    flat_output = [a for group in output_groups for a in group]
    tensor = tensor.permute(*[flat_input.index(a) for a in flat_output])
    return tensor.reshape([math.prod(sizes[a] for a in group) for group in output_groups])
