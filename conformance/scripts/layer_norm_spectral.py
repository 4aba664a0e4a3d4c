"""SpectralNormalization around Dense and Conv2D: power iteration in training calls, the
kernel left alone in inference, and training with `fit`."""

import numpy as np

import keras
from keras import layers

SEED = 1323
rng = np.random.default_rng(SEED)

results = {}
for name, inner, shape in (
    ("dense", layers.Dense(3, name="dense"), (4, 5)),
    ("conv2d", layers.Conv2D(3, 2, name="conv"), (2, 5, 5, 2)),
):
    sn = layers.SpectralNormalization(inner, power_iterations=2, name=f"sn_{name}")
    x = rng.normal(size=shape).astype("float32")
    sn(x)
    # Weights: [kernel, vector_u, bias].
    sn.set_weights([rng.normal(size=w.shape).astype("float32") for w in sn.get_weights()])
    inference = keras.ops.convert_to_numpy(sn(x))
    first = keras.ops.convert_to_numpy(sn(x, training=True))
    second = keras.ops.convert_to_numpy(sn(x, training=True))
    results[name] = {
        "inference": inference,
        "training_1": first,
        "training_2": second,
        "weights": sn.get_weights(),
        "weight_paths": [w.path for w in sn.weights],
    }

x = rng.normal(size=(32, 6)).astype("float32")
y = rng.normal(size=(32, 1)).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(6,)),
    layers.SpectralNormalization(layers.Dense(4, activation="tanh"), name="sn"),
    layers.Dense(1),
])
model.set_weights([rng.normal(size=w.shape).astype("float32") for w in model.get_weights()])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
history = model.fit(x, y, epochs=2, batch_size=8, shuffle=False, verbose=0)
results["fit"] = {
    "history": history.history,
    "weights": model.get_weights(),
    "predict": model.predict(x, verbose=0),
}
