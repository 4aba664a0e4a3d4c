"""`tf.test`: GPU queries answered from torch, and a `TestCase` with TF's assertion helpers."""

import unittest

import numpy as np
import torch


def is_gpu_available(cuda_only=False, min_cuda_compute_capability=None):
    if not torch.cuda.is_available():
        return False
    if min_cuda_compute_capability is not None:
        return torch.cuda.get_device_capability(0) >= tuple(min_cuda_compute_capability)
    return True


def gpu_device_name():
    return "/device:GPU:0" if torch.cuda.is_available() else ""


def is_built_with_cuda():
    return torch.version.cuda is not None


def is_built_with_gpu_support():
    return torch.version.cuda is not None or torch.version.hip is not None


def is_built_with_rocm():
    return torch.version.hip is not None


def is_built_with_xla():
    return False


def main(argv=None):
    unittest.main(argv=argv)


def _numpy(x):
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy()
    return np.asarray(x)


class TestCase(unittest.TestCase):
    """`unittest.TestCase` with TF's `assertAllClose`/`assertAllEqual` helpers."""

    def evaluate(self, tensors):
        from torchkeras.utils import tree

        return tree.map_structure(_numpy, tensors)

    def assertAllClose(self, a, b, rtol=1e-6, atol=1e-6, msg=None):
        np.testing.assert_allclose(_numpy(a), _numpy(b), rtol=rtol, atol=atol,
                                   err_msg=msg or "")

    def assertAllEqual(self, a, b, msg=None):
        np.testing.assert_array_equal(_numpy(a), _numpy(b), err_msg=msg or "")

    def assertNotAllClose(self, a, b, rtol=1e-6, atol=1e-6, msg=None):
        if np.allclose(_numpy(a), _numpy(b), rtol=rtol, atol=atol):
            raise AssertionError(msg or "The two values are close at all elements.")

    def assertShapeEqual(self, a, b, msg=None):
        self.assertEqual(tuple(_numpy(a).shape), tuple(_numpy(b).shape), msg)
