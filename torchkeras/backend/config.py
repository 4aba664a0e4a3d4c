"""Global configuration: float type, fuzz factor and image data format."""

_FLOATX = "float32"
_EPSILON = 1e-7
_IMAGE_DATA_FORMAT = "channels_last"
_ALLOWED_FLOATX = ("float16", "bfloat16", "float32", "float64")


def floatx():
    """Return the default float type, as a string (e.g. `"float32"`)."""
    return _FLOATX


def set_floatx(value):
    """Set the default float type. One of `"float16"`, `"bfloat16"`, `"float32"`, `"float64"`."""
    global _FLOATX
    value = str(value)
    if value not in _ALLOWED_FLOATX:
        raise ValueError(
            f"Unknown `floatx` value: {value}. Expected one of {set(_ALLOWED_FLOATX)}"
        )
    _FLOATX = value


def epsilon():
    """Return the fuzz factor used in numeric expressions. Defaults to `1e-7`."""
    return _EPSILON


def set_epsilon(value):
    """Set the fuzz factor used in numeric expressions."""
    global _EPSILON
    _EPSILON = float(value)


def image_data_format():
    """Return the default image data format convention, `"channels_last"` or `"channels_first"`."""
    return _IMAGE_DATA_FORMAT


def set_image_data_format(data_format):
    """Set the default image data format convention."""
    global _IMAGE_DATA_FORMAT
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            f"Received: data_format={data_format}"
        )
    _IMAGE_DATA_FORMAT = data_format


def standardize_data_format(data_format):
    """Resolve `None` to the global data format and validate the value."""
    if data_format is None:
        return image_data_format()
    data_format = str(data_format).lower()
    if data_format not in ("channels_first", "channels_last"):
        raise ValueError(
            "The `data_format` argument must be one of {'channels_first', 'channels_last'}. "
            f"Received: data_format={data_format}"
        )
    return data_format


def backend():
    """Return the name of the backend: always `"torch"`."""
    return "torch"
