import re

import numpy as np
import pytest
import torch

import torchkeras as keras
from torchkeras import layers


def linear_model(w=((1.0,), (2.0,)), b=(0.5,)):
    model = keras.Sequential([keras.Input((2,)), layers.Dense(1)])
    model.set_weights([np.array(w, "float32"), np.array(b, "float32")])
    return model


def numpy_sgd_mse(x, y, w, b, lr, batch_size):
    """Reference: Keras SGD on MSE, batch by batch; returns losses per batch and final weights."""
    losses, sizes = [], []
    for start in range(0, len(x), batch_size):
        xb, yb = x[start:start + batch_size], y[start:start + batch_size]
        err = xb @ w + b - yb
        losses.append(float(np.mean(err**2)))
        sizes.append(len(xb))
        grad_w = 2 * xb.T @ err / err.size
        grad_b = 2 * err.sum(0) / err.size
        w, b = w - lr * grad_w, b - lr * grad_b
    return losses, sizes, w, b


def test_fit_matches_sgd_maths(rng):
    x = rng.standard_normal((10, 2)).astype("float32")
    y = rng.standard_normal((10, 1)).astype("float32")
    model = linear_model()
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")
    history = model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
    losses, sizes, w, b = numpy_sgd_mse(
        x.astype("float64"), y.astype("float64"), np.array([[1.0], [2.0]]), np.array([0.5]),
        0.1, 4,
    )
    # The epoch loss is the mean of batch losses weighted by batch size (partial last batch).
    expected = np.average(losses, weights=sizes)
    np.testing.assert_allclose(history.history["loss"], [expected], rtol=1e-5)
    np.testing.assert_allclose(model.get_weights()[0], w, rtol=1e-5)
    np.testing.assert_allclose(model.get_weights()[1], b, rtol=1e-5)
    assert history.params == {"verbose": 0, "epochs": 1, "steps": 3}


def test_evaluate_predict_and_metric_order(rng):
    x = rng.standard_normal((6, 2)).astype("float32")
    y = (rng.random((6, 1)) > 0.5).astype("float32")
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    pred = x @ np.array([[1.0], [2.0]]) + 0.5
    loss, mae = model.evaluate(x, y, verbose=0)
    np.testing.assert_allclose(loss, np.mean((pred - y) ** 2), rtol=1e-5)
    np.testing.assert_allclose(mae, np.mean(np.abs(pred - y)), rtol=1e-5)
    logs = model.evaluate(x, y, verbose=0, return_dict=True)
    assert list(logs) == ["loss", "mae"]
    out = model.predict(x, batch_size=4, verbose=0)
    assert isinstance(out, np.ndarray)
    np.testing.assert_allclose(out, pred, rtol=1e-5)
    assert model.metrics_names == ["loss", "compile_metrics"]


def test_evaluate_only_loss_returns_scalar(rng):
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    result = model.evaluate(np.zeros((3, 2), "float32"), np.zeros((3, 1), "float32"), verbose=0)
    assert isinstance(result, float)
    assert result == pytest.approx(0.25)


def test_accuracy_resolves_by_shapes(rng):
    x = rng.standard_normal((8, 3)).astype("float32")
    sparse = rng.integers(0, 4, 8)
    model = keras.Sequential([keras.Input((3,)), layers.Dense(4, activation="softmax")])
    model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    logs = model.evaluate(x, sparse, verbose=0, return_dict=True)
    probs = model.predict(x, verbose=0)
    assert logs["accuracy"] == pytest.approx(np.mean(probs.argmax(1) == sparse))
    model.compile(optimizer="sgd", loss="categorical_crossentropy", metrics=["acc"])
    onehot = keras.utils.to_categorical(sparse, 4)
    logs = model.evaluate(x, onehot, verbose=0, return_dict=True)
    assert logs["acc"] == pytest.approx(np.mean(probs.argmax(1) == sparse))


def test_validation_split_uses_last_samples(rng):
    x = np.arange(20, dtype="float32").reshape(10, 2)
    y = np.arange(10, dtype="float32").reshape(10, 1)
    model = linear_model()
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")
    history = model.fit(x, y, validation_split=0.3, epochs=1, verbose=0, shuffle=False)
    pred = x @ np.array([[1.0], [2.0]]) + 0.5
    np.testing.assert_allclose(
        history.history["val_loss"], [np.mean((pred[7:] - y[7:]) ** 2)], rtol=1e-5
    )
    np.testing.assert_allclose(history.history["loss"], [np.mean((pred[:7] - y[:7]) ** 2)],
                               rtol=1e-5)


