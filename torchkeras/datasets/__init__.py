"""`keras.datasets`: small NumPy datasets for examples and debugging.

`digits` ships with torchkeras. The others read the files Keras's own loaders download into
`~/.keras/datasets/` (or `$KERAS_HOME/datasets/`); torchkeras never downloads, and raises
`FileNotFoundError` naming the expected path when a file is missing.
"""

from torchkeras.datasets import boston_housing
from torchkeras.datasets import california_housing
from torchkeras.datasets import cifar10
from torchkeras.datasets import cifar100
from torchkeras.datasets import digits
from torchkeras.datasets import fashion_mnist
from torchkeras.datasets import imdb
from torchkeras.datasets import mnist
from torchkeras.datasets import reuters

__all__ = [
    "boston_housing",
    "california_housing",
    "cifar10",
    "cifar100",
    "digits",
    "fashion_mnist",
    "imdb",
    "mnist",
    "reuters",
]
