"""Argument checks shared by the cropping, padding and upsampling layers (Keras's messages)."""

_ORDINALS = ("1st", "2nd", "3rd")


def standardize_tuple(value, n, name, allow_zero=False):
    """An int or an iterable of `n` ints as a tuple of `n` ints, validated.

    Args:
        value: The int or iterable to check.
        n: The length of the tuple to return.
        name: The argument's name, for error messages.
        allow_zero: Whether 0 is accepted. Defaults to `False`.
    """
    error_msg = f"The `{name}` argument must be a tuple of {n} integers. Received {name}={value}"
    if isinstance(value, int):
        value_tuple = (value,) * n
    else:
        try:
            value_tuple = tuple(value)
        except TypeError:
            raise ValueError(error_msg)
        if len(value_tuple) != n:
            raise ValueError(error_msg)
        for single_value in value_tuple:
            try:
                int(single_value)
            except (ValueError, TypeError):
                raise ValueError(
                    error_msg + f"including element {single_value} of type {type(single_value)}"
                )
    if allow_zero:
        bad, requirement = {v for v in value_tuple if v < 0}, ">= 0"
    else:
        bad, requirement = {v for v in value_tuple if v <= 0}, "> 0"
    if bad:
        raise ValueError(
            error_msg + f", including values {bad} that do not satisfy `value {requirement}`"
        )
    return value_tuple


def standardize_pairs(value, rank, name):
    """`((before, after),) * rank` from an int, `rank` ints or `rank` pairs (cropping/padding).

    Raises the messages of Keras's 2D and 3D cropping and padding layers.
    """
    if isinstance(value, int):
        if name == "cropping" and value < 0:
            raise ValueError(f"`cropping` cannot be negative. Received: cropping={value}.")
        return ((value, value),) * rank
    if hasattr(value, "__len__"):
        if len(value) != rank:
            if rank == 2:
                raise ValueError(
                    f"`{name}` should have two elements. Received: {name}={value}."
                )
            raise ValueError(f"`{name}` should have {rank} elements. Received: {value}.")
        return tuple(
            standardize_tuple(v, 2, f"{_ORDINALS[i]} entry of {name}", allow_zero=True)
            for i, v in enumerate(value)
        )
    return None
