"""`Model.save` / `save_weights` / `load_weights` and `Layer.save_own_variables`."""

import numpy as np

import torchkeras as keras
from torchkeras.saving import saving_api

from saving_helpers import X
from saving_helpers import Y


def _model():
    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.Dense(2)])


def test_save_and_load_model(tmp_path):
    model = _model()
    model.compile(optimizer=keras.optimizers.SGD(momentum=0.5), loss="mse")
    model.fit(X, Y[:, :2], verbose=0)
    path = tmp_path / "m.keras"
    model.save(path)
    loaded = saving_api.load_model(path)
    assert isinstance(loaded, keras.Sequential)
    assert keras.models.load_model is saving_api.load_model
    np.testing.assert_array_equal(loaded.predict(X, verbose=0), model.predict(X, verbose=0))
    for a, b in zip(loaded.optimizer.variables, model.optimizer.variables):
        np.testing.assert_array_equal(a.numpy(), b.numpy())


def test_save_and_load_weights(tmp_path):
    model = _model()
    path = tmp_path / "m.weights.h5"
    model.save_weights(path)
    other = _model()
    other.load_weights(path)
    np.testing.assert_array_equal(other.predict(X, verbose=0), model.predict(X, verbose=0))
    other.load_weights(path, skip_mismatch=True)


def test_layer_mixin_store_methods():
    layer = keras.layers.Dense(2)
    layer.build((None, 3))
    store = {}
    layer.save_own_variables(store)
    assert sorted(store) == ["0", "1"]
    assert tuple(store["0"].shape) == (3, 2)
    other = keras.layers.Dense(2)
    other.build((None, 3))
    other.load_own_variables({k: v.detach().numpy() for k, v in store.items()})
    np.testing.assert_array_equal(other.kernel.detach().numpy(), layer.kernel.detach().numpy())
