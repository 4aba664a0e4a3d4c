"""torchkeras: the Keras API, running natively on PyTorch."""

from torchkeras import backend
from torchkeras import config
from torchkeras import saving
from torchkeras.backend import Variable

__version__ = "0.1.0"
