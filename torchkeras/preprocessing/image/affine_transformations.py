"""tf.keras 2's image augmentation functions: affine transforms, channel and brightness shifts.

tf.keras 2 resamples with `scipy.ndimage.affine_transform`. SciPy is not a torchkeras
dependency, so `_resample` below reimplements that routine for spline orders 0 and 1 in NumPy:
the same coordinate arithmetic (in float64, in SciPy's order of operations), the same boundary
modes and the same neighbour weights, so the outputs match tf.keras 2 to the last bit in
practice.
"""

import numpy as np

_FILL_MODES = ("constant", "nearest", "reflect", "wrap", "mirror")


def flip_axis(x, axis):
    """Reverses `x` along `axis`."""
    return np.flip(np.asarray(x), axis)


def _map_coordinate(c, n, mode):
    """SciPy's `map_coordinate`: bring out-of-range positions `c` (float64) back inside.

    In `"constant"` mode, positions outside `[0, n - 1]` become `-1`, which marks "use
    `cval`". Also used on the integer neighbour positions of the interpolation footprint.
    """
    if c.size == 0 or (c.min() >= 0 and c.max() <= n - 1):
        return c
    below = c < 0
    above = c > n - 1
    if mode == "constant":
        return np.where(below | above, -1.0, c)
    if mode == "nearest":
        return np.where(below, 0.0, np.where(above, float(n - 1), c))
    if n <= 1:
        return np.where(below | above, 0.0, c)
    if mode == "mirror":  # d c b | a b c d | c b a
        period = 2 * n - 2
        low = period * np.trunc(-c / period) + c
        low = np.where(low <= 1 - n, low + period, -low)
        high = c - period * np.trunc(c / period)
        high = np.where(high >= n, period - high, high)
    elif mode == "reflect":  # d c b a | a b c d | d c b a
        period = 2 * n
        low = np.where(c < -period, period * np.trunc(-c / period) + c, c)
        # Positions just below 0 map just above -1 (SciPy's 1e-15), never onto the -1 marker.
        low = np.where(low < -n, low + period, np.where(low > -1e-15, 1e-15, -low) - 1)
        high = c - period * np.trunc(c / period)
        high = np.where(high >= n, period - high - 1, high)
    else:  # "wrap": SciPy's legacy wrap, whose period is n - 1
        period = n - 1
        low = c + period * (np.trunc(-c / period) + 1)
        high = c - period * np.trunc(c / period)
    return np.where(below, low, np.where(above, high, c))


# Boundary rule for the interpolation footprint's neighbours, per fill mode (SciPy's
# `_get_spline_boundary_mode`): modes without their own rule read mirrored neighbours.
_NEIGHBOUR_MODE = {
    "constant": "mirror",
    "wrap": "mirror",
    "nearest": "nearest",
    "reflect": "reflect",
    "mirror": "mirror",
}


def _taps(c, n, order, mode):
    """Neighbour indices and spline weights along one axis, for mapped positions `c`."""
    if order == 1:
        start = np.floor(c)
        w0 = 1.0 - (c - start)
        weights = (w0, 1.0 - w0)  # SciPy makes the weights sum to exactly 1
    else:
        start = np.floor(c + 0.5)
        weights = (None,)
    indices = []
    for k in range(order + 1):
        position = start + k
        if position.size and (position.min() < 0 or position.max() > n - 1):
            position = _map_coordinate(position, n, _NEIGHBOUR_MODE[mode])
        indices.append(np.trunc(position).astype(np.int64))
    return indices, weights


