"""A functional model with two named inputs, fed as a list and as a dict."""

import numpy as np

import keras
from keras import layers

SEED = 1003
rng = np.random.default_rng(SEED)

xa = rng.normal(size=(48, 8)).astype("float32")
xb = rng.normal(size=(48, 5)).astype("float32")
y = rng.normal(size=(48, 3)).astype("float32")
xa_test = rng.normal(size=(20, 8)).astype("float32")
xb_test = rng.normal(size=(20, 5)).astype("float32")
y_test = rng.normal(size=(20, 3)).astype("float32")

input_a = keras.Input(shape=(8,), name="input_a")
input_b = keras.Input(shape=(5,), name="input_b")
branch_a = layers.Dense(16, activation="relu")(input_a)
branch_b = layers.Dense(16, activation="tanh")(input_b)
merged = layers.Concatenate()([branch_a, branch_b])
outputs = layers.Dense(3)(merged)
model = keras.Model(inputs=[input_a, input_b], outputs=outputs)

model.set_weights(
    [
        rng.normal(0.0, 1.0 / np.sqrt(w.shape[0]) if w.ndim == 2 else 0.1,
                   size=w.shape).astype("float32")
        for w in model.get_weights()
    ]
)
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.05), loss="mse")

history_list = model.fit(
    [xa, xb], y, epochs=2, batch_size=16, shuffle=False, verbose=0
)
# Dict keys are matched to the inputs by name, whatever their order.
history_dict = model.fit(
    {"input_b": xb, "input_a": xa},
    y,
    epochs=2,
    batch_size=16,
    shuffle=False,
    verbose=0,
)

results = {
    "history_list": history_list.history,
    "history_dict": history_dict.history,
    "evaluate_list": model.evaluate([xa_test, xb_test], y_test, verbose=0),
    "evaluate_dict": model.evaluate(
        {"input_a": xa_test, "input_b": xb_test}, y_test, verbose=0
    ),
    "predict_list": model.predict([xa_test, xb_test], verbose=0),
    "predict_dict": model.predict(
        {"input_b": xb_test, "input_a": xa_test}, verbose=0
    ),
    "weights": model.get_weights(),
}