def test_sample_weight_and_class_weight(rng):
    x = rng.standard_normal((4, 2)).astype("float32")
    y = np.array([[0.0], [1.0], [1.0], [0.0]], "float32")
    pred = x @ np.array([[1.0], [2.0]]) + 0.5
    sq = ((pred - y) ** 2)[:, 0]
    model = linear_model()
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")
    sw = np.array([1.0, 2.0, 0.0, 1.0], "float32")
    h = model.fit(x, y, sample_weight=sw, epochs=1, verbose=0, shuffle=False)
    # sum_over_batch_size: weighted sum divided by the number of samples, not the weight sum.
    np.testing.assert_allclose(h.history["loss"], [np.sum(sq * sw) / 4], rtol=1e-5)
    h = model.fit(x, y, class_weight={0: 1.0, 1: 3.0}, epochs=1, verbose=0, shuffle=False)
    cw = np.array([1.0, 3.0, 3.0, 1.0])
    np.testing.assert_allclose(h.history["loss"], [np.sum(sq * cw) / 4], rtol=1e-5)


def test_train_test_predict_on_batch(rng):
    x = rng.standard_normal((4, 2)).astype("float32")
    y = rng.standard_normal((4, 1)).astype("float32")
    model = linear_model()
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse", metrics=["mae"])
    losses, _, w, b = numpy_sgd_mse(x.astype("float64"), y.astype("float64"),
                                    np.array([[1.0], [2.0]]), np.array([0.5]), 0.1, 4)
    loss, _ = model.train_on_batch(x, y)
    assert loss == pytest.approx(losses[0], rel=1e-5)
    np.testing.assert_allclose(model.get_weights()[0], w, rtol=1e-5)
    result = model.test_on_batch(x, y, return_dict=True)
    assert set(result) == {"loss", "mae"}
    np.testing.assert_allclose(model.predict_on_batch(x), x @ w + b, rtol=1e-5)


def test_multi_output_losses_and_names(rng):
    inputs = keras.Input((3,), name="in")
    h = layers.Dense(4, activation="relu")(inputs)
    out_a = layers.Dense(2, activation="softmax", name="a")(h)
    out_b = layers.Dense(1, name="b")(h)
    model = keras.Model(inputs, [out_a, out_b])
    model.compile(optimizer="sgd", loss=["sparse_categorical_crossentropy", "mse"],
                  loss_weights=[1.0, 0.5], metrics=[["accuracy"], ["mae"]])
    x = rng.standard_normal((8, 3)).astype("float32")
    ya, yb = rng.integers(0, 2, 8), rng.standard_normal((8, 1)).astype("float32")
    history = model.fit(x, [ya, yb], epochs=1, verbose=0, batch_size=8)
    assert sorted(history.history) == ["a_accuracy", "a_loss", "b_loss", "b_mae", "loss"]
    logs = model.evaluate(x, {"a": ya, "b": yb}, verbose=0, return_dict=True)
    assert logs["loss"] == pytest.approx(logs["a_loss"] + 0.5 * logs["b_loss"], rel=1e-5)
    values = model.evaluate(x, [ya, yb], verbose=0)
    assert values == pytest.approx(
        [logs["loss"], logs["a_loss"], logs["b_loss"], logs["a_accuracy"], logs["b_mae"]]
    )


def test_fit_before_compile_is_an_error():
    with pytest.raises(ValueError, match=r"You must call `compile\(\)` before using the model."):
        linear_model().fit(np.zeros((2, 2)), np.zeros((2, 1)))


def test_x_and_y_lengths_must_match():
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="Data cardinality is ambiguous"):
        model.fit(np.zeros((5, 2)), np.zeros((4, 1)), verbose=0)


def test_nan_loss_keeps_training_unless_terminate_on_nan():
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    x = np.array([[np.nan, 1.0]] * 4, "float32")
    h = model.fit(x, np.zeros((4, 1)), epochs=3, verbose=0)
    assert len(h.history["loss"]) == 3 and np.isnan(h.history["loss"][-1])
    h = model.fit(x, np.zeros((4, 1)), epochs=3, verbose=0,
                  callbacks=[keras.callbacks.TerminateOnNaN()])
    assert len(h.history["loss"]) == 1


def test_generator_dataloader_and_pydataset_inputs(rng):
    x = rng.standard_normal((8, 2)).astype("float32")
    y = rng.standard_normal((8, 1)).astype("float32")
    model = linear_model()
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")
    expected = model.evaluate(x, y, verbose=0)

    def gen():
        for i in range(0, 8, 4):
            yield x[i:i + 4], y[i:i + 4]

    assert model.evaluate(gen(), verbose=0) == pytest.approx(expected, rel=1e-6)
    dataset = torch.utils.data.TensorDataset(torch.from_numpy(x), torch.from_numpy(y))
    loader = torch.utils.data.DataLoader(dataset, batch_size=4)
    assert model.evaluate(loader, verbose=0) == pytest.approx(expected, rel=1e-6)

    class Data(keras.utils.PyDataset):
        def __len__(self):
            return 2

        def __getitem__(self, i):
            return x[i * 4:(i + 1) * 4], y[i * 4:(i + 1) * 4]

    history = model.fit(Data(), epochs=2, verbose=0)
    assert history.history["loss"] == pytest.approx([expected, expected], rel=1e-6)


