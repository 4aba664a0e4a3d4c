"""The Keras README's first-steps example, verbatim, in both import styles."""

import numpy as np

import torchkeras as keras


def _data():
    rng = np.random.default_rng(0)
    x = rng.random((64, 20)).astype("float32")
    y = keras.utils.to_categorical(rng.integers(0, 10, 64), 10)
    return x, y


def test_readme_example_with_import_as_keras():
    x_train, y_train = _data()
    x_test, y_test = x_train[:16], y_train[:16]
    model = keras.Sequential()
    model.add(keras.layers.Dense(units=64, activation="relu"))
    model.add(keras.layers.Dense(units=10, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
    history = model.fit(x_train, y_train, epochs=5, batch_size=32, verbose=0)
    assert len(history.history["loss"]) == 5
    loss_and_metrics = model.evaluate(x_test, y_test, batch_size=128, verbose=0)
    assert len(loss_and_metrics) == 2
    classes = model.predict(x_test, batch_size=128, verbose=0)
    assert classes.shape == (16, 10)
    np.testing.assert_allclose(classes.sum(axis=1), np.ones(16), rtol=1e-5)


def test_readme_example_with_from_imports():
    from torchkeras.layers import Dense
    from torchkeras.models import Sequential

    x_train, y_train = _data()
    model = Sequential()
    model.add(Dense(units=64, activation="relu"))
    model.add(Dense(units=10, activation="softmax"))
    model.compile(loss="categorical_crossentropy", optimizer="sgd", metrics=["accuracy"])
    model.fit(x_train, y_train, epochs=5, batch_size=32, verbose=0)
    model.train_on_batch(x_train[:32], y_train[:32])
    assert model.evaluate(x_train, y_train, batch_size=128, verbose=0)[0] > 0