def _resample(image, matrix, offset, order, mode, cval):
    """`scipy.ndimage.affine_transform(image, matrix, offset, order, mode=mode, cval=cval)`.

    `image` is `(channels, rows, cols)`; the same 2x2 `matrix` and `offset` map every output
    pixel `o` to the input position `matrix @ o + offset`.
    """
    channels, rows, cols = image.shape
    o0 = np.arange(rows, dtype=np.float64)[:, None]
    o1 = np.arange(cols, dtype=np.float64)[None, :]
    # SciPy's accumulation order, in float64: (offset + o0 * m0) + o1 * m1.
    c0 = (offset[0] + o0 * matrix[0, 0]) + o1 * matrix[0, 1]
    c1 = (offset[1] + o0 * matrix[1, 0]) + o1 * matrix[1, 1]
    if mode == "nearest":
        # "nearest" keeps the raw positions: only the neighbours are clamped.
        outside = np.zeros(c0.shape, dtype=bool)
    else:
        c0 = _map_coordinate(c0, rows, mode)
        c1 = _map_coordinate(c1, cols, mode)
        outside = (c0 <= -1.0) | (c1 <= -1.0)
        c0 = np.where(outside, 0.0, c0)
        c1 = np.where(outside, 0.0, c1)
    rows_idx, rows_w = _taps(c0, rows, order, mode)
    cols_idx, cols_w = _taps(c1, cols, order, mode)
    flat = image.astype(np.float64, copy=False).reshape(channels, rows * cols)
    total = None
    # Taps in SciPy's order (row-major over the footprint), each (value * w_row) * w_col:
    # the same float64 operations in the same order give the same bits.
    for r_idx, r_w in zip(rows_idx, rows_w):
        base = (r_idx * cols).ravel()
        for c_idx, c_w in zip(cols_idx, cols_w):
            value = np.take(flat, base + c_idx.ravel(), axis=1)  # (channels, rows * cols)
            if r_w is not None:
                value *= r_w.ravel()
                value *= c_w.ravel()
            if total is None:
                total = value
            else:
                total += value
    total = total.reshape(channels, rows, cols)
    if outside.any():
        total = np.where(outside, cval, total)
    if np.issubdtype(image.dtype, np.integer):
        # SciPy rounds half away from zero and saturates when writing integer outputs.
        info = np.iinfo(image.dtype)
        total = np.clip(np.where(total > 0, total + 0.5, total - 0.5), info.min, info.max)
        total = np.trunc(total)
    return total.astype(image.dtype)


def transform_matrix_offset_center(matrix, x, y):
    """Conjugates `matrix` by a shift to the image centre, so transforms act about the centre."""
    o_x = float(x) / 2 - 0.5
    o_y = float(y) / 2 - 0.5
    offset_matrix = np.array([[1, 0, o_x], [0, 1, o_y], [0, 0, 1]])
    reset_matrix = np.array([[1, 0, -o_x], [0, 1, -o_y], [0, 0, 1]])
    return np.dot(np.dot(offset_matrix, matrix), reset_matrix)


def apply_affine_transform(
    x,
    theta=0,
    tx=0,
    ty=0,
    shear=0,
    zx=1,
    zy=1,
    row_axis=1,
    col_axis=2,
    channel_axis=0,
    fill_mode="nearest",
    cval=0.0,
    order=1,
):
    """Applies an affine transformation specified by the parameters given.

    Args:
        x: 3D numpy array - a 2D image with one or more channels.
        theta: Rotation angle in degrees. Defaults to `0`.
        tx: Width shift. Defaults to `0`.
        ty: Heigh shift. Defaults to `0`.
        shear: Shear angle in degrees. Defaults to `0`.
        zx: Zoom in x direction. Defaults to `1`.
        zy: Zoom in y direction. Defaults to `1`.
        row_axis: Index of axis for rows (aka Y axis) in the input image. Defaults to `1`.
        col_axis: Index of axis for columns (aka X axis) in the input image. Defaults to `2`.
        channel_axis: Index of axis for channels in the input image. Defaults to `0`.
        fill_mode: Points outside the boundaries of the input are filled according to the
            given mode (one of `{'constant', 'nearest', 'reflect', 'wrap'}`, or `'mirror'`).
            Defaults to `'nearest'`.
        cval: Value used for points outside the boundaries of the input if
            `mode='constant'`. Defaults to `0.0`.
        order: int, order of interpolation: `0` (nearest) or `1` (linear). Defaults to `1`.

    Returns:
        The transformed version of the input.
    """
    if np.unique([row_axis, col_axis, channel_axis]).size != 3:
        raise ValueError("'row_axis', 'col_axis', and 'channel_axis' must be distinct")
    valid_indices = {0, 1, 2}
    actual_indices = {row_axis, col_axis, channel_axis}
    if actual_indices != valid_indices:
        raise ValueError(f"Invalid axis' indices: {actual_indices - valid_indices}")
    if x.ndim != 3:
        raise ValueError("Input arrays must be multi-channel 2D images.")
    if channel_axis not in [0, 2]:
        raise ValueError("Channels are allowed and the first and last dimensions.")

    transform_matrix = None
    if theta != 0:
        theta = np.deg2rad(theta)
        transform_matrix = np.array(
            [[np.cos(theta), -np.sin(theta), 0], [np.sin(theta), np.cos(theta), 0], [0, 0, 1]]
        )
    if tx != 0 or ty != 0:
        shift_matrix = np.array([[1, 0, tx], [0, 1, ty], [0, 0, 1]])
        transform_matrix = (
            shift_matrix if transform_matrix is None else np.dot(transform_matrix, shift_matrix)
        )
    if shear != 0:
        shear = np.deg2rad(shear)
        shear_matrix = np.array([[1, -np.sin(shear), 0], [0, np.cos(shear), 0], [0, 0, 1]])
        transform_matrix = (
            shear_matrix if transform_matrix is None else np.dot(transform_matrix, shear_matrix)
        )
    if zx != 1 or zy != 1:
        zoom_matrix = np.array([[zx, 0, 0], [0, zy, 0], [0, 0, 1]])
        transform_matrix = (
            zoom_matrix if transform_matrix is None else np.dot(transform_matrix, zoom_matrix)
        )
    if transform_matrix is None:
        return x

    if fill_mode not in _FILL_MODES:
        raise ValueError(
            "apply_affine_transform: unsupported `fill_mode`. Expected one of "
            f"{_FILL_MODES}. Received: fill_mode={fill_mode}"
        )
    if order not in (0, 1):
        raise NotImplementedError(
            "apply_affine_transform: only interpolation orders 0 and 1 are supported "
            "(higher orders need SciPy's spline prefilter; see compat/DIFFERENCES.md). "
            f"Received: order={order}"
        )
    h, w = x.shape[row_axis], x.shape[col_axis]
    transform_matrix = transform_matrix_offset_center(transform_matrix, h, w)
    x = np.moveaxis(x, channel_axis, 0)
    # The matrix is written for (rows, cols) order; swap to the image's axis order.
    if col_axis > row_axis:
        transform_matrix[:, [0, 1]] = transform_matrix[:, [1, 0]]
        transform_matrix[[0, 1]] = transform_matrix[[1, 0]]
    x = _resample(x, transform_matrix[:2, :2], transform_matrix[:2, 2], order, fill_mode, cval)
    return np.moveaxis(x, 0, channel_axis)


