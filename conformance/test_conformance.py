"""Replay every conformance script under torchkeras and compare with real Keras.

One test per script in `conformance/scripts/`. The goldens were recorded under
Keras 3 on TensorFlow by `conformance/record.py`; scripts listed in
`conformance/expected_failures.json` are marked `xfail(strict=True)`, so a
script that starts to pass must be taken off the list.
"""

import pytest

from conformance import replay

_EXPECTED_FAILURES = replay.expected_failures()


def _params():
    params = []
    for name in replay.script_names():
        marks = ()
        if name in _EXPECTED_FAILURES:
            marks = pytest.mark.xfail(
                strict=True, reason=_EXPECTED_FAILURES[name]
            )
        params.append(pytest.param(name, marks=marks, id=name))
    return params


@pytest.mark.parametrize("name", _params())
def test_replay_matches_keras(name):
    failures = replay.replay(name)
    if failures:
        pytest.fail(
            f"conformance script '{name}' differs from Keras "
            f"({len(failures)} problem(s)):\n\n" + "\n\n".join(failures),
            pytrace=False,
        )


def test_expected_failures_name_existing_scripts():
    unknown = sorted(set(_EXPECTED_FAILURES) - set(replay.script_names()))
    assert not unknown, (
        "conformance/expected_failures.json lists scripts that do not exist: "
        f"{unknown}"
    )


def test_every_golden_has_a_script():
    import os

    goldens = {
        f[: -len(".json")]
        for f in os.listdir(replay.GOLDENS_DIR)
        if f.endswith(".json")
    }
    orphans = sorted(goldens - set(replay.script_names()))
    assert not orphans, f"goldens without a script (delete them): {orphans}"
