"""tf.keras 2 coverage under the shim: the figure, and no covered name disappears.

`compat/manifests/covered_tf_keras_shim.txt` is written by `python compat/coverage.py
--write-baseline`; `python compat/coverage.py --tf-keras-shim` prints the figure and the missing
names.
"""

import importlib.util
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location(
    "compat_coverage_shim", os.path.join(ROOT, "compat", "coverage.py")
)
coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(coverage)


def test_no_shim_covered_tf_keras_name_disappeared():
    now = coverage.shim_covered_now()
    gone = sorted(set(coverage.shim_baseline()) - set(now))
    assert not gone, f"tf.keras 2 names no longer resolve under the shim: {gone[:20]}"
    assert len(now) >= 555


def test_moved_tf_keras_2_namespaces_resolve():
    provided, missing = coverage.shim_coverage("tf_keras.optimizers.legacy")
    assert not missing and "Adam" in provided
    assert "pad_sequences" in coverage.shim_coverage("tf_keras.preprocessing.sequence")[0]
    assert "Normalization" in coverage.shim_coverage("tf_keras.layers.experimental.preprocessing")[0]
    # Resolving under the shim leaves it as it was (not installed).
    from torchkeras import compat

    assert not compat.is_installed()


def test_report_has_the_total():
    text = coverage.tf_keras_shim_report()
    assert "all tf_keras names" in text and "missing in tf_keras.utils" in text
