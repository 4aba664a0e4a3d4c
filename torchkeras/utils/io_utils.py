"""Where Keras's messages go: stdout (interactive logging, the default) or the `logging` module."""

import logging
import sys

# Keras keeps this switch in its global state; one module-level flag is all torchkeras needs.
_INTERACTIVE_LOGGING = True


def enable_interactive_logging():
    """Turn on interactive logging.

    When interactive logging is enabled, messages (progress bars, callback messages) are written to
    `sys.stdout`. This is the default.
    """
    global _INTERACTIVE_LOGGING
    _INTERACTIVE_LOGGING = True


def disable_interactive_logging():
    """Turn off interactive logging.

    When interactive logging is disabled, messages are sent to the Python `logging` module (logger
    `"torchkeras"`, level INFO) instead of `sys.stdout`.
    """
    global _INTERACTIVE_LOGGING
    _INTERACTIVE_LOGGING = False


def is_interactive_logging_enabled():
    """Return `True` if messages go to `sys.stdout`, `False` if they go to `logging`."""
    return _INTERACTIVE_LOGGING


def print_msg(message, line_break=True):
    """Print `message` to stdout (interactive logging) or to the `logging` module.

    Args:
        message: The text to print.
        line_break: Whether to end the message with a newline. Defaults to `True`.
    """
    message = str(message)
    if not _INTERACTIVE_LOGGING:
        logging.getLogger("torchkeras").info(message)
        return
    if line_break:
        message = message + "\n"
    try:
        sys.stdout.write(message)
    except UnicodeEncodeError:
        # A non-UTF-8 console cannot show the bar character: fall back to Keras 2's "=" bar and
        # drop whatever else the encoding cannot represent, as Keras does.
        encoding = sys.stdout.encoding or "utf-8"
        message = message.replace("━", "=").encode(encoding, errors="ignore").decode(encoding)
        sys.stdout.write(message)
    sys.stdout.flush()