def random_rotation(
    x, rg, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.0,
    interpolation_order=1,
):
    """Performs a random rotation of a NumPy image tensor.

    Args:
        x: Input tensor. Must be 3D.
        rg: Rotation range, in degrees.
        row_axis: Index of axis for rows in the input tensor. Defaults to `1`.
        col_axis: Index of axis for columns in the input tensor. Defaults to `2`.
        channel_axis: Index of axis for channels in the input tensor. Defaults to `0`.
        fill_mode: Points outside the boundaries of the input are filled according to the
            given mode. Defaults to `"nearest"`.
        cval: Value used for points outside the boundaries of the input if
            `mode='constant'`. Defaults to `0.0`.
        interpolation_order: int, order of spline interpolation. Defaults to `1`.

    Returns:
        Rotated NumPy image tensor.
    """
    theta = np.random.uniform(-rg, rg)
    return apply_affine_transform(
        x, theta=theta, row_axis=row_axis, col_axis=col_axis, channel_axis=channel_axis,
        fill_mode=fill_mode, cval=cval, order=interpolation_order,
    )


def random_shift(
    x, wrg, hrg, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.0,
    interpolation_order=1,
):
    """Performs a random spatial shift of a NumPy image tensor.

    Args:
        x: Input tensor. Must be 3D.
        wrg: Width shift range, as a float fraction of the width.
        hrg: Height shift range, as a float fraction of the height.
        row_axis: Index of axis for rows in the input tensor. Defaults to `1`.
        col_axis: Index of axis for columns in the input tensor. Defaults to `2`.
        channel_axis: Index of axis for channels in the input tensor. Defaults to `0`.
        fill_mode: Points outside the boundaries of the input are filled according to the
            given mode. Defaults to `"nearest"`.
        cval: Value used for points outside the boundaries of the input if
            `mode='constant'`. Defaults to `0.0`.
        interpolation_order: int, order of spline interpolation. Defaults to `1`.

    Returns:
        Shifted NumPy image tensor.
    """
    h, w = x.shape[row_axis], x.shape[col_axis]
    tx = np.random.uniform(-hrg, hrg) * h
    ty = np.random.uniform(-wrg, wrg) * w
    return apply_affine_transform(
        x, tx=tx, ty=ty, row_axis=row_axis, col_axis=col_axis, channel_axis=channel_axis,
        fill_mode=fill_mode, cval=cval, order=interpolation_order,
    )


def random_shear(
    x, intensity, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.0,
    interpolation_order=1,
):
    """Performs a random spatial shear of a NumPy image tensor.

    Args:
        x: Input tensor. Must be 3D.
        intensity: Transformation intensity in degrees.
        row_axis: Index of axis for rows in the input tensor. Defaults to `1`.
        col_axis: Index of axis for columns in the input tensor. Defaults to `2`.
        channel_axis: Index of axis for channels in the input tensor. Defaults to `0`.
        fill_mode: Points outside the boundaries of the input are filled according to the
            given mode. Defaults to `"nearest"`.
        cval: Value used for points outside the boundaries of the input if
            `mode='constant'`. Defaults to `0.0`.
        interpolation_order: int, order of spline interpolation. Defaults to `1`.

    Returns:
        Sheared NumPy image tensor.
    """
    shear = np.random.uniform(-intensity, intensity)
    return apply_affine_transform(
        x, shear=shear, row_axis=row_axis, col_axis=col_axis, channel_axis=channel_axis,
        fill_mode=fill_mode, cval=cval, order=interpolation_order,
    )


