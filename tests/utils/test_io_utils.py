"""print_msg: stdout by default, the logging module when interactive logging is off."""

import contextlib
import io
import logging

import pytest

from torchkeras.utils import io_utils


@pytest.fixture(autouse=True)
def restore_interactive_logging():
    yield
    io_utils.enable_interactive_logging()


def test_print_msg_writes_to_stdout_with_or_without_line_break():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        io_utils.print_msg("Epoch 1/2")
        io_utils.print_msg("\rbar", line_break=False)
    assert out.getvalue() == "Epoch 1/2\n\rbar"


def test_disabled_interactive_logging_goes_to_logging(caplog):
    io_utils.disable_interactive_logging()
    assert not io_utils.is_interactive_logging_enabled()
    out = io.StringIO()
    with caplog.at_level(logging.INFO, logger="torchkeras"), contextlib.redirect_stdout(out):
        io_utils.print_msg("hello")
    assert out.getvalue() == ""
    assert [r.getMessage() for r in caplog.records] == ["hello"]
    io_utils.enable_interactive_logging()
    assert io_utils.is_interactive_logging_enabled()


def test_console_without_unicode_gets_the_keras_2_bar():
    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="ascii")
    with contextlib.redirect_stdout(console):
        io_utils.print_msg("━━ loss: 1 – é", line_break=False)
    assert raw.getvalue() == b"== loss: 1  "
