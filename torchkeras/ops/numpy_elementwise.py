"""Element-wise `keras.ops.numpy` functions: arithmetic, comparisons, logic, bits and math.

Dtypes follow Keras on TensorFlow: binary ops promote with `keras.backend.result_type` (Python
scalars are weak types), float-valued math turns integer and boolean inputs into `floatx()`.
"""

import math

import numpy as np
import torch

from torchkeras.ops import op_utils
from torchkeras.ops.op_utils import promote
from torchkeras.ops.op_utils import to_float
from torchkeras.ops.op_utils import to_tensor
from torchkeras.ops.symbolic import keras_op

_Tensor = torch.Tensor


# -- arithmetic --------------------------------------------------------------------------------
@keras_op
def add(x1, x2):
    """Add arguments element-wise.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        The tensor containing the element-wise sum of `x1` and `x2`.
    """
    if type(x1) is _Tensor and type(x2) is _Tensor and x1.dtype == x2.dtype:
        return torch.add(x1, x2)
    x1, x2 = promote(x1, x2, scalars=True)
    if not isinstance(x1, _Tensor):
        return torch.add(x2, x1)
    return torch.add(x1, x2)


@keras_op
def subtract(x1, x2):
    """Subtract arguments element-wise.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor, element-wise difference of `x1` and `x2`.
    """
    if type(x1) is _Tensor and type(x2) is _Tensor and x1.dtype == x2.dtype != torch.bool:
        return torch.subtract(x1, x2)
    x1, x2 = promote(x1, x2, scalars=True)
    if not isinstance(x1, _Tensor):
        return torch.rsub(x2, x1)
    if x1.dtype == torch.bool:
        # torch refuses `-` on booleans; TensorFlow subtracts them as integers.
        return torch.logical_xor(x1, x2)
    return torch.subtract(x1, x2)


@keras_op
def multiply(x1, x2):
    """Multiply arguments element-wise.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor, element-wise product of `x1` and `x2`.
    """
    if type(x1) is _Tensor and type(x2) is _Tensor and x1.dtype == x2.dtype:
        return torch.multiply(x1, x2)
    x1, x2 = promote(x1, x2, scalars=True)
    if not isinstance(x1, _Tensor):
        return torch.multiply(x2, x1)
    return torch.multiply(x1, x2)


@keras_op
def divide(x1, x2):
    """Divide arguments element-wise.

    `keras.ops.true_divide` is an alias for this function.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor, the quotient `x1/x2`, element-wise (always a float dtype).
    """
    if (
        type(x1) is _Tensor
        and type(x2) is _Tensor
        and x1.dtype == x2.dtype
        and x1.dtype in op_utils.FLOATING
    ):
        return torch.divide(x1, x2)
    x1, x2 = promote(x1, x2, extra=float, scalars=True)
    if not isinstance(x1, _Tensor):
        return x1 / x2
    return torch.divide(x1, x2)


@keras_op
def true_divide(x1, x2):
    """Alias for `keras.ops.divide`."""
    return divide.__wrapped__(x1, x2)


@keras_op
def divide_no_nan(x1, x2):
    """Safe element-wise division which returns 0 where the denominator is 0.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        The quotient `x1/x2`, element-wise, with zero where `x2` is zero.
    """
    x1, x2 = promote(x1, x2, extra=float)
    safe = torch.where(x2 == 0, torch.ones_like(x2), x2)
    return torch.where(x2 == 0, torch.zeros_like(x1 / safe), x1 / safe)


@keras_op
def floor_divide(x1, x2):
    """Returns the largest integer smaller or equal to the division of inputs.

    Args:
        x1: Numerator.
        x2: Denominator.

    Returns:
        Output tensor, `y = floor(x1/x2)`.
    """
    x1, x2 = promote(x1, x2)
    if x1.dtype == torch.bool:
        return torch.floor_divide(x1.to(torch.int32), x2.to(torch.int32)).to(torch.bool)
    return torch.floor_divide(x1, x2)


