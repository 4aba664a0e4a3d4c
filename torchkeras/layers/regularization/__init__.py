"""`keras.layers`: the regularization family."""

from torchkeras.layers.regularization.activity_regularization import ActivityRegularization
from torchkeras.layers.regularization.alpha_dropout import AlphaDropout
from torchkeras.layers.regularization.dropout import Dropout
from torchkeras.layers.regularization.gaussian_dropout import GaussianDropout
from torchkeras.layers.regularization.gaussian_noise import GaussianNoise
from torchkeras.layers.regularization.spatial_dropout import SpatialDropout1D
from torchkeras.layers.regularization.spatial_dropout import SpatialDropout2D
from torchkeras.layers.regularization.spatial_dropout import SpatialDropout3D

__all__ = [
    "ActivityRegularization",
    "AlphaDropout",
    "Dropout",
    "GaussianDropout",
    "GaussianNoise",
    "SpatialDropout1D",
    "SpatialDropout2D",
    "SpatialDropout3D",
]
