"""tf.keras 2 saving and loading: `.keras`, legacy `.h5`, and the extension-less `save("dir")`.

Also a tf.keras 2 legacy optimizer with `lr=` and `decay=`.
"""

import json
import os
import tempfile

import numpy as np
import tensorflow as tf

keras = tf.keras

rng = np.random.RandomState(11)
x = rng.normal(size=(200, 6)).astype("float32")
y = (np.sin(x[:, :1]) + x[:, 1:2] ** 2).astype("float32")

model = keras.models.Sequential([
    keras.layers.Dense(16, activation="relu", input_shape=(6,)),
    keras.layers.Dense(1),
])
model.set_weights([rng.normal(0, 0.3, w.shape).astype("float32") for w in model.get_weights()])
model.compile(optimizer=keras.optimizers.legacy.SGD(lr=0.05, decay=0.01, momentum=0.9), loss="mse")
history = model.fit(x, y, batch_size=20, epochs=4, shuffle=False, verbose=2)
reference = model.predict(x[:5], verbose=0)

workdir = tempfile.mkdtemp()
checks = {}
for name in ["model.keras", "model.h5", "saved_model_dir"]:
    path = os.path.join(workdir, name)
    model.save(path)
    restored = keras.models.load_model(path)
    checks[name] = bool(np.allclose(restored.predict(x[:5], verbose=0), reference, atol=1e-6))
checks["saved_model_dir_is_directory"] = os.path.isdir(os.path.join(workdir, "saved_model_dir"))
print("RESULTS " + json.dumps({
    "losses": [float(v) for v in history.history["loss"]],
    "values": {"predictions": [float(v) for v in reference.ravel()]},
    "checks": checks,
}))
