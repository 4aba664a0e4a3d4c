"""`keras.layers`: the rnn family."""

from torchkeras.layers.rnn.abstract_rnn_cell import AbstractRNNCell
from torchkeras.layers.rnn.bidirectional import Bidirectional
from torchkeras.layers.rnn.conv_lstm1d import ConvLSTM1D
from torchkeras.layers.rnn.conv_lstm2d import ConvLSTM2D
from torchkeras.layers.rnn.conv_lstm3d import ConvLSTM3D
from torchkeras.layers.rnn.gru import GRU
from torchkeras.layers.rnn.gru import GRUCell
from torchkeras.layers.rnn.lstm import LSTM
from torchkeras.layers.rnn.lstm import LSTMCell
from torchkeras.layers.rnn.rnn import RNN
from torchkeras.layers.rnn.simple_rnn import SimpleRNN
from torchkeras.layers.rnn.simple_rnn import SimpleRNNCell
from torchkeras.layers.rnn.stacked_rnn_cells import StackedRNNCells
from torchkeras.layers.rnn.time_distributed import TimeDistributed

__all__ = [
    "AbstractRNNCell",
    "Bidirectional",
    "ConvLSTM1D",
    "ConvLSTM2D",
    "ConvLSTM3D",
    "GRU",
    "GRUCell",
    "LSTM",
    "LSTMCell",
    "RNN",
    "SimpleRNN",
    "SimpleRNNCell",
    "StackedRNNCells",
    "TimeDistributed",
]