@keras_op
def mod(x1, x2):
    """Returns the element-wise remainder of division (the sign of the divisor, as NumPy).

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor, element-wise remainder of division.
    """
    x1, x2 = promote(x1, x2)
    if x1.dtype == torch.bool:
        x1, x2 = x1.to(torch.int32), x2.to(torch.int32)
    return torch.remainder(x1, x2)


@keras_op
def fmod(x1, x2):
    """Returns the element-wise remainder of division (the sign of the dividend, as C's `fmod`).

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output tensor, element-wise remainder of division.
    """
    x1, x2 = promote(x1, x2)
    if x1.dtype == torch.bool:
        x1, x2 = x1.to(torch.int32), x2.to(torch.int32)
    return torch.fmod(x1, x2)


@keras_op
def power(x1, x2):
    """First tensor elements raised to powers from second tensor, element-wise.

    Args:
        x1: The bases.
        x2: The exponents.

    Returns:
        Output tensor, the bases in `x1` raised to the exponents in `x2`.
    """
    x1, x2 = promote(x1, x2, scalars=True)
    if not isinstance(x1, _Tensor):
        return torch.pow(x1, x2)
    if x1.dtype == torch.bool:
        return torch.pow(x1.to(torch.int32), x2 if not isinstance(x2, _Tensor) else x2.int()).bool()
    return torch.pow(x1, x2)


@keras_op
def negative(x):
    """Numerical negative, element-wise.

    Args:
        x: Input tensor.

    Returns:
        Output tensor, `y = -x`.
    """
    return torch.negative(to_tensor(x))


@keras_op
def reciprocal(x):
    """Return the reciprocal of the argument, element-wise.

    Calculates `1/x`.

    Args:
        x: Input tensor.

    Returns:
        Output tensor, element-wise reciprocal of `x`.
    """
    x = to_tensor(x)
    if op_utils.is_int(x.dtype) or x.dtype == torch.bool:
        # Integer reciprocal truncates toward zero, as TensorFlow's integer division does.
        one = torch.ones_like(x)
        return torch.div(one, x, rounding_mode="trunc") if x.dtype != torch.bool else x
    return torch.reciprocal(x)


@keras_op
def square(x):
    """Return the element-wise square of the input.

    Args:
        x: Input tensor.

    Returns:
        Output tensor, the square of `x`.
    """
    x = to_tensor(x)
    if x.dtype == torch.bool:
        x = x.to(torch.int32)
    return torch.square(x)


@keras_op
def sqrt(x):
    """Return the non-negative square root of a tensor, element-wise.

    Args:
        x: Input tensor.

    Returns:
        Output tensor, the non-negative square root of `x`.
    """
    return torch.sqrt(to_float(x))


@keras_op
def absolute(x):
    """Compute the absolute value element-wise.

    `keras.ops.abs` is a shorthand for this function.

    Args:
        x: Input tensor.

    Returns:
        An array containing the absolute value of each element in `x`.
    """
    x = to_tensor(x)
    if x.dtype in (torch.bool, torch.uint8, torch.uint16, torch.uint32, torch.uint64):
        return x
    return torch.abs(x)


@keras_op
def abs(x):
    """Shorthand for `keras.ops.absolute`."""
    return absolute.__wrapped__(x)


@keras_op
def fabs(x):
    """Compute the absolute values element-wise, as floats.

    Integer or boolean inputs are promoted to the default floating-point type. Complex values
    are not supported.

    Args:
        x: Input tensor.

    Returns:
        An array containing the absolute value of each element in `x`.
    """
    x = to_tensor(x)
    if x.dtype in op_utils.COMPLEX:
        raise TypeError(f"fabs does not support complex inputs. Received: x.dtype={x.dtype}")
    return torch.abs(to_float(x))


@keras_op
def sign(x):
    """Returns a tensor with the signs of the elements of `x`.

    Args:
        x: Input tensor.

    Returns:
        Output tensor of same shape as `x`.
    """
    x = to_tensor(x)
    if x.dtype in op_utils.COMPLEX:
        return torch.sgn(x)
    return torch.sign(x)


