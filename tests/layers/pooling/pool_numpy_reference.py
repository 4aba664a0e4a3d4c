"""NumPy references for the pooling tests: windows placed as TensorFlow places them
(channels_last data, float64)."""

import numpy as np


def tf_same_pads(size, k, s):
    out = -(-size // s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2


def pool(x, pool_size, strides, padding, mode):
    """Max or average pooling; "same" pads are never the max and not counted in averages."""
    x = np.asarray(x, np.float64)
    rank = x.ndim - 2
    pool_size = (pool_size,) * rank if np.isscalar(pool_size) else tuple(pool_size)
    strides = (strides,) * rank if np.isscalar(strides) else tuple(strides)
    spatial = x.shape[1:-1]
    if padding == "valid":
        pads = [(0, 0)] * rank
    else:
        pads = [tf_same_pads(n, k, s) for n, k, s in zip(spatial, pool_size, strides)]
    fill = -np.inf if mode == "max" else 0.0
    xp = np.pad(x, [(0, 0)] + pads + [(0, 0)], constant_values=fill)
    valid = np.pad(np.ones(spatial), pads)
    out_sizes = [(xp.shape[i + 1] - k) // s + 1
                 for i, (k, s) in enumerate(zip(pool_size, strides))]
    out = np.zeros((x.shape[0], *out_sizes, x.shape[-1]))
    for index in np.ndindex(*out_sizes):
        window = tuple(slice(i * s, i * s + k) for i, s, k in zip(index, strides, pool_size))
        patch = xp[(slice(None),) + window + (slice(None),)]
        axes = tuple(range(1, rank + 1))
        if mode == "max":
            out[(slice(None),) + index] = patch.max(axis=axes)
        else:
            out[(slice(None),) + index] = patch.sum(axis=axes) / valid[window].sum()
    return out


def adaptive_pool(x, output_size, mode):
    """Output position `i` pools input positions `floor(i*n/out)` to `ceil((i+1)*n/out)`."""
    x = np.asarray(x, np.float64)
    spatial = x.shape[1:-1]
    out = np.zeros((x.shape[0], *output_size, x.shape[-1]))
    for index in np.ndindex(*output_size):
        window = tuple(
            slice((i * n) // o, -(-((i + 1) * n) // o))
            for i, n, o in zip(index, spatial, output_size)
        )
        patch = x[(slice(None),) + window + (slice(None),)]
        axes = tuple(range(1, len(spatial) + 1))
        out[(slice(None),) + index] = patch.max(axis=axes) if mode == "max" else patch.mean(
            axis=axes
        )
    return out
