"""Testing utilities for layer authors."""

from torchkeras.testing.layer_test import run_layer_test

__all__ = ["run_layer_test"]
