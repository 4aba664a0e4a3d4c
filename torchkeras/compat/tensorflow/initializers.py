"""TF 2's initializer classes at the top level (`tf.random_normal_initializer`, ...).

They are Keras's initializers: called as `init(shape, dtype)`, with TF's defaults.
"""

from torchkeras import initializers as _keras_initializers


def random_normal_initializer(mean=0.0, stddev=0.05, seed=None):
    return _keras_initializers.RandomNormal(mean=mean, stddev=stddev, seed=seed)


def random_uniform_initializer(minval=-0.05, maxval=0.05, seed=None):
    return _keras_initializers.RandomUniform(minval=minval, maxval=maxval, seed=seed)


def truncated_normal_initializer(mean=0.0, stddev=0.05, seed=None):
    return _keras_initializers.TruncatedNormal(mean=mean, stddev=stddev, seed=seed)


def zeros_initializer():
    return _keras_initializers.Zeros()


def ones_initializer():
    return _keras_initializers.Ones()


def constant_initializer(value=0, support_partition=False):
    return _keras_initializers.Constant(value)


def glorot_uniform_initializer(seed=None):
    return _keras_initializers.GlorotUniform(seed=seed)


def glorot_normal_initializer(seed=None):
    return _keras_initializers.GlorotNormal(seed=seed)


def variance_scaling_initializer(scale=1.0, mode="fan_in", distribution="truncated_normal",
                                 seed=None):
    return _keras_initializers.VarianceScaling(scale=scale, mode=mode,
                                               distribution=distribution, seed=seed)


__all__ = [
    "constant_initializer", "ones_initializer", "random_normal_initializer",
    "random_uniform_initializer", "truncated_normal_initializer", "variance_scaling_initializer",
    "zeros_initializer",
]
