"""`keras.metrics`: stateful metrics accumulated on the device, metric functions and lookup."""

from torchkeras.losses.crossentropy_losses import binary_crossentropy
from torchkeras.losses.crossentropy_losses import categorical_crossentropy
from torchkeras.losses.crossentropy_losses import sparse_categorical_crossentropy
from torchkeras.losses.focal_losses import binary_focal_crossentropy
from torchkeras.losses.focal_losses import categorical_focal_crossentropy
from torchkeras.losses.hinge_losses import categorical_hinge
from torchkeras.losses.hinge_losses import hinge
from torchkeras.losses.hinge_losses import squared_hinge
from torchkeras.losses.probabilistic_losses import kl_divergence
from torchkeras.losses.probabilistic_losses import poisson
from torchkeras.losses.regression_losses import huber
from torchkeras.losses.regression_losses import log_cosh
from torchkeras.losses.regression_losses import mean_absolute_error
from torchkeras.losses.regression_losses import mean_absolute_percentage_error
from torchkeras.losses.regression_losses import mean_squared_error
from torchkeras.losses.regression_losses import mean_squared_logarithmic_error
from torchkeras.metrics.accuracy_metrics import Accuracy
from torchkeras.metrics.accuracy_metrics import BinaryAccuracy
from torchkeras.metrics.accuracy_metrics import CategoricalAccuracy
from torchkeras.metrics.accuracy_metrics import SparseCategoricalAccuracy
from torchkeras.metrics.accuracy_metrics import SparseTopKCategoricalAccuracy
from torchkeras.metrics.accuracy_metrics import TopKCategoricalAccuracy
from torchkeras.metrics.accuracy_metrics import binary_accuracy
from torchkeras.metrics.accuracy_metrics import categorical_accuracy
from torchkeras.metrics.accuracy_metrics import sparse_categorical_accuracy
from torchkeras.metrics.accuracy_metrics import sparse_top_k_categorical_accuracy
from torchkeras.metrics.accuracy_metrics import top_k_categorical_accuracy
from torchkeras.metrics.auc import AUC
from torchkeras.metrics.confusion_metrics import FalseNegatives
from torchkeras.metrics.confusion_metrics import FalsePositives
from torchkeras.metrics.confusion_metrics import Precision
from torchkeras.metrics.confusion_metrics import PrecisionAtRecall
from torchkeras.metrics.confusion_metrics import Recall
from torchkeras.metrics.confusion_metrics import RecallAtPrecision
from torchkeras.metrics.confusion_metrics import SensitivityAtSpecificity
from torchkeras.metrics.confusion_metrics import SpecificityAtSensitivity
from torchkeras.metrics.confusion_metrics import TrueNegatives
from torchkeras.metrics.confusion_metrics import TruePositives
from torchkeras.metrics.correlation_metrics import ConcordanceCorrelation
from torchkeras.metrics.correlation_metrics import PearsonCorrelation
from torchkeras.metrics.correlation_metrics import concordance_correlation
from torchkeras.metrics.correlation_metrics import pearson_correlation
from torchkeras.metrics.f_score_metrics import F1Score
from torchkeras.metrics.f_score_metrics import FBetaScore
from torchkeras.metrics.iou_metrics import BinaryIoU
from torchkeras.metrics.iou_metrics import IoU
from torchkeras.metrics.iou_metrics import MeanIoU
from torchkeras.metrics.iou_metrics import OneHotIoU
from torchkeras.metrics.iou_metrics import OneHotMeanIoU
from torchkeras.metrics.catalogue import deserialize
from torchkeras.metrics.catalogue import get
from torchkeras.metrics.catalogue import serialize
from torchkeras.metrics.hinge_metrics import CategoricalHinge
from torchkeras.metrics.hinge_metrics import Hinge
from torchkeras.metrics.hinge_metrics import SquaredHinge
from torchkeras.metrics.mean_relative_error import MeanRelativeError
from torchkeras.metrics.mean_tensor import MeanTensor
from torchkeras.metrics.metric import Metric
from torchkeras.metrics.probabilistic_metrics import BinaryCrossentropy
from torchkeras.metrics.probabilistic_metrics import CategoricalCrossentropy
from torchkeras.metrics.probabilistic_metrics import KLDivergence
from torchkeras.metrics.probabilistic_metrics import Poisson
from torchkeras.metrics.probabilistic_metrics import SparseCategoricalCrossentropy
from torchkeras.metrics.reduction_metrics import Mean
from torchkeras.metrics.reduction_metrics import MeanMetricWrapper
from torchkeras.metrics.reduction_metrics import Sum
from torchkeras.metrics.regression_metrics import CosineSimilarity
from torchkeras.metrics.regression_metrics import LogCoshError
from torchkeras.metrics.regression_metrics import MeanAbsoluteError
from torchkeras.metrics.regression_metrics import MeanAbsolutePercentageError
from torchkeras.metrics.regression_metrics import MeanSquaredError
from torchkeras.metrics.regression_metrics import MeanSquaredLogarithmicError
from torchkeras.metrics.regression_metrics import R2Score
from torchkeras.metrics.regression_metrics import RootMeanSquaredError

# tf.keras 2 names Keras 3 dropped (kept out of `__all__`, which lists Keras 3's names).
mse = MSE = mean_squared_error
mae = MAE = mean_absolute_error
mape = MAPE = mean_absolute_percentage_error
msle = MSLE = mean_squared_logarithmic_error
kld = KLD = kullback_leibler_divergence = kl_divergence
logcosh = log_cosh

__all__ = [
    "AUC",
    "Accuracy",
    "BinaryAccuracy",
    "BinaryCrossentropy",
    "BinaryIoU",
    "CategoricalAccuracy",
    "CategoricalCrossentropy",
    "CategoricalHinge",
    "ConcordanceCorrelation",
    "CosineSimilarity",
    "F1Score",
    "FBetaScore",
    "FalseNegatives",
    "FalsePositives",
    "Hinge",
    "IoU",
    "KLDivergence",
    "LogCoshError",
    "Mean",
    "MeanAbsoluteError",
    "MeanAbsolutePercentageError",
    "MeanIoU",
    "MeanMetricWrapper",
    "MeanSquaredError",
    "MeanSquaredLogarithmicError",
    "Metric",
    "OneHotIoU",
    "OneHotMeanIoU",
    "PearsonCorrelation",
    "Poisson",
    "Precision",
    "PrecisionAtRecall",
    "R2Score",
    "Recall",
    "RecallAtPrecision",
    "RootMeanSquaredError",
    "SensitivityAtSpecificity",
    "SparseCategoricalAccuracy",
    "SparseCategoricalCrossentropy",
    "SparseTopKCategoricalAccuracy",
    "SpecificityAtSensitivity",
    "SquaredHinge",
    "Sum",
    "TopKCategoricalAccuracy",
    "TrueNegatives",
    "TruePositives",
    "binary_accuracy",
    "binary_crossentropy",
    "binary_focal_crossentropy",
    "categorical_accuracy",
    "categorical_crossentropy",
    "categorical_focal_crossentropy",
    "categorical_hinge",
    "concordance_correlation",
    "deserialize",
    "get",
    "hinge",
    "huber",
    "kl_divergence",
    "log_cosh",
    "mean_absolute_error",
    "mean_absolute_percentage_error",
    "mean_squared_error",
    "mean_squared_logarithmic_error",
    "pearson_correlation",
    "poisson",
    "serialize",
    "sparse_categorical_accuracy",
    "sparse_categorical_crossentropy",
    "sparse_top_k_categorical_accuracy",
    "squared_hinge",
    "top_k_categorical_accuracy",
]