@keras_op
def signbit(x):
    """Return the sign bit of the elements of `x`.

    Args:
        x: Input tensor.

    Returns:
        Output boolean tensor, `True` where the sign bit is set (negative numbers and `-0.0`).
    """
    x = to_tensor(x)
    if x.dtype == torch.bool:
        return torch.zeros_like(x)
    if not op_utils.is_float(x.dtype):
        return x < 0
    return torch.signbit(x)


# -- float-valued unary math ---------------------------------------------------------------------
def _float_unary(torch_fn, name, summary):
    def fn(x):
        return torch_fn(to_float(x))

    fn.__name__ = name
    fn.__qualname__ = name
    fn.__doc__ = (
        f"{summary}\n\n    Integer and boolean inputs are computed in `floatx()`.\n\n"
        "    Args:\n        x: Input tensor.\n\n    Returns:\n        Output tensor.\n"
    )
    return keras_op(fn)


arccos = _float_unary(torch.arccos, "arccos", "Trigonometric inverse cosine, element-wise.")
arccosh = _float_unary(torch.arccosh, "arccosh", "Inverse hyperbolic cosine, element-wise.")
arcsin = _float_unary(torch.arcsin, "arcsin", "Inverse sine, element-wise.")
arcsinh = _float_unary(torch.arcsinh, "arcsinh", "Inverse hyperbolic sine, element-wise.")
arctan = _float_unary(torch.arctan, "arctan", "Trigonometric inverse tangent, element-wise.")
arctanh = _float_unary(torch.arctanh, "arctanh", "Inverse hyperbolic tangent, element-wise.")
cos = _float_unary(torch.cos, "cos", "Cosine, element-wise.")
cosh = _float_unary(torch.cosh, "cosh", "Hyperbolic cosine, element-wise.")
sin = _float_unary(torch.sin, "sin", "Trigonometric sine, element-wise.")
sinh = _float_unary(torch.sinh, "sinh", "Hyperbolic sine, element-wise.")
tan = _float_unary(torch.tan, "tan", "Compute tangent, element-wise.")
tanh = _float_unary(torch.tanh, "tanh", "Hyperbolic tangent, element-wise.")
exp = _float_unary(
    torch.exp, "exp", "Calculate the exponential of all elements in the input tensor."
)
exp2 = _float_unary(torch.exp2, "exp2", "Calculate the base-2 exponential of all elements.")
expm1 = _float_unary(torch.expm1, "expm1", "Calculate `exp(x) - 1` for all elements in the tensor.")
log = _float_unary(torch.log, "log", "Natural logarithm, element-wise.")
log10 = _float_unary(
    torch.log10, "log10", "Return the base 10 logarithm of the input tensor, element-wise."
)
log1p = _float_unary(
    torch.log1p, "log1p", "Returns the natural logarithm of one plus `x`, element-wise."
)
log2 = _float_unary(torch.log2, "log2", "Base-2 logarithm of `x`, element-wise.")
ceil = _float_unary(torch.ceil, "ceil", "Return the ceiling of the input, element-wise.")
floor = _float_unary(torch.floor, "floor", "Return the floor of the input, element-wise.")


def _float64_for_int64(x):
    """`x` as a float tensor: int64 becomes float64, other ints and bools `floatx()`."""
    x = to_tensor(x)
    if x.dtype == torch.int64:
        return x.to(torch.float64)
    return to_float(x)


@keras_op
def cbrt(x):
    """Computes the cube root of the input tensor, element-wise.

    Args:
        x: Input tensor.

    Returns:
        A tensor with the cube root of `x`.
    """
    x = _float64_for_int64(x)
    return torch.sign(x) * torch.pow(torch.abs(x), 1.0 / 3.0)


@keras_op
def deg2rad(x):
    """Convert angles from degrees to radians.

    Args:
        x: Input tensor of angles in degrees.

    Returns:
        A tensor containing angles converted to radians.
    """
    x = _float64_for_int64(x)
    return x * (math.pi / 180.0)


