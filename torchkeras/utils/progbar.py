"""`Progbar`: the Keras progress bar, character for character.

Metric values may be 0-d torch tensors that still live on the accelerator. They are turned into
Python numbers only when a line is actually written (at most every `interval` seconds, and at the
end), so a training loop that updates the bar every step does not wait for the device every step.
"""

import math
import os
import sys
import time

import numpy as np

from torchkeras.backend.tensors import convert_to_numpy
from torchkeras.backend.tensors import is_tensor
from torchkeras.utils import io_utils

_BOLD = "\x1b[1m"
_GREEN = "\x1b[32m"
_GREY = "\x1b[37m"
_RESET = "\x1b[0m"


def _host_number(value):
    """The number to display for an accumulated metric value (where the device sync happens)."""
    if is_tensor(value):
        value = value.detach()
        value = value.item() if value.numel() == 1 else convert_to_numpy(value)
    if not isinstance(value, float):
        value = np.mean(value)
    return value


class Progbar:
    """Displays a progress bar.

    If neither of `stateful_metrics` and `stateless_metrics` is provided, all metrics are assumed
    to be stateless (averaged by the progress bar before display).

    Args:
        target: Total number of steps expected, `None` if unknown.
        width: Progress bar width on screen. Defaults to `20`.
        verbose: Verbosity mode, 0 (silent), 1 (verbose), 2 (semi-verbose). Defaults to `1`.
        interval: Minimum visual progress update interval (in seconds). Defaults to `0.05`.
        stateful_metrics: Iterable of string names of metrics that should *not* be averaged over
            time. Metrics in this list will be displayed as-is. If provided, do not provide
            `stateless_metrics`. Defaults to `None`.
        stateless_metrics: Iterable of string names of metrics that *should* be averaged over
            time. Metrics in this list will be averaged by the progbar before display; all others
            are displayed as-is. If provided, do not provide `stateful_metrics`. Defaults to `None`.
        unit_name: Display name for step counts (usually `"step"` or `"sample"`).
            Defaults to `"step"`.

    Example:

    >>> bar = keras.utils.Progbar(target=10)
    >>> for step in range(10):
    ...     bar.update(step + 1, values=[("loss", 0.5)])
    """

    def __init__(
        self,
        target,
        width=20,
        verbose=1,
        interval=0.05,
        stateful_metrics=None,
        stateless_metrics=None,
        unit_name="step",
    ):
        if stateful_metrics is not None and stateless_metrics is not None:
            raise ValueError(
                "Only one of `stateful_metrics` or `stateless_metrics` "
                "can be provided. `stateful_metrics` is used to make metrics "
                "stateless by default (with an exclusion list), while "
                "`stateless_metrics` is used to make metrics stateful by "
                "default (with an exclusion list)."
            )
        self.target = target
        self.width = width
        self.verbose = verbose
        self.interval = interval
        self.unit_name = unit_name
        if stateful_metrics is not None:
            self.stateful_metrics = set(stateful_metrics)
            self.stateless_metrics = None
        elif stateless_metrics is not None:
            self.stateful_metrics = None
            self.stateless_metrics = set(stateless_metrics)
        else:
            self.stateful_metrics = set()
            self.stateless_metrics = None

        # Keras redraws the line in place ("\b...\r") when it thinks the console can do so. Its
        # test includes `"posix" in sys.modules`, which holds on every POSIX system, so a log
        # redirected to a file gets the same redraw characters; kept for identical output.
        self._dynamic_display = (
            (hasattr(sys.stdout, "isatty") and sys.stdout.isatty())
            or "ipykernel" in sys.modules
            or "posix" in sys.modules
            or "PYCHARM_HOSTED" in os.environ
        )
        self._seen_so_far = 0
        self._values = {}  # name -> [accumulated value, count]
        self._values_order = []
        self._start = time.time()
        self._last_update = 0
        self._time_at_epoch_start = self._start
        self._time_after_first_step = None
        self._prev_total_width = 0

    def update(self, current, values=None, finalize=None):
        """Updates the progress bar.

        Args:
            current: Index of current step.
            values: List of tuples: `(name, value_for_last_step)`. If `name` is in
                `stateful_metrics`, `value_for_last_step` will be displayed as-is. Else, an
                average of the metric over time will be displayed. Values may be numbers, NumPy
                values or (0-d) tensors.
            finalize: Whether this is the last update for the progress bar. If `None`, defaults
                to `current >= self.target`.
        """
        if finalize is None:
            finalize = False if self.target is None else current >= self.target

        for name, value in values or ():
            if name not in self._values:
                self._values_order.append(name)
            if self.stateful_metrics is not None:
                stateless = name not in self.stateful_metrics
            else:
                stateless = name in self.stateless_metrics
            if stateless and not finalize:
                # Weight by the steps since the last update; at least 1 because without a target
                # the epoch end may repeat the last step's `current`.
                weight = max(current - self._seen_so_far, 1)
                entry = self._values.get(name)
                if entry is None:
                    self._values[name] = [value * weight, weight]
                else:
                    entry[0] = entry[0] + value * weight
                    entry[1] += weight
            else:
                # Stateful metrics (and every metric at finalize) are shown as given.
                self._values[name] = [value, 1]
        self._seen_so_far = current

        now = time.time()
        time_per_unit = self._estimate_step_duration(current, now)

        if self.verbose == 1:
            if now - self._last_update < self.interval and not finalize:
                return
            self._write_verbose_line(current, now, time_per_unit, finalize)
        elif self.verbose == 2:
            if finalize and self.target is not None and self.target > 0:
                self._write_summary_line(current, now, time_per_unit)
        self._last_update = now

    def add(self, n, values=None):
        """Advances the bar by `n` steps (see `update`)."""
        self.update(self._seen_so_far + n, values)

    def _write_verbose_line(self, current, now, time_per_unit, finalize):
        # `hidden` counts the characters of ANSI codes, which take no room on screen.
        hidden = 0
        message = "\b" * self._prev_total_width + "\r" if self._dynamic_display else "\n"

        known_target = self.target is not None and self.target > 0
        if known_target:
            numdigits = int(math.log10(self.target)) + 1
            bar = f"{_BOLD}{f'%{numdigits}d/%d' % (current, self.target)}{_RESET} "
            hidden += 8
            filled = int(self.width * (float(current) / self.target))
            if filled > 0:
                bar += f"{_GREEN}{'━' * filled}{_RESET}"
                hidden += 9
            bar += f"{_GREY}{'━' * (self.width - filled)}{_RESET}"
            hidden += 9
        else:
            bar = "%7d/Unknown" % current
        message += bar

        if known_target and not finalize:
            eta = time_per_unit * (self.target - current)
            if eta > 3600:
                eta_format = "%d:%02d:%02d" % (eta // 3600, (eta % 3600) // 60, eta % 60)
            elif eta > 60:
                eta_format = "%d:%02d" % (eta // 60, eta % 60)
            else:
                eta_format = "%ds" % eta
            info = f" {_BOLD}{eta_format}{_RESET}"
        else:
            info = f" {_BOLD}{now - self._start:.0f}s{_RESET}"
        hidden += 8
        info += self._format_time(time_per_unit, self.unit_name)

        for name in self._values_order:
            total, count = self._values[name]
            avg = _host_number(total) / max(1, count)
            info += f" - {name}: {avg:.4f}" if abs(avg) > 1e-3 else f" - {name}: {avg:.4e}"
        message += info

        # Pad with spaces so a shorter line fully covers the previous one.
        total_width = len(bar) + len(info) - hidden
        if self._prev_total_width > total_width:
            message += " " * (self._prev_total_width - total_width)
        if finalize:
            message += "\n"
        io_utils.print_msg(message, line_break=False)
        self._prev_total_width = total_width

    def _write_summary_line(self, current, now, time_per_unit):
        numdigits = int(math.log10(self.target)) + 1
        info = f"%{numdigits}d/%d" % (current, self.target)
        info += f" - {now - self._start:.0f}s -{self._format_time(time_per_unit, self.unit_name)}"
        for name in self._values_order:
            total, count = self._values[name]
            avg = _host_number(total) / max(1, count)
            # No abs() here (unlike verbose=1): Keras prints negative values in e-notation.
            info += f" - {name}: {avg:.4f}" if avg > 1e-3 else f" - {name}: {avg:.4e}"
        io_utils.print_msg(info + "\n", line_break=False)

    def _format_time(self, time_per_unit, unit_name):
        """Formats a step duration as `" 12s/step"`, `" 12ms/step"` or `" 12us/step"`."""
        if time_per_unit >= 1 or time_per_unit == 0:
            return f" {time_per_unit:.0f}s/{unit_name}"
        if time_per_unit >= 1e-3:
            return f" {time_per_unit * 1000.0:.0f}ms/{unit_name}"
        return f" {time_per_unit * 1000000.0:.0f}us/{unit_name}"

    def _estimate_step_duration(self, current, now):
        """Estimates the duration of one step.

        The first step (graph building, warm-up) is not representative, so once more steps are
        done the estimate is measured from the end of step 1. Returns 0 before any step is done.
        """
        if not current:
            return 0
        if self._time_after_first_step is not None and current > 1:
            time_per_unit = (now - self._time_after_first_step) / (current - 1)
        else:
            time_per_unit = (now - self._start) / current
        if current == 1:
            self._time_after_first_step = now
        return time_per_unit
