import numpy as np
import torch

from torchkeras.backend import rnn as backend_rnn


def _cumulative_step(x, states):
    total = states[0] + x
    return total * 10.0, [total]


def test_rnn_loop_masking_rule():
    x = torch.tensor([[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]])[:, :, None]
    mask = torch.tensor([[False, True, False, True], [True, True, True, False]])
    last, outputs, (state,) = backend_rnn.rnn(_cumulative_step, x, [torch.zeros(2, 1)],
                                              mask=mask)
    # Masked steps keep the state and repeat the previous output (zeros before the first step).
    np.testing.assert_allclose(outputs[..., 0].numpy(), [[0, 20, 20, 60], [10, 30, 60, 60]])
    np.testing.assert_allclose(last[:, 0].numpy(), [60, 60])
    np.testing.assert_allclose(state[:, 0].numpy(), [6, 6])
    _, outputs, _ = backend_rnn.rnn(_cumulative_step, x, [torch.zeros(2, 1)], mask=mask,
                                    go_backwards=True, zero_output_for_mask=True)
    np.testing.assert_allclose(outputs[..., 0].numpy(), [[40, 0, 60, 0], [0, 30, 50, 60]])
    last, outputs, _ = backend_rnn.rnn(_cumulative_step, x, [torch.zeros(2, 1)],
                                       return_all_outputs=False)
    assert outputs is None and last[:, 0].tolist() == [100.0, 100.0]


def _lstm_weights(rng, input_dim=3, units=4):
    return (torch.tensor(rng.normal(0, 0.5, (input_dim, 4 * units)), dtype=torch.float32),
            torch.tensor(rng.normal(0, 0.5, (units, 4 * units)), dtype=torch.float32),
            torch.tensor(rng.normal(0, 0.2, (4 * units,)), dtype=torch.float32))


def _lstm_loop(x, h0, c0, kernel, recurrent_kernel, bias, **kwargs):
    def step(xt, states):
        z = xt @ kernel + states[0] @ recurrent_kernel + bias
        i, f, g, o = z.chunk(4, dim=1)
        c = torch.sigmoid(f) * states[1] + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, [h, c]

    return backend_rnn.rnn(step, x, [h0, c0], **kwargs)


def test_fused_lstm_equals_the_loop_for_contiguous_masks(rng):
    weights = _lstm_weights(rng)
    x = torch.tensor(rng.standard_normal((4, 6, 3)), dtype=torch.float32)
    h0, c0 = torch.randn(2, 4, 4)
    masks = [
        torch.tensor([[1] * 6, [1, 1, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 1, 1, 1, 0]]),
        torch.tensor([[0, 0, 0, 1, 1, 1], [0, 1, 1, 1, 1, 1], [1] * 6, [0, 0, 0, 0, 0, 1]]),
    ]
    for mask in masks:
        mask = mask.bool()
        for go_backwards in (False, True):
            for zero_output in (False, True):
                kwargs = dict(mask=mask, go_backwards=go_backwards,
                              zero_output_for_mask=zero_output)
                ref_last, ref_outputs, ref_states = _lstm_loop(x, h0, c0, *weights, **kwargs)
                # need_states=True packs the blocks; False runs the full-length kernel and
                # leaves out the final carry.
                for need_states in (True, False):
                    last, outputs, states = backend_rnn.lstm(x, h0, c0, *weights,
                                                             need_states=need_states, **kwargs)
                    torch.testing.assert_close(outputs, ref_outputs, rtol=1e-5, atol=1e-5)
                    torch.testing.assert_close(last, ref_last, rtol=1e-5, atol=1e-5)
                    torch.testing.assert_close(states[0], ref_states[0], rtol=1e-5, atol=1e-5)
                    if need_states:
                        torch.testing.assert_close(states[1], ref_states[1], rtol=1e-5,
                                                   atol=1e-5)
                    else:
                        assert states[1] is None


def test_fused_kernels_decline_masks_with_holes(rng):
    weights = _lstm_weights(rng)
    x = torch.randn(2, 4, 3)
    mask = torch.tensor([[True, False, True, True], [True] * 4])
    assert backend_rnn.lstm(x, torch.zeros(2, 4), torch.zeros(2, 4), *weights, mask=mask) is None
    gru_weights = (torch.randn(3, 12), torch.randn(4, 12), torch.randn(2, 12))
    assert backend_rnn.gru(x, torch.zeros(2, 4), *gru_weights, mask=mask) is None
    assert backend_rnn.simple_rnn(x, torch.zeros(2, 4), torch.randn(3, 4), torch.randn(4, 4),
                                  None, mask=mask) is None


def test_flat_weights_are_views_of_one_buffer():
    params = [torch.randn(3, 8).t(), torch.randn(8), torch.randn(2, 8).t()]
    flat = backend_rnn._flat_weights(params)
    assert all(torch.equal(a, b) for a, b in zip(flat, params))
    assert all(p.is_contiguous() for p in flat)
    assert len({p.untyped_storage().data_ptr() for p in flat}) == 1