@keras_op
def rad2deg(x):
    """Convert angles from radians to degrees.

    Args:
        x: Input tensor of angles in radians.

    Returns:
        A tensor containing angles converted to degrees.
    """
    x = _float64_for_int64(x)
    return x * (180.0 / math.pi)


@keras_op
def i0(x):
    """Modified Bessel function of the first kind, order 0, element-wise.

    Args:
        x: Input tensor.

    Returns:
        Output tensor.
    """
    x = to_tensor(x)
    if x.dtype in (torch.int64, torch.float64):
        x = x.to(torch.float64)
    elif x.dtype not in (torch.float16, torch.bfloat16):
        x = x.to(op_utils.floatx_torch())
    if x.dtype in (torch.float16, torch.bfloat16):
        return torch.special.i0(x.float()).to(x.dtype)
    return torch.special.i0(x)


@keras_op
def sinc(x):
    """Return the normalized sinc function, `sin(pi * x) / (pi * x)`.

    Args:
        x: Input tensor.

    Returns:
        Output tensor.
    """
    return torch.sinc(to_float(x))


@keras_op
def angle(x):
    """Element-wise angle of a complex tensor (`0` or `pi` for real inputs).

    Args:
        x: Input tensor.

    Returns:
        Output tensor of angles in radians.
    """
    return torch.angle(to_float(x))


@keras_op
def round(x, decimals=0):
    """Evenly round to the given number of decimals (halves to even, as NumPy).

    Args:
        x: Input tensor.
        decimals: Number of decimal places to round to. Defaults to `0`.

    Returns:
        Output tensor.
    """
    x = to_tensor(x)
    if not op_utils.is_float(x.dtype):
        if decimals >= 0:
            return x
        # Negative decimals round integers through floats, as Keras does.
        factor = 10.0**decimals
        y = torch.round(x.to(op_utils.floatx_torch()) * factor) / factor
        return y.to(x.dtype)
    if decimals == 0:
        return torch.round(x)
    factor = 10.0**decimals
    return torch.round(x * factor) / factor


@keras_op
def trunc(x):
    """Return the truncated value of the input, element-wise (toward zero).

    Args:
        x: Input tensor.

    Returns:
        The truncated value of each element in `x`.
    """
    x = to_tensor(x)
    if not op_utils.is_float(x.dtype):
        return x
    return torch.trunc(x)


@keras_op
def clip(x, x_min, x_max):
    """Clip (limit) the values in a tensor.

    Args:
        x: Input tensor.
        x_min: Minimum value.
        x_max: Maximum value.

    Returns:
        The clipped tensor.
    """
    x = to_tensor(x)
    if x.dtype == torch.bool:
        x = x.to(torch.int32)
    if isinstance(x_min, _Tensor) or isinstance(x_max, _Tensor):
        lo = None if x_min is None else to_tensor(x_min, x.dtype)
        hi = None if x_max is None else to_tensor(x_max, x.dtype)
        return torch.clamp(x, lo, hi)
    if not op_utils.is_float(x.dtype):
        # An integer tensor keeps its dtype: the bounds are converted to integers.
        x_min = None if x_min is None else int(np.asarray(x_min).astype(np.int64))
        x_max = None if x_max is None else int(np.asarray(x_max).astype(np.int64))
    else:
        x_min = None if x_min is None else float(np.asarray(x_min))
        x_max = None if x_max is None else float(np.asarray(x_max))
    return torch.clamp(x, x_min, x_max)


@keras_op
def nan_to_num(x, nan=0.0, posinf=None, neginf=None):
    """Replace NaN with zero and infinity with large finite numbers.

    Args:
        x: Input data.
        nan: Value to replace `NaN` entries with. Defaults to `0.0`.
        posinf: Value to replace positive infinity with. Defaults to the largest finite value
            of the dtype.
        neginf: Value to replace negative infinity with. Defaults to the smallest finite value
            of the dtype.

    Returns:
        `x`, with non-finite values replaced.
    """
    x = to_tensor(x)
    if not (op_utils.is_float(x.dtype) or x.dtype in op_utils.COMPLEX):
        return x
    return torch.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)


