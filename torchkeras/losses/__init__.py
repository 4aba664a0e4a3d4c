"""`keras.losses`: loss classes, loss functions and their lookup."""

from torchkeras.losses.catalogue import deserialize
from torchkeras.losses.catalogue import get
from torchkeras.losses.catalogue import serialize
from torchkeras.losses.circle_loss import Circle
from torchkeras.losses.circle_loss import circle
from torchkeras.losses.crossentropy_losses import BinaryCrossentropy
from torchkeras.losses.crossentropy_losses import CategoricalCrossentropy
from torchkeras.losses.crossentropy_losses import SparseCategoricalCrossentropy
from torchkeras.losses.crossentropy_losses import binary_crossentropy
from torchkeras.losses.crossentropy_losses import categorical_crossentropy
from torchkeras.losses.crossentropy_losses import sparse_categorical_crossentropy
from torchkeras.losses.ctc_loss import CTC
from torchkeras.losses.ctc_loss import ctc
from torchkeras.losses.focal_losses import BinaryFocalCrossentropy
from torchkeras.losses.focal_losses import CategoricalFocalCrossentropy
from torchkeras.losses.focal_losses import binary_focal_crossentropy
from torchkeras.losses.focal_losses import categorical_focal_crossentropy
from torchkeras.losses.generalized_crossentropy import CategoricalGeneralizedCrossEntropy
from torchkeras.losses.generalized_crossentropy import categorical_generalized_cross_entropy
from torchkeras.losses.hinge_losses import CategoricalHinge
from torchkeras.losses.hinge_losses import Hinge
from torchkeras.losses.hinge_losses import SquaredHinge
from torchkeras.losses.hinge_losses import categorical_hinge
from torchkeras.losses.hinge_losses import hinge
from torchkeras.losses.hinge_losses import squared_hinge
from torchkeras.losses.loss import Loss
from torchkeras.losses.reduction import Reduction
from torchkeras.losses.loss_function_wrapper import LossFunctionWrapper
from torchkeras.losses.probabilistic_losses import KLDivergence
from torchkeras.losses.probabilistic_losses import Poisson
from torchkeras.losses.probabilistic_losses import kl_divergence
from torchkeras.losses.probabilistic_losses import poisson
from torchkeras.losses.regression_losses import CosineSimilarity
from torchkeras.losses.regression_losses import Huber
from torchkeras.losses.regression_losses import LogCosh
from torchkeras.losses.regression_losses import MeanAbsoluteError
from torchkeras.losses.regression_losses import MeanAbsolutePercentageError
from torchkeras.losses.regression_losses import MeanSquaredError
from torchkeras.losses.regression_losses import MeanSquaredLogarithmicError
from torchkeras.losses.regression_losses import cosine_similarity
from torchkeras.losses.regression_losses import huber
from torchkeras.losses.regression_losses import log_cosh
from torchkeras.losses.regression_losses import mean_absolute_error
from torchkeras.losses.regression_losses import mean_absolute_percentage_error
from torchkeras.losses.regression_losses import mean_squared_error
from torchkeras.losses.regression_losses import mean_squared_logarithmic_error
from torchkeras.losses.segmentation_losses import Dice
from torchkeras.losses.segmentation_losses import Tversky
from torchkeras.losses.segmentation_losses import dice
from torchkeras.losses.segmentation_losses import tversky

# tf.keras 2 short names.
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
kld = KLD = kl_divergence
kullback_leibler_divergence = kl_divergence
logcosh = log_cosh

__all__ = [
    "BinaryCrossentropy",
    "BinaryFocalCrossentropy",
    "CTC",
    "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy",
    "CategoricalGeneralizedCrossEntropy",
    "CategoricalHinge",
    "Circle",
    "CosineSimilarity",
    "Dice",
    "Hinge",
    "Huber",
    "KLD",
    "KLDivergence",
    "LogCosh",
    "Loss",
    "LossFunctionWrapper",
    "MAE",
    "MAPE",
    "MSE",
    "MSLE",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Poisson",
    "SparseCategoricalCrossentropy",
    "SquaredHinge",
    "Tversky",
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_generalized_cross_entropy",
    "categorical_hinge",
    "circle",
    "cosine_similarity",
    "ctc",
    "deserialize",
    "dice",
    "get",
    "hinge",
    "huber",
    "kl_divergence",
    "kld",
    "log_cosh",
    "mae",
    "mape",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "msle",
    "mse",
    "poisson",
    "serialize",
    "sparse_categorical_crossentropy",
    "squared_hinge",
    "tversky",
]