def test_early_stopping_restores_best_weights():
    model = linear_model()
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")

    class Schedule(keras.callbacks.Callback):
        # Change the weights each epoch to produce known validation losses.
        def on_epoch_begin(self, epoch, logs=None):
            self.model.set_weights([np.full((2, 1), [1.0, 3.0, 0.0, 2.0][epoch], "float32"),
                                    np.zeros(1, "float32")])

    x = np.ones((4, 2), "float32")
    y = np.zeros((4, 1), "float32")
    stop = keras.callbacks.EarlyStopping(patience=1, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x, y), epochs=4, verbose=0,
                        callbacks=[Schedule(), stop])
    # val_loss per epoch: (2w)^2 = 4, 36, 0 -> stops after epoch 2... patience 1 after 36.
    assert history.history["val_loss"] == pytest.approx([4.0, 36.0])
    np.testing.assert_allclose(model.get_weights()[0], np.full((2, 1), 1.0))


def test_regularization_losses_join_the_training_loss():
    model = keras.Sequential([keras.Input((2,)),
                              layers.Dense(1, kernel_regularizer=keras.regularizers.L2(0.1))])
    model.set_weights([np.ones((2, 1), "float32"), np.zeros(1, "float32")])
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")
    loss = model.evaluate(np.zeros((2, 2), "float32"), np.zeros((2, 1), "float32"), verbose=0)
    # MSE 0 + 0.1 * sum(w^2) = 0.2, added unscaled by the batch size.
    assert loss == pytest.approx(0.2)


def test_progress_bar_verbose_2_line(capsys, rng):
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse")
    model.fit(np.zeros((4, 2), "float32"), np.zeros((4, 1), "float32"), epochs=2, verbose=2)
    out = capsys.readouterr().out
    # Keras's verbose=2 text; the loss is (0.5 - 0)^2 = 0.25 on the first epoch.
    assert re.fullmatch(
        r"Epoch 1/2\n1/1 - \d+s - \d+[mu]?s/step - loss: 0\.2500\n"
        r"Epoch 2/2\n1/1 - \d+s - \d+[mu]?s/step - loss: 0\.\d{4}\n", out
    ), out


def test_no_host_sync_per_step(monkeypatch, rng):
    """Reading a tensor back to the host happens per epoch, never per step."""
    counts = {"n": 0}
    for name in ("item", "tolist", "numpy", "cpu", "__float__", "__bool__", "__int__"):
        original = getattr(torch.Tensor, name)

        def counted(self, *args, _original=original, **kwargs):
            counts["n"] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(torch.Tensor, name, counted)

    def syncs(num_samples):
        model = keras.Sequential([keras.Input((3,)), layers.Dense(4, activation="softmax")])
        model.compile(optimizer="adam", loss="sparse_categorical_crossentropy",
                      metrics=["accuracy"])
        x = rng.standard_normal((num_samples, 3)).astype("float32")
        y = rng.integers(0, 4, num_samples)
        model.fit(x, y, batch_size=2, epochs=1, verbose=0)
        counts["n"] = 0
        model.fit(x, y, batch_size=2, epochs=1, verbose=0)
        return counts["n"]

    assert syncs(4) == syncs(40)


def test_unknown_identifiers_in_compile():
    model = linear_model()
    with pytest.raises(ValueError, match="Could not interpret optimizer identifier: nope"):
        model.compile(optimizer="nope", loss="mse")
    with pytest.raises(ValueError, match="Could not interpret loss identifier: nope"):
        model.compile(optimizer="sgd", loss="nope")
    with pytest.raises(ValueError, match="Could not interpret metric identifier: nope"):
        model.compile(optimizer="sgd", loss="mse", metrics=["nope"])