# -- complex -----------------------------------------------------------------------------------
@keras_op
def conjugate(x):
    """Returns the complex conjugate, element-wise.

    `keras.ops.conj` is a shorthand for this function.

    Args:
        x: Input tensor.

    Returns:
        The complex conjugate of each element in `x`.
    """
    x = to_tensor(x)
    if x.dtype in op_utils.COMPLEX:
        return torch.conj_physical(x)
    return x


@keras_op
def conj(x):
    """Shorthand for `keras.ops.conjugate`."""
    return conjugate.__wrapped__(x)


@keras_op
def real(x):
    """Return the real part of the complex argument.

    Args:
        x: Input tensor.

    Returns:
        The real component of the complex argument.
    """
    x = to_tensor(x)
    if x.dtype in op_utils.COMPLEX:
        return torch.real(x).clone()
    return x


@keras_op
def imag(x):
    """Return the imaginary part of the complex argument.

    Args:
        x: Input tensor.

    Returns:
        The imaginary component of the complex argument (zeros for real inputs).
    """
    x = to_tensor(x)
    if x.dtype in op_utils.COMPLEX:
        return torch.imag(x).clone()
    return torch.zeros_like(x)


# -- binary math ---------------------------------------------------------------------------------
@keras_op
def maximum(x1, x2):
    """Element-wise maximum of `x1` and `x2` (NaNs propagate).

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        Output tensor, element-wise maximum of `x1` and `x2`.
    """
    x1, x2 = promote(x1, x2)
    return torch.maximum(x1, x2)


@keras_op
def minimum(x1, x2):
    """Element-wise minimum of `x1` and `x2` (NaNs propagate).

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        Output tensor, element-wise minimum of `x1` and `x2`.
    """
    x1, x2 = promote(x1, x2)
    return torch.minimum(x1, x2)


@keras_op
def fmax(x1, x2):
    """Element-wise maximum of array elements, ignoring NaNs.

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        Output tensor, element-wise maximum of `x1` and `x2`.
    """
    x1, x2 = promote(x1, x2)
    return torch.fmax(x1, x2)


@keras_op
def fmin(x1, x2):
    """Element-wise minimum of array elements, ignoring NaNs.

    Args:
        x1: First tensor.
        x2: Second tensor.

    Returns:
        Output tensor, element-wise minimum of `x1` and `x2`.
    """
    x1, x2 = promote(x1, x2)
    return torch.fmin(x1, x2)


@keras_op
def arctan2(x1, x2):
    """Element-wise arc tangent of `x1/x2` choosing the quadrant correctly.

    Args:
        x1: First input tensor (the y-coordinates).
        x2: Second input tensor (the x-coordinates).

    Returns:
        Tensor of angles in radians, in the range `[-pi, pi]`.
    """
    x1, x2 = promote(x1, x2, extra=float)
    return torch.atan2(x1, x2)


@keras_op
def hypot(x1, x2):
    """Element-wise `sqrt(x1**2 + x2**2)`.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        A tensor with the hypotenuse of the triangle.
    """
    x1, x2 = _promote_int64_to_float64(x1, x2)
    return torch.hypot(x1, x2)


def _promote_int64_to_float64(x1, x2):
    x1, x2 = promote(x1, x2)
    if x1.dtype == torch.int64:
        return x1.to(torch.float64), x2.to(torch.float64)
    if not op_utils.is_float(x1.dtype):
        target = op_utils.floatx_torch()
        return x1.to(target), x2.to(target)
    return x1, x2


@keras_op
def heaviside(x1, x2):
    """Heaviside step function: `0` where `x1 < 0`, `1` where `x1 > 0`, `x2` where `x1 == 0`.

    Args:
        x1: Input values.
        x2: The value of the function when `x1` is 0.

    Returns:
        A tensor, the output of the Heaviside step function.
    """
    x1, x2 = _promote_int64_to_float64(x1, x2)
    return torch.heaviside(x1, x2)


