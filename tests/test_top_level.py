import torchkeras as keras


def test_top_level_names_are_keras_names():
    assert keras.Initializer is keras.initializers.Initializer
    assert keras.Regularizer is keras.regularizers.Regularizer
    assert keras.Optimizer is keras.optimizers.Optimizer
    assert keras.Loss is keras.losses.Loss and keras.Metric is keras.metrics.Metric
    assert keras.mixed_precision.LossScaleOptimizer is keras.optimizers.LossScaleOptimizer


def test_global_dtype_policy():
    try:
        keras.mixed_precision.set_global_policy("mixed_float16")
        layer = keras.layers.Dense(2)
        assert layer.compute_dtype == "float16" and layer.variable_dtype == "float32"
        assert keras.mixed_precision.global_policy().name == "mixed_float16"
    finally:
        keras.mixed_precision.set_global_policy(None)
    assert keras.layers.Dense(2).compute_dtype == "float32"
