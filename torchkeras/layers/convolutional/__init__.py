"""`keras.layers`: the convolutional family."""

from torchkeras.layers.convolutional.conv1d import Conv1D
from torchkeras.layers.convolutional.conv1d import Convolution1D
from torchkeras.layers.convolutional.conv1d_transpose import Conv1DTranspose
from torchkeras.layers.convolutional.conv1d_transpose import Convolution1DTranspose
from torchkeras.layers.convolutional.conv2d import Conv2D
from torchkeras.layers.convolutional.conv2d import Convolution2D
from torchkeras.layers.convolutional.conv2d_transpose import Conv2DTranspose
from torchkeras.layers.convolutional.conv2d_transpose import Convolution2DTranspose
from torchkeras.layers.convolutional.conv3d import Conv3D
from torchkeras.layers.convolutional.conv3d import Convolution3D
from torchkeras.layers.convolutional.conv3d_transpose import Conv3DTranspose
from torchkeras.layers.convolutional.conv3d_transpose import Convolution3DTranspose
from torchkeras.layers.convolutional.depthwise_conv1d import DepthwiseConv1D
from torchkeras.layers.convolutional.depthwise_conv2d import DepthwiseConv2D
from torchkeras.layers.convolutional.separable_conv1d import SeparableConv1D
from torchkeras.layers.convolutional.separable_conv1d import SeparableConvolution1D
from torchkeras.layers.convolutional.separable_conv2d import SeparableConv2D
from torchkeras.layers.convolutional.separable_conv2d import SeparableConvolution2D

__all__ = [
    "Conv1D",
    "Conv1DTranspose",
    "Conv2D",
    "Conv2DTranspose",
    "Conv3D",
    "Conv3DTranspose",
    "Convolution1D",
    "Convolution1DTranspose",
    "Convolution2D",
    "Convolution2DTranspose",
    "Convolution3D",
    "Convolution3DTranspose",
    "DepthwiseConv1D",
    "DepthwiseConv2D",
    "SeparableConv1D",
    "SeparableConv2D",
    "SeparableConvolution1D",
    "SeparableConvolution2D",
]
