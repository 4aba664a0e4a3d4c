"""The API coverage report: which Keras names torchkeras provides, and no regressions.

The manifests (`compat/manifests/`) are written from real Keras by `compat/make_manifests.py`;
`compat/manifests/covered.txt` is the baseline written by `python compat/coverage.py
--write-baseline`. Run `pytest tests/compat/test_api_coverage.py -s` to see the report.
"""

import importlib.util
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_spec = importlib.util.spec_from_file_location(
    "compat_coverage", os.path.join(ROOT, "compat", "coverage.py")
)
coverage = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(coverage)


def test_report_prints_coverage_and_missing_names():
    text = coverage.report()
    print("\n" + text)
    assert "keras.layers" in text and "keras.ops" in text


def test_manifests_cover_keras_3_and_tf_keras_2():
    namespaces = coverage.manifest_namespaces()
    assert "keras.layers" in namespaces and "keras.ops.numpy" in namespaces
    assert "tf_keras.layers" in namespaces
    assert "Dense" in coverage.keras_names("keras.layers")
    assert coverage.keras_names("keras.ops")["numpy"] == "module"
    # The manifests are the Keras version the project targets.
    with open(os.path.join(coverage.MANIFEST_DIR, "keras", "keras.layers.txt")) as f:
        assert "(keras 3.15.1)" in f.readline()


def test_no_covered_name_disappeared():
    gone = sorted(set(coverage.baseline()) - set(coverage.covered_now()))
    assert not gone, (
        f"{len(gone)} Keras names torchkeras provided are gone: {gone[:40]}. Restore them, or "
        "(if removing them is intended) rewrite the baseline: python compat/coverage.py "
        "--write-baseline"
    )


def test_deliberate_gaps_are_keras_names_torchkeras_lacks():
    for full_name, reason in coverage.deliberate_gaps().items():
        namespace, name = full_name.rsplit(".", 1)
        assert name in coverage.keras_names(namespace), f"{full_name} is not a Keras name"
        assert name in coverage.coverage(namespace)[1], f"{full_name} is provided: remove the gap"
        assert reason.strip(), f"{full_name} needs a reason"


@pytest.mark.parametrize(
    "namespace",
    ["keras.ops", "keras.ops.numpy", "keras.ops.nn", "keras.ops.image", "keras.ops.linalg"],
)
def test_ops_reach_their_target(namespace):
    provided, missing = coverage.coverage(namespace)
    share = len(provided) / (len(provided) + len(missing))
    assert share >= coverage.MAIN_NAMESPACES[namespace], f"{namespace} lacks {missing}"


def test_unknown_torchkeras_namespace_counts_as_missing():
    assert coverage.torchkeras_namespace("keras.no_such_namespace") is None