def test_initial_epoch_validation_freq_and_steps(rng):
    x = rng.standard_normal((8, 2)).astype("float32")
    y = rng.standard_normal((8, 1)).astype("float32")
    model = linear_model()
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")
    history = model.fit(x, y, epochs=5, initial_epoch=2, verbose=0)
    assert history.epoch == [2, 3, 4]
    history = model.fit(x, y, epochs=4, validation_data=(x, y), validation_freq=2, verbose=0)
    assert len(history.history["loss"]) == 4 and len(history.history["val_loss"]) == 2
    seen = []

    class Count(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            seen.append(("train", batch))

        def on_test_batch_end(self, batch, logs=None):
            seen.append(("test", batch))

    model.fit(x, y, batch_size=2, steps_per_epoch=3, epochs=1, validation_data=(x, y),
              validation_steps=1, validation_batch_size=4, verbose=0, callbacks=[Count()])
    assert seen == [("train", 0), ("train", 1), ("train", 2), ("test", 0)]


def test_jit_compile_gives_the_eager_results(rng):
    x = rng.standard_normal((32, 4)).astype("float32")
    y = rng.standard_normal((32, 1)).astype("float32")

    def run(jit_compile):
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input((4,)), layers.Dense(8, activation="relu"),
                                  layers.Dense(1)])
        model.compile(optimizer="adam", loss="mse", jit_compile=jit_compile)
        history = model.fit(x, y, epochs=2, batch_size=16, verbose=0, shuffle=False)
        return history.history["loss"], model.get_weights()

    eager_loss, eager_weights = run(False)
    compiled_loss, compiled_weights = run(True)
    np.testing.assert_allclose(compiled_loss, eager_loss, rtol=1e-6)
    for a, b in zip(compiled_weights, eager_weights):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_duplicate_metric_names_get_suffixes(rng):
    model = linear_model()
    model.compile(optimizer="sgd", loss="mse", metrics=["mae", "mae"], weighted_metrics=["mae"])
    logs = model.evaluate(np.zeros((2, 2), "float32"), np.zeros((2, 1), "float32"), verbose=0,
                          return_dict=True)
    assert sorted(logs) == ["loss", "mae", "mae_1", "weighted_mae"]


def test_regularizers_of_weights_created_by_the_first_fit_step():
    # A model without Input builds inside fit: its regularization losses still count.
    model = keras.Sequential([layers.Dense(1, kernel_regularizer=keras.regularizers.l2(1.0),
                                           kernel_initializer="ones")])
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    history = model.fit(np.zeros((4, 3), "float32"), np.zeros((4, 1), "float32"), batch_size=4,
                        epochs=2, verbose=0)
    # 1.0 * sum(1^2) over 3 weights; then w = 1 - 0.01 * 2 = 0.98 -> 3 * 0.98^2.
    np.testing.assert_allclose(history.history["loss"], [3.0, 3 * 0.98 ** 2], rtol=1e-6)


def test_tf_keras_2_compiled_loss_and_compiled_metrics_idiom():
    class Custom(keras.Model):
        def test_step(self, data):
            x, y = data
            y_pred = self(x, training=False)
            self.compiled_loss(y, y_pred, regularization_losses=self.losses)
            self.compiled_metrics.update_state(y, y_pred)
            return {m.name: m.result() for m in self.metrics}

    inputs = keras.Input((2,))
    outputs = layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros")(inputs)
    model = Custom(inputs, outputs)
    model.compile(optimizer="sgd", loss="mse", metrics=["mae"])
    x, y = np.array([[1.0, 2.0]], "float32"), np.zeros((1, 1), "float32")
    with pytest.warns(UserWarning, match="deprecated"):
        results = model.evaluate(x, y, verbose=0, return_dict=True)
    # y_pred = 3: mse 9, mae 3 (tf_keras 2.21 gives the same; Keras 3's shim feeds y_pred to
    # the loss tracker instead).
    assert results == pytest.approx({"loss": 9.0, "mae": 3.0})


def test_tf_keras_2_generator_methods_forward_to_fit_evaluate_predict():
    model = keras.Sequential([keras.Input((2,)), layers.Dense(1, kernel_initializer="ones",
                                                              bias_initializer="zeros")])
    model.compile(optimizer=keras.optimizers.SGD(0.0), loss="mse")
    x, y = np.array([[1.0, 2.0]] * 4, "float32"), np.zeros((4, 1), "float32")

    def batches():
        while True:
            yield x[:2], y[:2]

    with pytest.warns(UserWarning, match="`Model.fit_generator` is deprecated"):
        history = model.fit_generator(batches(), steps_per_epoch=2, epochs=1, verbose=0,
                                      workers=4, use_multiprocessing=True)
    assert history.history["loss"] == [9.0]  # (1 + 2)^2, lr 0
    with pytest.warns(UserWarning, match="`Model.evaluate_generator` is deprecated"):
        assert model.evaluate_generator(batches(), steps=2) == 9.0
    with pytest.warns(UserWarning, match="`Model.predict_generator` is deprecated"):
        np.testing.assert_allclose(model.predict_generator(batches(), steps=1), [[3.0], [3.0]])