@keras_op
def logaddexp(x1, x2):
    """Logarithm of the sum of exponentiations of the inputs, `log(exp(x1) + exp(x2))`.

    Args:
        x1: Input tensor.
        x2: Input tensor.

    Returns:
        Output tensor, element-wise logarithm of the sum of exponentiations.
    """
    x1, x2 = promote(x1, x2, extra=float)
    return torch.logaddexp(x1, x2)


@keras_op
def logaddexp2(x1, x2):
    """Base-2 logarithm of the sum of exponentiations of the inputs.

    Args:
        x1: Input tensor.
        x2: Input tensor.

    Returns:
        Output tensor, element-wise `log2(2**x1 + 2**x2)`.
    """
    x1, x2 = promote(x1, x2, extra=float)
    return torch.logaddexp2(x1, x2)


@keras_op
def ldexp(x1, x2):
    """Multiply `x1` by 2 raised to the power of `x2`, element-wise.

    Args:
        x1: Input tensor of mantissas.
        x2: Integer tensor of exponents.

    Returns:
        Output tensor, `x1 * 2**x2`.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    if not op_utils.is_int(x2.dtype):
        raise TypeError(
            f"ldexp exponent must be an integer type. Received: x2 dtype={op_utils.name(x2.dtype)}"
        )
    target = op_utils.result_dtype(x1, x2, float)
    x1 = x1.to(target)
    return x1 * torch.pow(torch.tensor(2.0, dtype=target, device=x1.device), x2.to(target))


@keras_op
def nextafter(x1, x2):
    """Return the next floating-point value after `x1` towards `x2`, element-wise.

    Args:
        x1: Values to find the next representable value of.
        x2: The direction where to look for the next representable value of `x1`.

    Returns:
        Output tensor.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    target = op_utils.result_dtype(x1, x2, float)
    # The step is taken in float64 (as Keras does), then rounded to the result dtype.
    return torch.nextafter(x1.to(torch.float64), x2.to(torch.float64)).to(target)


@keras_op
def gcd(x1, x2):
    """Greatest common divisor of `|x1|` and `|x2|`, element-wise.

    Args:
        x1: First input tensor (integer type).
        x2: Second input tensor (integer type).

    Returns:
        Output tensor, element-wise greatest common divisor.
    """
    x1, x2 = promote(x1, x2)
    if not op_utils.is_int(x1.dtype):
        raise TypeError("Arguments to gcd must be integers.")
    return torch.gcd(x1, x2)


@keras_op
def lcm(x1, x2):
    """Lowest common multiple of `|x1|` and `|x2|`, element-wise.

    Args:
        x1: First input tensor (integer type).
        x2: Second input tensor (integer type).

    Returns:
        Output tensor, element-wise lowest common multiple.
    """
    x1 = to_tensor(x1)
    x2 = to_tensor(x2)
    if not (op_utils.is_int(x1.dtype) and op_utils.is_int(x2.dtype)):
        raise TypeError(
            "Arguments to lcm must be integers. Received: "
            f"x1.dtype={op_utils.name(x1.dtype)}, x2.dtype={op_utils.name(x2.dtype)}"
        )
    x1, x2 = promote(x1, x2)
    return torch.lcm(x1, x2)


# -- comparisons ----------------------------------------------------------------------------------
def _comparison(torch_fn, name, summary):
    def fn(x1, x2):
        x1, x2 = promote(x1, x2, scalars=True)
        if not isinstance(x1, _Tensor):
            x1 = torch.tensor(x1, dtype=x2.dtype, device=x2.device)
        return torch_fn(x1, x2)

    fn.__name__ = name
    fn.__qualname__ = name
    fn.__doc__ = (
        f"{summary}\n\n    Args:\n        x1: First input tensor.\n        x2: Second input "
        "tensor.\n\n    Returns:\n        Output boolean tensor.\n"
    )
    return keras_op(fn)


