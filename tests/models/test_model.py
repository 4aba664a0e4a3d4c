import numpy as np
import pytest

import torchkeras as keras
from torchkeras import layers


class TwoLayer(keras.Model):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.hidden = layers.Dense(4, activation="relu")
        self.out = layers.Dense(1)

    def call(self, inputs, training=None):
        return self.out(self.hidden(inputs))


def test_subclassed_model_fits(rng):
    model = TwoLayer()
    x = rng.standard_normal((16, 3)).astype("float32")
    y = rng.standard_normal((16, 1)).astype("float32")
    model.compile(optimizer="adam", loss="mse")
    history = model.fit(x, y, epochs=2, verbose=0)
    assert len(history.history["loss"]) == 2
    assert [l.name for l in model.layers] == ["dense", "dense_1"]
    assert [w.path for w in model.weights] == [
        "two_layer/dense/kernel", "two_layer/dense/bias",
        "two_layer/dense_1/kernel", "two_layer/dense_1/bias",
    ]
    assert model.count_params() == 3 * 4 + 4 + 4 + 1


def test_model_without_call_is_an_error():
    class Empty(keras.Model):
        pass

    with pytest.raises(NotImplementedError, match="does not have a `call\\(\\)` method"):
        Empty()(np.ones((1, 1), "float32"))


def test_model_layers_attribute_is_reserved():
    with pytest.raises(AttributeError, match="reserved"):
        TwoLayer().layers = []


def test_custom_train_step_in_keras_torch_style(rng):
    import torch

    class Custom(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = layers.Dense(1)
            self.tracker = keras.metrics.Mean(name="loss")

        def call(self, x):
            return self.dense(x)

        def train_step(self, data):
            x, y = data
            self.zero_grad()
            loss = ((self(x, training=True) - y) ** 2).mean()
            loss.backward()
            with torch.no_grad():
                self.optimizer.apply([v.grad for v in self.trainable_weights],
                                     self.trainable_weights)
            self.tracker.update_state(loss)
            return {"loss": self.tracker.result()}

        @property
        def metrics(self):
            return [self.tracker]

    model = Custom()
    model.compile(optimizer=keras.optimizers.SGD(0.1))
    x = rng.standard_normal((8, 2)).astype("float32")
    y = x.sum(1, keepdims=True)
    history = model.fit(x, y, epochs=20, batch_size=8, verbose=0)
    assert history.history["loss"][-1] < history.history["loss"][0] / 4
