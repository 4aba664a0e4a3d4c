"""LayerNormalization, GroupNormalization, RMSNormalization and UnitNormalization outputs over
several axes, and a model using them trained with `fit`."""

import numpy as np

import keras
from keras import layers

SEED = 1322
rng = np.random.default_rng(SEED)

CASES = {
    "ln_last": (layers.LayerNormalization, dict(), (3, 4, 5)),
    "ln_axes_12": (layers.LayerNormalization, dict(axis=[1, 2]), (3, 4, 5)),
    "ln_axis1_eps": (layers.LayerNormalization, dict(axis=1, epsilon=1e-5), (3, 4, 5)),
    "ln_no_center": (layers.LayerNormalization, dict(center=False), (3, 6)),
    "gn_groups2": (layers.GroupNormalization, dict(groups=2), (3, 4, 5, 6)),
    "gn_instance": (layers.GroupNormalization, dict(groups=-1), (3, 5, 4)),
    "gn_axis1": (layers.GroupNormalization, dict(groups=3, axis=1, epsilon=1e-5), (3, 6, 4, 2)),
    "gn_dense": (layers.GroupNormalization, dict(groups=2, scale=False), (4, 6)),
    "rms_last": (layers.RMSNormalization, dict(), (3, 4, 5)),
    "rms_axes_12": (layers.RMSNormalization, dict(axis=[1, 2]), (3, 4, 5)),
    "unit_last": (layers.UnitNormalization, dict(), (3, 5)),
    "unit_axes_12": (layers.UnitNormalization, dict(axis=[1, 2]), (3, 4, 5)),
}

results = {}
for name, (cls, kwargs, shape) in CASES.items():
    layer = cls(**kwargs)
    x = rng.normal(1.0, 2.0, size=shape).astype("float32")
    layer(x)
    layer.set_weights(
        [rng.uniform(0.5, 1.5, size=w.shape).astype("float32") for w in layer.get_weights()]
    )
    results[name] = {
        "output": keras.ops.convert_to_numpy(layer(x)),
        "weight_shapes": [list(w.shape) for w in layer.get_weights()],
    }
results["unit_zeros"] = keras.ops.convert_to_numpy(
    layers.UnitNormalization()(np.zeros((2, 3), "float32"))
)

# Gradients through each normalization: a small model trained with SGD.
x = rng.normal(size=(32, 4, 6)).astype("float32")
y = rng.normal(size=(32, 2)).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(4, 6)),
    layers.Dense(8),
    layers.LayerNormalization(),
    layers.GroupNormalization(groups=4),
    layers.RMSNormalization(),
    layers.UnitNormalization(axis=[1, 2]),
    layers.Flatten(),
    layers.Dense(2),
])
model.set_weights([
    rng.normal(0.0, 0.5, size=w.shape).astype("float32") if w.ndim == 2
    else rng.uniform(0.5, 1.5, size=w.shape).astype("float32")
    for w in model.get_weights()
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
history = model.fit(x, y, epochs=3, batch_size=8, shuffle=False, verbose=0)
results["fit"] = {
    "history": history.history,
    "weights": model.get_weights(),
    "predict": model.predict(x, verbose=0),
}
