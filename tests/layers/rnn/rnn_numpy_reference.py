"""Closed-form NumPy references for the recurrent layers (written from Keras's formulas).

The loop follows Keras's TensorFlow backend: at a masked step the states keep their values and
the output repeats the previous (masked) output, zeros before the first unmasked step, or is zero
with `zero_output_for_mask`; `go_backwards` runs the steps in reverse and returns the outputs in
that (processing) order.
"""

import numpy as np


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def hard_sigmoid(x):
    return np.clip(x / 6.0 + 0.5, 0.0, 1.0)


def relu(x):
    return np.maximum(x, 0.0)


def simple_rnn_step(x, states, kernel, recurrent_kernel, bias=None, activation=np.tanh):
    z = x @ kernel + states[0] @ recurrent_kernel
    if bias is not None:
        z = z + bias
    h = activation(z)
    return h, [h]


def lstm_step(x, states, kernel, recurrent_kernel, bias=None, activation=np.tanh,
              recurrent_activation=sigmoid):
    h, c = states
    z = x @ kernel + h @ recurrent_kernel
    if bias is not None:
        z = z + bias
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=-1)  # Keras gate order i, f, c, o
    i = recurrent_activation(z_i)
    f = recurrent_activation(z_f)
    c = f * c + i * activation(z_c)
    o = recurrent_activation(z_o)
    h = o * activation(c)
    return h, [h, c]


def gru_step(x, states, kernel, recurrent_kernel, bias=None, reset_after=True,
             activation=np.tanh, recurrent_activation=sigmoid):
    h = states[0]
    units = h.shape[-1]
    if bias is None:
        input_bias = recurrent_bias = np.zeros(3 * units, np.float32)
    elif reset_after:
        input_bias, recurrent_bias = bias[0], bias[1]
    else:
        input_bias, recurrent_bias = bias, np.zeros(3 * units, np.float32)
    x_z, x_r, x_h = np.split(x @ kernel + input_bias, 3, axis=-1)  # gates z, r, h
    k_z, k_r, k_h = np.split(recurrent_kernel, 3, axis=-1)
    b_z, b_r, b_h = np.split(recurrent_bias, 3)
    z = recurrent_activation(x_z + h @ k_z + b_z)
    r = recurrent_activation(x_r + h @ k_r + b_r)
    if reset_after:
        candidate = activation(x_h + r * (h @ k_h + b_h))
    else:
        candidate = activation(x_h + (r * h) @ k_h)
    h = z * h + (1 - z) * candidate
    return h, [h]


def run(step, x, states, mask=None, go_backwards=False, zero_output_for_mask=False):
    """Returns `(last_output, outputs (batch, time, units), final_states)`."""
    steps = list(range(x.shape[1]))
    if go_backwards:
        steps = steps[::-1]
    states = [np.asarray(s, np.float64) for s in states]
    previous = None
    outputs = []
    for t in steps:
        output, new_states = step(x[:, t], states)
        if mask is not None:
            keep = mask[:, t].reshape((-1,) + (1,) * (output.ndim - 1))
            if previous is None or zero_output_for_mask:
                previous = np.zeros_like(output)
            output = np.where(keep, output, previous)
            new_states = [np.where(keep, n, s) for n, s in zip(new_states, states)]
        previous = output
        states = new_states
        outputs.append(output)
    return outputs[-1], np.stack(outputs, axis=1), states