equal = _comparison(torch.eq, "equal", "Returns `(x1 == x2)` element-wise.")
not_equal = _comparison(torch.ne, "not_equal", "Return `(x1 != x2)` element-wise.")
greater = _comparison(torch.gt, "greater", "Return the truth value of `x1 > x2` element-wise.")
greater_equal = _comparison(
    torch.ge, "greater_equal", "Return the truth value of `x1 >= x2` element-wise."
)
less = _comparison(torch.lt, "less", "Return the truth value of `x1 < x2` element-wise.")
less_equal = _comparison(
    torch.le, "less_equal", "Return the truth value of `x1 <= x2` element-wise."
)


@keras_op
def isclose(x1, x2, rtol=1e-5, atol=1e-8, equal_nan=False):
    """Return whether two tensors are element-wise almost equal.

    Args:
        x1: First input tensor.
        x2: Second input tensor.
        rtol: Relative tolerance. Defaults to `1e-5`.
        atol: Absolute tolerance. Defaults to `1e-8`.
        equal_nan: If `True`, element-wise NaNs are considered equal. Defaults to `False`.

    Returns:
        Output boolean tensor.
    """
    x1, x2 = promote(x1, x2)
    if not op_utils.is_float(x1.dtype):
        return torch.eq(x1, x2)
    result = torch.abs(x1 - x2) <= (atol + rtol * torch.abs(x2))
    if equal_nan:
        result = result | (torch.isnan(x1) & torch.isnan(x2))
    return result


@keras_op
def allclose(x1, x2, rtol=1e-5, atol=1e-8, equal_nan=False):
    """Whether two tensors are element-wise equal within a tolerance.

    Args:
        x1: First input tensor.
        x2: Second input tensor.
        rtol: Relative tolerance. Defaults to `1e-5`.
        atol: Absolute tolerance. Defaults to `1e-8`.
        equal_nan: If `True`, element-wise NaNs are considered equal. Defaults to `False`.

    Returns:
        A boolean scalar tensor.
    """
    x1, x2 = promote(x1, x2)
    if not op_utils.is_float(x1.dtype):
        return torch.all(torch.eq(x1, x2))
    close = (
        torch.isfinite(x1)
        & torch.isfinite(x2)
        & (torch.abs(x1 - x2) <= atol + rtol * torch.abs(x2))
    )
    result = close | torch.eq(x1, x2)
    if equal_nan:
        result = result | (torch.isnan(x1) & torch.isnan(x2))
    return torch.all(result)


def _float_predicate(torch_fn, name, summary, default):
    def fn(x):
        x = to_tensor(x)
        if not (op_utils.is_float(x.dtype) or x.dtype in op_utils.COMPLEX):
            return torch.full(x.shape, default, dtype=torch.bool, device=x.device)
        return torch_fn(x)

    fn.__name__ = name
    fn.__qualname__ = name
    fn.__doc__ = (
        f"{summary}\n\n    Args:\n        x: Input tensor.\n\n    Returns:\n"
        "        Output boolean tensor.\n"
    )
    return keras_op(fn)


isfinite = _float_predicate(
    torch.isfinite, "isfinite", "Return whether a tensor is finite, element-wise.", True
)
isinf = _float_predicate(
    torch.isinf, "isinf", "Test element-wise for positive or negative infinity.", False
)
isnan = _float_predicate(torch.isnan, "isnan", "Test element-wise for NaN.", False)
isneginf = _float_predicate(
    torch.isneginf, "isneginf", "Test element-wise for negative infinity.", False
)
isposinf = _float_predicate(
    torch.isposinf, "isposinf", "Test element-wise for positive infinity.", False
)


@keras_op
def isreal(x):
    """Test element-wise for real numbers (a zero imaginary part).

    Args:
        x: Input tensor.

    Returns:
        Output boolean tensor.
    """
    x = to_tensor(x)
    if x.dtype in op_utils.COMPLEX:
        return torch.imag(x) == 0
    return torch.ones(x.shape, dtype=torch.bool, device=x.device)


# -- logic -----------------------------------------------------------------------------------------
def _as_bool(x):
    x = to_tensor(x)
    return x if x.dtype == torch.bool else x != 0


