"""tf.keras 2 metrics Keras 3 dropped: MeanRelativeError, MeanTensor and the short aliases."""

import numpy as np
import pytest

from torchkeras import losses
from torchkeras import metrics


def test_aliases_are_the_metric_functions():
    assert metrics.mse is metrics.MSE is metrics.mean_squared_error
    assert metrics.mae is metrics.MAE is metrics.mean_absolute_error
    assert metrics.mape is metrics.MAPE is metrics.mean_absolute_percentage_error
    assert metrics.msle is metrics.MSLE is metrics.mean_squared_logarithmic_error
    assert metrics.kld is metrics.KLD is metrics.kullback_leibler_divergence is metrics.kl_divergence
    assert metrics.logcosh is metrics.log_cosh
    assert losses.kullback_leibler_divergence is losses.kl_divergence
    assert losses.logcosh is losses.log_cosh


def test_mean_relative_error():
    m = metrics.MeanRelativeError(normalizer=[1, 3, 2, 3])
    m.update_state([1, 3, 2, 3], [2, 4, 6, 8])
    # from tf_keras 2.21
    np.testing.assert_allclose(float(m.result()), 1.25, rtol=1e-6)
    m.update_state([[1, 3, 2, 3]], [[2, 4, 6, 8]], sample_weight=[[1, 0, 2, 1]])
    np.testing.assert_allclose(float(m.result()), 1.4583333, rtol=1e-6)
    assert [v.name for v in m.variables] == ["total", "count"]
    config = m.get_config()
    assert config == {"name": "mean_relative_error", "dtype": "float32", "normalizer": [1, 3, 2, 3]}
    assert metrics.MeanRelativeError.from_config(config).get_config() == config
    zero = metrics.MeanRelativeError(normalizer=[0.0, 2.0])
    zero.update_state([1.0, 1.0], [3.0, 3.0])
    np.testing.assert_allclose(float(zero.result()), 0.5)  # 0 where the normalizer is 0


def test_mean_tensor():
    m = metrics.MeanTensor()
    m.update_state([0, 1, 2, 3])
    m.update_state([4, 5, 6, 7])
    np.testing.assert_allclose(m.result().numpy(), [2, 3, 4, 5])  # from tf_keras 2.21
    assert [(v.name, tuple(v.shape)) for v in m.variables] == [("total", (4,)), ("count", (4,))]
    w = metrics.MeanTensor(shape=(4,))
    w.update_state([0, 1, 2, 3], sample_weight=[1, 0, 2, 1])
    w.update_state([4, 5, 6, 7], sample_weight=[0, 1, 1, 1])
    np.testing.assert_allclose(w.result().numpy(), [0.0, 5.0, 3.3333333, 5.0], rtol=1e-6)
    w.reset_state()
    np.testing.assert_allclose(w.result().numpy(), [0, 0, 0, 0])
    assert m.get_config() == {"name": "mean_tensor", "dtype": "float32"}


def test_mean_tensor_errors():
    m = metrics.MeanTensor()
    with pytest.raises(ValueError, match="MeanTensor does not have any value yet"):
        m.result()
    m.update_state([1.0, 2.0, 3.0, 4.0])
    with pytest.raises(
        ValueError,
        match=r"must always have the same shape. Expected shape \(set during the first call\): "
        r"\(4,\). Got: \(2,\).",
    ):
        m.update_state([1.0, 2.0])


def test_reset_states_is_tf_keras_2_reset_state():
    import torchkeras as keras

    metric = keras.metrics.Mean()
    metric.update_state([2.0, 4.0])
    assert float(metric.result()) == 3.0
    metric.reset_states()
    assert float(metric.result()) == 0.0
