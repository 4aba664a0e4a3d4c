"""Recurrent loops: torch's fused LSTM/GRU/RNN kernels on Keras-layout weights, and the generic
step loop (Keras's `backend.rnn`) for every other cell.

Keras's masking rule (TensorFlow backend, checked against Keras 3.15.1): at a masked step the
states keep their previous values and the output repeats the previous *masked* output (zeros
before the first unmasked step), or is zero with `zero_output_for_mask=True`. With
`go_backwards=True` the steps run in reverse and the outputs come back in processing order.

The fused kernels know nothing of masks, but whenever each sample's unmasked steps form one
contiguous block in processing order (right padding, left padding, and both of those with
`go_backwards`), that rule is the same as running the block alone from the initial state, then
filling the other positions: zeros before the block, the block's last output (or zeros) after it.
The blocks are moved to the front of the sequence and run as packed sequences, or, on the CPU
when no final LSTM carry is needed, through the (faster) full-length kernel, whose outputs inside
each block are the same. Any other mask (holes in the middle) goes through the step loop.
"""

import torch
from torch.nn.utils import rnn as rnn_utils

from torchkeras.utils import tree


def rnn(step_function, inputs, initial_states, go_backwards=False, mask=None,
        zero_output_for_mask=False, return_all_outputs=True):
    """Iterate `step_function` over the time axis of `inputs`, as Keras's `backend.rnn` does.

    Args:
        step_function: `fn(step_input, states) -> (output, new_states)`; `states` is a list.
        inputs: Tensor of shape `(batch, time, ...)`.
        initial_states: List (possibly nested) of state tensors.
        go_backwards: Whether to iterate from the last step to the first. Defaults to `False`.
        mask: Optional boolean tensor of shape `(batch, time)`.
        zero_output_for_mask: Whether masked steps output zeros instead of the previous output.
            Defaults to `False`.
        return_all_outputs: Whether to stack the outputs of every step. Defaults to `True`.

    Returns:
        `(last_output, outputs, new_states)`; `outputs` is `None` when `return_all_outputs` is
        `False`.
    """
    steps = inputs.unbind(1)
    masks = mask.unbind(1) if mask is not None else None
    if go_backwards:
        steps = steps[::-1]
        masks = masks[::-1] if masks is not None else None
    states = list(initial_states)
    outputs = []
    output = None
    for t, step_input in enumerate(steps):
        new_output, new_states = step_function(step_input, states)
        if not isinstance(new_states, (list, tuple)):
            new_states = [new_states]
        if masks is not None:
            keep = masks[t]
            previous = (
                torch.zeros_like(new_output)
                if output is None or zero_output_for_mask
                else output
            )
            new_output = torch.where(_expand(keep, new_output), new_output, previous)
            flat_old = tree.flatten(states)
            flat_new = tree.flatten(new_states)
            new_states = tree.pack_sequence_as(
                new_states,
                [torch.where(_expand(keep, n), n, o) for n, o in zip(flat_new, flat_old)],
            )
        output = new_output
        states = list(new_states)
        if return_all_outputs:
            outputs.append(output)
    stacked = torch.stack(outputs, dim=1) if return_all_outputs else None
    return output, stacked, states


def _expand(keep, like):
    # (batch,) -> (batch, 1, ..., 1) so it broadcasts against a step output or state.
    return keep.view(keep.shape[0], *([1] * (like.dim() - 1)))


# -- fused kernels -------------------------------------------------------------------------------
def lstm(inputs, h0, c0, kernel, recurrent_kernel, bias, mask=None, go_backwards=False,
         return_sequences=True, zero_output_for_mask=False, need_states=True):
    """An LSTM layer (tanh/sigmoid, Keras gate order i, f, c, o) through torch's fused kernel.

    Keras's kernel `(input_dim, 4 * units)` is torch's `weight_ih` transposed, with the same gate
    order (one transposing copy per call, none per step); Keras's single bias is torch's
    `bias_ih`.

    With a mask and `need_states=False`, the final carry `c` may come back as `None` (the
    caller will not read it), which lets the CPU use the faster unpacked kernel.

    Returns:
        `(last_output, outputs, [h, c])`, or `None` when the mask cannot be handled here.
    """
    params = [kernel.t(), recurrent_kernel.t()]
    if bias is not None:
        params += [bias, torch.zeros_like(bias)]
    return _run_fused("lstm", inputs, [h0, c0], params, bias is not None, mask, go_backwards,
                      return_sequences, zero_output_for_mask, need_states)