@keras_op
def logical_and(x1, x2):
    """Computes the element-wise logical AND of the given input tensors.

    Zeros are treated as `False` and non-zeros are treated as `True`.

    Args:
        x1: Input tensor.
        x2: Input tensor.

    Returns:
        Output tensor, element-wise logical AND of the inputs.
    """
    return torch.logical_and(_as_bool(x1), _as_bool(x2))


@keras_op
def logical_or(x1, x2):
    """Computes the element-wise logical OR of the given input tensors.

    Args:
        x1: Input tensor.
        x2: Input tensor.

    Returns:
        Output tensor, element-wise logical OR of the inputs.
    """
    return torch.logical_or(_as_bool(x1), _as_bool(x2))


@keras_op
def logical_xor(x1, x2):
    """Compute the truth value of `x1 XOR x2`, element-wise.

    Args:
        x1: First input tensor.
        x2: Second input tensor.

    Returns:
        Output boolean tensor.
    """
    return torch.logical_xor(_as_bool(x1), _as_bool(x2))


@keras_op
def logical_not(x):
    """Computes the element-wise NOT of the given input tensor.

    Args:
        x: Input tensor.

    Returns:
        Output tensor, element-wise logical NOT of the input.
    """
    return torch.logical_not(_as_bool(x))


# -- bits ------------------------------------------------------------------------------------------
def _int_operands(x, y):
    x, y = promote(x, y)
    return x, y


@keras_op
def bitwise_and(x, y):
    """Compute the bit-wise AND of two tensors element-wise.

    Args:
        x: Input integer tensor.
        y: Input integer tensor.

    Returns:
        Result tensor.
    """
    x, y = _int_operands(x, y)
    return torch.bitwise_and(x, y)


@keras_op
def bitwise_or(x, y):
    """Compute the bit-wise OR of two tensors element-wise.

    Args:
        x: Input integer tensor.
        y: Input integer tensor.

    Returns:
        Result tensor.
    """
    x, y = _int_operands(x, y)
    return torch.bitwise_or(x, y)


@keras_op
def bitwise_xor(x, y):
    """Compute the bit-wise XOR of two tensors element-wise.

    Args:
        x: Input integer tensor.
        y: Input integer tensor.

    Returns:
        Result tensor.
    """
    x, y = _int_operands(x, y)
    return torch.bitwise_xor(x, y)


@keras_op
def bitwise_invert(x):
    """Compute bit-wise inversion, or bit-wise NOT, element-wise.

    Args:
        x: Input integer tensor.

    Returns:
        Result tensor.
    """
    return torch.bitwise_not(to_tensor(x))


@keras_op
def bitwise_not(x):
    """Compute bit-wise inversion, or bit-wise NOT, element-wise."""
    return torch.bitwise_not(to_tensor(x))


def _shift(torch_fn, x, y):
    x = to_tensor(x)
    if isinstance(y, int) and not isinstance(y, bool):
        return torch_fn(x, y)
    x, y = promote(x, y)
    return torch_fn(x, y)


@keras_op
def bitwise_left_shift(x, y):
    """Shift the bits of an integer to the left.

    Args:
        x: Input integer tensor.
        y: Input integer tensor (the shift amounts).

    Returns:
        Result tensor.
    """
    return _shift(torch.bitwise_left_shift, x, y)


@keras_op
def left_shift(x, y):
    """Shift the bits of an integer to the left (alias of `bitwise_left_shift`)."""
    return _shift(torch.bitwise_left_shift, x, y)


@keras_op
def bitwise_right_shift(x, y):
    """Shift the bits of an integer to the right.

    Args:
        x: Input integer tensor.
        y: Input integer tensor (the shift amounts).

    Returns:
        Result tensor.
    """
    return _shift(torch.bitwise_right_shift, x, y)


@keras_op
def right_shift(x, y):
    """Shift the bits of an integer to the right (alias of `bitwise_right_shift`)."""
    return _shift(torch.bitwise_right_shift, x, y)
