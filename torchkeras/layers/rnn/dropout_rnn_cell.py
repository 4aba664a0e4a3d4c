"""DropoutRNNCell: the dropout masks of a recurrent cell, drawn once per sequence."""

import torch


class DropoutRNNCell:
    """Mixin holding the dropout masks of an RNN cell.

    A cell mixing this in has `dropout`, `recurrent_dropout` (floats in `[0, 1]`) and
    `seed_generator` (a `SeedGenerator` or `None`). The masks are created on first use and
    reused for every step of a sequence, so the same units are dropped at each step; the `RNN`
    layer resets them after each call. A cell with `dropout_mask_count = n` gets a list of `n`
    independent masks (one per gate) instead of one.
    """

    _dropout_mask = None
    _recurrent_dropout_mask = None

    def _create_dropout_mask(self, step_input, rate):
        generator = None
        if self.seed_generator is not None:
            generator = self.seed_generator.next_generator(step_input.device.type)

        def one_mask():
            keep = torch.rand(step_input.shape, generator=generator, device=step_input.device)
            return (keep >= rate).to(step_input.dtype) / (1.0 - rate)

        count = getattr(self, "dropout_mask_count", None)
        if count is None:
            return one_mask()
        return [one_mask() for _ in range(count)]

    def get_dropout_mask(self, step_input):
        """The input dropout mask (created on first use) for inputs shaped like `step_input`."""
        if self._dropout_mask is None and self.dropout > 0:
            self._dropout_mask = self._create_dropout_mask(step_input, self.dropout)
        return self._dropout_mask

    def get_recurrent_dropout_mask(self, step_input):
        """The recurrent dropout mask (created on first use) for states like `step_input`."""
        if self._recurrent_dropout_mask is None and self.recurrent_dropout > 0:
            self._recurrent_dropout_mask = self._create_dropout_mask(
                step_input, self.recurrent_dropout
            )
        return self._recurrent_dropout_mask

    def reset_dropout_mask(self):
        """Forget the cached input dropout mask (the next sequence draws a new one)."""
        self._dropout_mask = None

    def reset_recurrent_dropout_mask(self):
        """Forget the cached recurrent dropout mask."""
        self._recurrent_dropout_mask = None