def random_zoom(
    x, zoom_range, row_axis=1, col_axis=2, channel_axis=0, fill_mode="nearest", cval=0.0,
    interpolation_order=1,
):
    """Performs a random spatial zoom of a NumPy image tensor.

    Args:
        x: Input tensor. Must be 3D.
        zoom_range: Tuple of floats; zoom range for width and height.
        row_axis: Index of axis for rows in the input tensor. Defaults to `1`.
        col_axis: Index of axis for columns in the input tensor. Defaults to `2`.
        channel_axis: Index of axis for channels in the input tensor. Defaults to `0`.
        fill_mode: Points outside the boundaries of the input are filled according to the
            given mode. Defaults to `"nearest"`.
        cval: Value used for points outside the boundaries of the input if
            `mode='constant'`. Defaults to `0.0`.
        interpolation_order: int, order of spline interpolation. Defaults to `1`.

    Returns:
        Zoomed NumPy image tensor.
    """
    if len(zoom_range) != 2:
        raise ValueError(
            "`zoom_range` should be a tuple or list of two floats. Received: %s"
            % (zoom_range,)
        )
    if zoom_range[0] == 1 and zoom_range[1] == 1:
        zx, zy = 1, 1
    else:
        zx, zy = np.random.uniform(zoom_range[0], zoom_range[1], 2)
    return apply_affine_transform(
        x, zx=zx, zy=zy, row_axis=row_axis, col_axis=col_axis, channel_axis=channel_axis,
        fill_mode=fill_mode, cval=cval, order=interpolation_order,
    )


def apply_channel_shift(x, intensity, channel_axis=0):
    """Performs a channel shift: adds `intensity`, clipped to the image's value range.

    Args:
        x: Input tensor. Must be 3D.
        intensity: Transformation intensity.
        channel_axis: Index of axis for channels in the input tensor. Defaults to `0`.

    Returns:
        NumPy image tensor.
    """
    x_min, x_max = np.min(x), np.max(x)
    # One global range for every channel, as tf.keras 2 clips.
    return np.clip(x + intensity, x_min, x_max)


def random_channel_shift(x, intensity_range, channel_axis=0):
    """Performs a random channel shift.

    Args:
        x: Input tensor. Must be 3D.
        intensity_range: Transformation intensity.
        channel_axis: Index of axis for channels in the input tensor. Defaults to `0`.

    Returns:
        NumPy image tensor.
    """
    intensity = np.random.uniform(-intensity_range, intensity_range)
    return apply_channel_shift(x, intensity, channel_axis=channel_axis)


def apply_brightness_shift(x, brightness, scale=True):
    """Performs a brightness shift (with Pillow's `ImageEnhance.Brightness`).

    Args:
        x: Input tensor. Must be 3D.
        brightness: Float. The new brightness value.
        scale: Whether to rescale the image such that minimum and maximum values are 0 and
            255 respectively. Defaults to `True`.

    Returns:
        NumPy image tensor.
    """
    from torchkeras.utils import image_utils

    try:
        from PIL import ImageEnhance
    except ImportError:
        raise ImportError(
            "Using brightness shifts requires PIL. Install PIL or Pillow: pip install pillow"
        ) from None
    x_min, x_max = np.min(x), np.max(x)
    local_scale = (x_min < 0) or (x_max > 255)
    img = image_utils.array_to_img(x, scale=local_scale or scale)
    img = ImageEnhance.Brightness(img).enhance(brightness)
    x = image_utils.img_to_array(img)
    if not scale and local_scale:
        x = x / 255 * (x_max - x_min) + x_min
    return x


def random_brightness(x, brightness_range, scale=True):
    """Performs a random brightness shift.

    Args:
        x: Input tensor. Must be 3D.
        brightness_range: Tuple of floats; brightness range.
        scale: Whether to rescale the image such that minimum and maximum values are 0 and
            255 respectively. Defaults to `True`.

    Returns:
        NumPy image tensor.
    """
    if len(brightness_range) != 2:
        raise ValueError(
            "`brightness_range should be tuple or list of two floats. Received: %s"
            % (brightness_range,)
        )
    u = np.random.uniform(brightness_range[0], brightness_range[1])
    return apply_brightness_shift(x, u, scale)
