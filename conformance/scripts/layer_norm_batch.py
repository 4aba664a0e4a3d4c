"""BatchNormalization: training vs inference, moving statistics (biased variance), axis=1,
masks, center/scale off, batch renormalization, `trainable=False` (inference mode), and a
small model trained with `fit`."""

import numpy as np

import keras
from keras import layers

SEED = 1321
rng = np.random.default_rng(SEED)


def injected(layer, shape):
    x = rng.normal(1.0, 2.0, size=shape).astype("float32")
    layer(x)
    layer.set_weights(
        [rng.uniform(0.5, 1.5, size=w.shape).astype("float32") for w in layer.get_weights()]
    )
    return x


def run(layer, x, mask=None):
    """Two training calls, then an inference call; outputs and the moving statistics."""
    kwargs = {} if mask is None else {"mask": mask}
    first = keras.ops.convert_to_numpy(layer(x, training=True, **kwargs))
    layer(x * 0.5 + 1.0, training=True, **kwargs)
    return {
        "training": first,
        "inference": keras.ops.convert_to_numpy(layer(x, training=False, **kwargs)),
        "weights": layer.get_weights(),
    }


results = {}
bn = layers.BatchNormalization()
results["last_axis_4d"] = run(bn, injected(bn, (4, 3, 5, 6)))

bn = layers.BatchNormalization(axis=1, momentum=0.9, epsilon=1e-5)
results["axis1_4d"] = run(bn, injected(bn, (4, 6, 3, 5)))

bn = layers.BatchNormalization(center=False, scale=False)
results["dense_no_affine"] = run(bn, injected(bn, (8, 5)))

bn = layers.BatchNormalization()
x = injected(bn, (3, 6, 4))
mask = np.array([[1, 1, 1, 0, 0, 0], [1, 0, 1, 0, 1, 1], [1, 1, 1, 1, 1, 1]], dtype=bool)
results["masked_3d"] = run(bn, x, mask=mask)

bn = layers.BatchNormalization(renorm=True, renorm_clipping={"rmax": 1.5, "rmin": 0.7,
                                                             "dmax": 0.4})
results["renorm"] = run(bn, injected(bn, (8, 4)))

bn = layers.BatchNormalization()
x = injected(bn, (8, 4))
bn.trainable = False
results["frozen_is_inference"] = run(bn, x)

# In a trained model: batch statistics in `fit`, moving statistics in `predict`/`evaluate`.
x = rng.normal(size=(64, 5)).astype("float32")
y = rng.normal(size=(64, 2)).astype("float32")
model = keras.Sequential([
    keras.Input(shape=(5,)),
    layers.Dense(8),
    layers.BatchNormalization(momentum=0.8),
    layers.Activation("relu"),
    layers.Dense(2),
])
model.set_weights([
    rng.normal(0.0, 0.5, size=w.shape).astype("float32") if i not in (2, 3, 4, 5)
    else np.ones(w.shape, "float32") if i in (2, 5) else np.zeros(w.shape, "float32")
    for i, w in enumerate(model.get_weights())
])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")
history = model.fit(x, y, epochs=3, batch_size=16, shuffle=False, verbose=0)
results["fit"] = {
    "history": history.history,
    "weights": model.get_weights(),
    "predict": model.predict(x, verbose=0),
    "evaluate": model.evaluate(x, y, verbose=0),
}