def gru(inputs, h0, kernel, recurrent_kernel, bias, mask=None, go_backwards=False,
        return_sequences=True, zero_output_for_mask=False):
    """A GRU layer with `reset_after=True` (tanh/sigmoid) through torch's fused kernel.

    Keras orders the gates z, r, h and torch r, z, n; the columns are reordered once per call.
    Keras's bias `(2, 3 * units)` holds the input and recurrent biases, torch's `bias_ih` and
    `bias_hh`.

    Returns:
        `(last_output, outputs, [h])`, or `None` when the mask cannot be handled here.
    """
    units = recurrent_kernel.shape[0]

    def to_torch_weight(w):
        # (in, 3u) columns z, r, h -> torch's (3u, in) rows r, z, n: one copy.
        return torch.cat([w[:, units:2 * units].t(), w[:, :units].t(), w[:, 2 * units:].t()])

    params = [to_torch_weight(kernel), to_torch_weight(recurrent_kernel)]
    if bias is not None:
        b = torch.cat([bias[:, units:2 * units], bias[:, :units], bias[:, 2 * units:]], dim=1)
        params += [b[0], b[1]]
    return _run_fused("gru", inputs, [h0], params, bias is not None, mask, go_backwards,
                      return_sequences, zero_output_for_mask)


def simple_rnn(inputs, h0, kernel, recurrent_kernel, bias, activation="tanh", mask=None,
               go_backwards=False, return_sequences=True, zero_output_for_mask=False):
    """A SimpleRNN layer with a tanh or relu activation through torch's fused kernel.

    Returns:
        `(last_output, outputs, [h])`, or `None` when the mask cannot be handled here.
    """
    params = [kernel.t(), recurrent_kernel.t()]
    if bias is not None:
        params += [bias, torch.zeros_like(bias)]
    kind = "rnn_tanh" if activation == "tanh" else "rnn_relu"
    return _run_fused(kind, inputs, [h0], params, bias is not None, mask, go_backwards,
                      return_sequences, zero_output_for_mask)


_KERNELS = {"lstm": torch.lstm, "gru": torch.gru, "rnn_tanh": torch.rnn_tanh,
            "rnn_relu": torch.rnn_relu}


_EAGER_KERNEL_CALL = []


def _call_kernel(kind, x, states, params, has_biases, batch_sizes=None):
    """One torch kernel call; `states` are `(batch, units)` tensors, returned in that shape."""
    if torch.compiler.is_compiling():
        # torch.compile cannot trace the fused RNN kernels (it also leaves `nn.LSTM` modules out
        # of its graphs): run this call eagerly, between two compiled graphs.
        if not _EAGER_KERNEL_CALL:
            _EAGER_KERNEL_CALL.append(torch.compiler.disable(_kernel_call))
        return _EAGER_KERNEL_CALL[0](kind, x, states, params, has_biases, batch_sizes)
    return _kernel_call(kind, x, states, params, has_biases, batch_sizes)


def _kernel_call(kind, x, states, params, has_biases, batch_sizes):
    hx = [s.unsqueeze(0) for s in states]
    hx = tuple(hx) if kind == "lstm" else hx[0]
    train = torch.is_grad_enabled()
    if x.is_cuda:
        params = _flat_weights(params)
    else:
        # The transposed Keras-layout views become torch-layout weights once per call: the CPU
        # kernels would otherwise copy them in the forward and again in the backward pass.
        params = [p.contiguous() for p in params]
    if batch_sizes is None:
        result = _KERNELS[kind](x, hx, params, has_biases, 1, 0.0, train, False, True)
    else:
        result = _KERNELS[kind](x, batch_sizes, hx, params, has_biases, 1, 0.0, train, False)
    return result[0], [s.squeeze(0) for s in result[1:]]


def _flat_weights(params):
    # cuDNN wants every weight as a view of one contiguous buffer (otherwise it copies them
    # itself, with a warning); building that buffer is one copy per call, not per step.
    flat = torch.cat([p.reshape(-1) for p in params])
    views, offset = [], 0
    for p in params:
        views.append(flat[offset:offset + p.numel()].view(p.shape))
        offset += p.numel()
    return views


def _run_fused(kind, inputs, states, params, has_biases, mask, go_backwards,
               return_sequences, zero_output_for_mask, need_states=True):
    if mask is None:
        x = inputs.flip(1) if go_backwards else inputs
        outputs, new_states = _call_kernel(kind, x, states, params, has_biases)
        return new_states[0], outputs, new_states
    return _run_fused_masked(kind, inputs, states, params, has_biases, mask, go_backwards,
                             return_sequences, zero_output_for_mask, need_states)


