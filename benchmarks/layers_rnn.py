"""How fast is a torchkeras LSTM next to `torch.nn.LSTM`? Prints the times and the ratio.

Both sides run forward + backward of one LSTM layer with 128 units over 100 timesteps (batch 32,
64 input features, `return_sequences=True`, the loss is the sum of the outputs). The torchkeras
layer keeps Keras's weight layout (`kernel (64, 512)`, `recurrent_kernel (128, 512)`, one bias)
and hands it to torch's fused LSTM kernel as transposed views; `torch.nn.LSTM` holds torch's layout
(two biases). Rounds alternate (the order flips every round) after a few warm-up passes; medians
are reported, and the throughput ratio torch time / torchkeras time (1.00x is parity, below 1
torchkeras is slower; the target is >= 0.95x).

    python benchmarks/layers_rnn.py                   # 1 thread
    python benchmarks/layers_rnn.py --threads 2 --rounds 31
    python benchmarks/layers_rnn.py --mask            # right-padded masks (packed sequences)
    TORCHKERAS_DEVICE=cuda python benchmarks/layers_rnn.py

With `--mask`, torchkeras receives a right-padded mask (Keras semantics: masked steps keep the
state and repeat the last output) and `torch.nn.LSTM` the equivalent packed sequence (built from
the lengths inside the timed region), so both skip the padding.
"""

import argparse
import statistics
import time

import torch


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch-size", type=int, default=32, help="batch size (32)")
    parser.add_argument("--steps", type=int, default=100, help="timesteps (100)")
    parser.add_argument("--features", type=int, default=64, help="input features (64)")
    parser.add_argument("--units", type=int, default=128, help="LSTM units (128)")
    parser.add_argument("--rounds", type=int, default=21, help="timed passes per side (21)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed passes per side (3)")
    parser.add_argument(
        "--threads", type=int, default=1, help="torch intra-op threads (1); 0 keeps torch's default"
    )
    parser.add_argument("--mask", action="store_true", help="right-padded sequences")
    return parser.parse_args(argv)


def _sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def main(argv=None):
    args = parse_args(argv)
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    import torchkeras as keras

    device = keras.config.get_device()
    torch.manual_seed(0)
    x = torch.randn(args.batch_size, args.steps, args.features, device=device)
    lengths = torch.randint(args.steps // 2, args.steps + 1, (args.batch_size,))
    mask = (torch.arange(args.steps)[None, :] < lengths[:, None]).to(device)

    layer = keras.layers.LSTM(args.units, return_sequences=True)
    layer.build((None, args.steps, args.features))
    layer.to(device)
    reference = torch.nn.LSTM(args.features, args.units, batch_first=True).to(device)
    with torch.no_grad():
        # The same function on both sides: torch's weights are Keras's, transposed.
        kernel, recurrent_kernel, bias = layer.weights
        reference.weight_ih_l0.copy_(kernel.t())
        reference.weight_hh_l0.copy_(recurrent_kernel.t())
        reference.bias_ih_l0.copy_(bias)
        reference.bias_hh_l0.zero_()

    def keras_pass():
        layer.zero_grad(set_to_none=True)
        out = layer(x, mask=mask) if args.mask else layer(x)
        out.sum().backward()

    def torch_pass():
        reference.zero_grad(set_to_none=True)
        if args.mask:
            packed = torch.nn.utils.rnn.pack_padded_sequence(
                x, lengths, batch_first=True, enforce_sorted=False
            )
            out, _ = reference(packed)
            out = out.data
        else:
            out, _ = reference(x)
        out.sum().backward()

    if not args.mask:
        torch.testing.assert_close(layer(x), reference(x)[0], rtol=1e-4, atol=1e-5)

    def timed(fn):
        _sync(device)
        start = time.perf_counter()
        fn()
        _sync(device)
        return time.perf_counter() - start

    for _ in range(args.warmup):
        keras_pass()
        torch_pass()
    keras_times, torch_times = [], []
    for i in range(args.rounds):
        order = ((keras_pass, keras_times), (torch_pass, torch_times))
        for fn, times in order if i % 2 == 0 else order[::-1]:
            times.append(timed(fn))

    keras_ms = statistics.median(keras_times) * 1e3
    torch_ms = statistics.median(torch_times) * 1e3
    print(
        f"LSTM({args.units}) forward+backward, batch {args.batch_size}, {args.steps} steps, "
        f"{args.features} features{', right-padded mask' if args.mask else ''} on {device} "
        f"({torch.get_num_threads()} thread(s)), median of {args.rounds} rounds"
    )
    print(f"  torchkeras LSTM  {keras_ms:8.2f} ms")
    print(f"  torch.nn.LSTM    {torch_ms:8.2f} ms")
    print(f"  ratio (throughput torchkeras / torch): {torch_ms / keras_ms:.2f}x")
    return torch_ms / keras_ms


if __name__ == "__main__":
    main()
