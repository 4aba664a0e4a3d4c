"""Dropout: identity at inference, scaled random mask in training.

Random masks cannot match across backends, so training is compared only with
`rate=0.0`, and the rate-0.5 layer is checked through inference outputs and
properties of its training output (kept values are scaled by 1/(1-rate)).
"""

import numpy as np

import keras
from keras import layers

SEED = 1024
rng = np.random.default_rng(SEED)

x = rng.normal(size=(40, 10)).astype("float32")
y = rng.normal(size=(40, 1)).astype("float32")


def build(rate):
    model = keras.Sequential(
        [
            keras.Input(shape=(10,)),
            layers.Dense(16, activation="relu"),
            layers.Dropout(rate),
            layers.Dense(1),
        ]
    )
    model.set_weights(
        [
            rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                       size=w.shape).astype("float32")
            for w in model.get_weights()
        ]
    )
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
    return model


# Inference: predict, evaluate and `training=False` ignore the dropout.
half = build(0.5)
inference = {
    "predict": half.predict(x, verbose=0),
    # Model outputs are backend tensors: convert them the portable way.
    "call_default": keras.ops.convert_to_numpy(half(x)),
    "call_training_false": keras.ops.convert_to_numpy(half(x, training=False)),
    "evaluate": half.evaluate(x, y, verbose=0),
}

# Training with rate 0 is deterministic and must match exactly.
zero = build(0.0)
history = zero.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)

# Properties of one training-mode call of a standalone layer.
big = rng.uniform(1.0, 2.0, size=(50, 40)).astype("float32")
dropped = np.asarray(layers.Dropout(0.5)(big, training=True))
kept = dropped != 0
results = {
    "inference": inference,
    "rate_zero": {"history": history.history, "weights": zero.get_weights()},
    "training_mask": {
        "kept_values_scaled": bool(np.allclose(dropped[kept], 2.0 * big[kept])),
        "kept_fraction_near_half": bool(abs(kept.mean() - 0.5) < 0.1),
        "inference_is_identity": bool(
            np.array_equal(np.asarray(layers.Dropout(0.5)(big)), big)
        ),
    },
}