def _run_fused_masked(kind, inputs, states, params, has_biases, mask, go_backwards,
                      return_sequences, zero_output_for_mask, need_states):
    batch, steps = mask.shape
    device = inputs.device
    m = mask.flip(1) if go_backwards else mask  # processing order
    counts = m.sum(1)
    starts = m.to(torch.uint8).argmax(1)  # first unmasked step (0 when there is none)
    positions = torch.arange(steps, device=device)
    block = (positions >= starts[:, None]) & (positions < (starts + counts)[:, None])
    # One host sync: whether each mask is one block, and the block lengths (packing needs them
    # on the host anyway).
    summary = torch.cat([(block == m).all().long().view(1), counts, starts]).cpu()
    if not bool(summary[0]):
        return None
    counts_host = summary[1:batch + 1]
    starts_host = summary[batch + 1:]
    if bool((counts_host == steps).all()):
        return _run_fused(kind, inputs, states, params, has_biases, None, go_backwards,
                          return_sequences, zero_output_for_mask)

    # Each sample's block, moved to the front (in processing order).
    if go_backwards or bool((starts_host != 0).any()):
        source = starts[:, None] + positions  # processing position of block step t
        source = source.clamp(max=steps - 1)
        if go_backwards:
            source = steps - 1 - source
        x = inputs.gather(1, source[:, :, None].expand(-1, -1, inputs.shape[2]))
    else:
        x = inputs
    nonempty = (counts > 0)[:, None]
    if kind == "lstm" and need_states or inputs.is_cuda:
        # Packed sequences stop each sample at its block's end, so the final states (an LSTM's
        # carry included) are the block's. cuDNN runs them natively.
        block_out, new_states = _run_packed(kind, x, counts_host, states, params, has_biases,
                                            return_sequences)
    else:
        # On the CPU the full-length kernel (input projections of all steps in one product) is
        # several times faster than a packed one. Outputs inside each block are exact; the final
        # state of a GRU/SimpleRNN is its output at the block's last step. (An LSTM's carry is
        # not: it comes back as `None`, and callers ask for packing when they need it.)
        block_out, _ = _call_kernel(kind, x, states, params, has_biases)
        last_index = (counts - 1).clamp(min=0)[:, None, None].expand(-1, 1, block_out.shape[2])
        new_states = [block_out.gather(1, last_index)[:, 0]]
        if kind == "lstm":
            new_states.append(None)
    if bool((counts_host == 0).any()):
        new_states = [n if n is None else torch.where(nonempty, n, s)
                      for n, s in zip(new_states, states)]
    ends = starts + counts

    # Keras's last output: the block's last output, unless the last step is masked and masked
    # steps output zeros, or the sample is fully masked.
    last_valid = nonempty if not zero_output_for_mask else nonempty & (ends == steps)[:, None]
    last_output = new_states[0] * last_valid
    if not return_sequences:
        return last_output, None, new_states
    offset = positions - starts[:, None]  # position inside the block
    index = torch.minimum(offset.clamp(min=0), (counts - 1).clamp(min=0)[:, None])
    outputs = block_out.gather(1, index[:, :, None].expand(-1, -1, block_out.shape[2]))
    keep = block if zero_output_for_mask else (offset >= 0) & nonempty
    outputs = outputs * keep[:, :, None]
    return last_output, outputs, new_states


def _run_packed(kind, x, counts_host, states, params, has_biases, return_sequences):
    """Run the blocks (at the front of `x`) as packed sequences: `(block_out, final_states)`."""
    lengths = counts_host.clamp(min=1)  # an empty block runs one junk step, discarded later
    packed = rnn_utils.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
    sorted_states = [s.index_select(0, packed.sorted_indices) for s in states]
    data, new_states = _call_kernel(kind, packed.data, sorted_states, params, has_biases,
                                    packed.batch_sizes)
    new_states = [s.index_select(0, packed.unsorted_indices) for s in new_states]
    block_out = None
    if return_sequences:
        block_out, _ = rnn_utils.pad_packed_sequence(
            rnn_utils.PackedSequence(data, packed.batch_sizes, packed.sorted_indices,
                                     packed.unsorted_indices),
            batch_first=True, total_length=x.shape[1],
        )
    return block_out, new_states
