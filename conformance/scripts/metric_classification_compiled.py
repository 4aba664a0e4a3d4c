"""Threshold and F-score metrics in `compile(metrics=...)`: `fit` history and `evaluate`.

A binary head with AUC (ROC and PR), Precision, Recall, PrecisionAtRecall and the counts, as
objects and as names; a multi-class head with F1Score, top-k Precision and OneHotMeanIoU; a
weighted metric with `sample_weight`.
"""

import numpy as np

import keras
from keras import layers

SEED = 1105
rng = np.random.default_rng(SEED)

x = rng.normal(size=(40, 5)).astype("float32")
labels = rng.integers(0, 3, size=40)
y_binary = (labels == 0).astype("float32")[:, None]
sample_weight = rng.random(40).astype("float32")


def model_with(units, activation):
    model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(units, activation=activation)])
    model.set_weights(
        [
            rng.normal(0.0, 0.8, size=(5, units)).astype("float32"),
            rng.normal(0.0, 0.1, size=(units,)).astype("float32"),
        ]
    )
    return model


binary = model_with(1, "sigmoid")
binary.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.2),
    loss="binary_crossentropy",
    metrics=[
        keras.metrics.AUC(name="roc_auc"),
        keras.metrics.AUC(curve="PR", name="pr_auc"),
        keras.metrics.Precision(name="precision"),
        keras.metrics.Recall(thresholds=0.3, name="recall"),
        keras.metrics.PrecisionAtRecall(0.5, name="p_at_r"),
        keras.metrics.TruePositives(name="tp"),
        keras.metrics.FalseNegatives(name="fn"),
        "auc",
    ],
    weighted_metrics=[keras.metrics.AUC(name="weighted_auc")],
)
binary_history = binary.fit(
    x, y_binary, sample_weight=sample_weight, epochs=2, batch_size=16, shuffle=False, verbose=0
)

multi = model_with(3, "softmax")
multi.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.2),
    loss="categorical_crossentropy",
    metrics=[
        keras.metrics.F1Score(average="macro", name="f1"),
        keras.metrics.FBetaScore(average="weighted", beta=2.0, name="f2"),
        keras.metrics.Precision(top_k=2, name="precision_top_2"),
        keras.metrics.OneHotMeanIoU(num_classes=3, name="miou"),
        keras.metrics.AUC(multi_label=True, name="ml_auc"),
    ],
)
one_hot = np.eye(3, dtype="float32")[labels]
multi_history = multi.fit(x, one_hot, epochs=2, batch_size=16, shuffle=False, verbose=0)

results = {
    "binary": {
        "history": binary_history.history,
        "evaluate": binary.evaluate(x, y_binary, return_dict=True, verbose=0),
        "evaluate_weighted": binary.evaluate(
            x, y_binary, sample_weight=sample_weight, batch_size=8, return_dict=True, verbose=0
        ),
        "metrics_names": binary.metrics_names,
    },
    "multi": {
        "history": multi_history.history,
        "evaluate": multi.evaluate(x, one_hot, batch_size=12, return_dict=True, verbose=0),
    },
}
