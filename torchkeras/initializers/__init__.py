"""`keras.initializers`: weight initializers, and `get`/`serialize`/`deserialize` by name."""

from torchkeras.initializers.catalogue import deserialize
from torchkeras.initializers.catalogue import get
from torchkeras.initializers.catalogue import serialize
from torchkeras.initializers.constant_initializers import STFT
from torchkeras.initializers.constant_initializers import Constant
from torchkeras.initializers.constant_initializers import Identity
from torchkeras.initializers.constant_initializers import Ones
from torchkeras.initializers.constant_initializers import Zeros
from torchkeras.initializers.initializer import Initializer
from torchkeras.initializers.random_initializers import Orthogonal
from torchkeras.initializers.random_initializers import RandomNormal
from torchkeras.initializers.random_initializers import RandomUniform
from torchkeras.initializers.random_initializers import TruncatedNormal
from torchkeras.initializers.variance_scaling import GlorotNormal
from torchkeras.initializers.variance_scaling import GlorotUniform
from torchkeras.initializers.variance_scaling import HeNormal
from torchkeras.initializers.variance_scaling import HeUniform
from torchkeras.initializers.variance_scaling import LecunNormal
from torchkeras.initializers.variance_scaling import LecunUniform
from torchkeras.initializers.variance_scaling import VarianceScaling

# The snake_case and legacy names Keras exports for the same classes.
constant = Constant
glorot_normal = GlorotNormal
glorot_uniform = GlorotUniform
he_normal = HeNormal
he_uniform = HeUniform
identity = Identity
IdentityInitializer = Identity
lecun_normal = LecunNormal
lecun_uniform = LecunUniform
ones = Ones
orthogonal = Orthogonal
OrthogonalInitializer = Orthogonal
random_normal = RandomNormal
random_uniform = RandomUniform
stft = STFT
STFTInitializer = STFT
truncated_normal = TruncatedNormal
variance_scaling = VarianceScaling
zeros = Zeros

__all__ = [
    "Constant",
    "GlorotNormal",
    "GlorotUniform",
    "HeNormal",
    "HeUniform",
    "Identity",
    "IdentityInitializer",
    "Initializer",
    "LecunNormal",
    "LecunUniform",
    "Ones",
    "Orthogonal",
    "OrthogonalInitializer",
    "RandomNormal",
    "RandomUniform",
    "STFT",
    "STFTInitializer",
    "TruncatedNormal",
    "VarianceScaling",
    "Zeros",
    "constant",
    "deserialize",
    "get",
    "glorot_normal",
    "glorot_uniform",
    "he_normal",
    "he_uniform",
    "identity",
    "lecun_normal",
    "lecun_uniform",
    "ones",
    "orthogonal",
    "random_normal",
    "random_uniform",
    "serialize",
    "stft",
    "truncated_normal",
    "variance_scaling",
    "zeros",
]
