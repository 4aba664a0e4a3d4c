"""How fast is `keras.layers.MultiHeadAttention` next to plain PyTorch attention?

Two PyTorch baselines: `torch.nn.MultiheadAttention`, and the same block written by hand
(`nn.Linear` projections, `F.scaled_dot_product_attention`, `nn.Linear` output). All run one
forward and backward pass of self-attention on the same random batch (batch 32,
sequence 64, model dim 128, 4 heads of size 32, biases on, no dropout, no mask), in the same
process, in alternating rounds (the order flips every round so neither side always runs on a
warmer cache). Each round times `--steps` passes; a warm-up round of each is not counted. The
numbers are medians over rounds; the ratio is torch time / torchkeras time (1.00x is parity,
below 1 torchkeras is slower).

    python benchmarks/layers_attention.py                 # 1 thread, the default device
    python benchmarks/layers_attention.py --threads 0 --causal --mask
    TORCHKERAS_DEVICE=cuda python benchmarks/layers_attention.py

`--causal` adds a causal mask (`use_causal_mask=True` / `is_causal=True`), `--mask` a key padding
mask (a masked `value` / `key_padding_mask`). The torchkeras layer is called as a user calls it
(`layer(x, x)`), so its per-call overhead is counted.
"""

import argparse
import statistics
import time

import torch


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batch-size", type=int, default=32, help="batch size (32)")
    parser.add_argument("--seq", type=int, default=64, help="sequence length (64)")
    parser.add_argument("--dim", type=int, default=128, help="model dimension (128)")
    parser.add_argument("--heads", type=int, default=4, help="attention heads (4)")
    parser.add_argument("--steps", type=int, default=20, help="passes per round (20)")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds per side (7)")
    parser.add_argument(
        "--threads", type=int, default=1, help="torch intra-op threads (1); 0 keeps torch's default"
    )
    parser.add_argument("--causal", action="store_true", help="causal self-attention")
    parser.add_argument("--mask", action="store_true", help="key padding mask (last quarter)")
    return parser.parse_args(argv)


def _sync(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _timed(fn, device):
    _sync(device)
    start = time.perf_counter()
    fn()
    _sync(device)
    return time.perf_counter() - start


def main(argv=None):
    args = parse_args(argv)
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    import torchkeras as keras

    device = keras.config.get_device()
    torch.manual_seed(0)
    x = torch.randn(args.batch_size, args.seq, args.dim, device=device)
    grad = torch.randn_like(x)
    keep = torch.ones(args.batch_size, args.seq, dtype=torch.bool, device=device)
    keep[:, args.seq * 3 // 4:] = False

    layer = keras.layers.MultiHeadAttention(num_heads=args.heads, key_dim=args.dim // args.heads)
    layer(x, x)
    layer.to(device)
    reference = torch.nn.MultiheadAttention(args.dim, args.heads, batch_first=True).to(device)
    causal = torch.ones(args.seq, args.seq, dtype=torch.bool, device=device).triu(1)
    hand = HandWritten(args.dim, args.heads).to(device)

    def keras_steps():
        for _ in range(args.steps):
            value = x
            if args.mask:
                value = x.clone()  # a fresh tensor per call: the layer consumes input masks
                value._keras_mask = keep
            out = layer(x, value, use_causal_mask=args.causal)
            out.backward(grad)
        layer.zero_grad(set_to_none=True)

    def torch_steps():
        for _ in range(args.steps):
            out, _ = reference(
                x, x, x, need_weights=False,
                key_padding_mask=~keep if args.mask else None,
                attn_mask=causal if args.causal else None, is_causal=args.causal,
            )
            out.backward(grad)
        reference.zero_grad(set_to_none=True)

    def hand_steps():
        for _ in range(args.steps):
            out = hand(x, keep if args.mask else None, args.causal)
            out.backward(grad)
        hand.zero_grad(set_to_none=True)

    sides = {"keras": keras_steps, "torch": torch_steps, "hand": hand_steps}
    for fn in sides.values():
        fn()
    times = {name: [] for name in sides}
    order = list(sides)
    for i in range(args.rounds):
        for name in order if i % 2 == 0 else order[::-1]:
            times[name].append(_timed(sides[name], device))
    keras_time, torch_time, hand_time = (
        statistics.median(times[name]) / args.steps for name in ("keras", "torch", "hand")
    )
    extras = ", causal" if args.causal else ""
    extras += ", key padding mask" if args.mask else ""
    print(
        f"MultiHeadAttention forward+backward: batch {args.batch_size}, seq {args.seq}, "
        f"dim {args.dim}, {args.heads} heads{extras}; {torch.get_num_threads()} thread(s), "
        f"device {device}, median of {args.rounds} rounds of {args.steps} steps"
    )
    print(f"  torch.nn.MultiheadAttention      {torch_time * 1e3:8.3f} ms/step")
    print(f"  hand-written Linear + SDPA       {hand_time * 1e3:8.3f} ms/step")
    print(f"  keras.layers.MultiHeadAttention  {keras_time * 1e3:8.3f} ms/step")
    print(f"  speed ratio vs nn.MultiheadAttention: {torch_time / keras_time:.3f}x")
    print(f"  speed ratio vs hand-written:          {hand_time / keras_time:.3f}x")
    return hand_time / keras_time


class HandWritten(torch.nn.Module):
    """Self-attention as a PyTorch user writes it: fused QKV projection, SDPA, output projection."""

    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.qkv = torch.nn.Linear(dim, 3 * dim)
        self.out = torch.nn.Linear(dim, dim)

    def forward(self, x, keep=None, causal=False):
        batch, seq, dim = x.shape
        # (batch, seq, 3, heads, head_dim) -> three (batch, heads, seq, head_dim) views
        q, k, v = self.qkv(x).view(batch, seq, 3, self.heads, -1).permute(2, 0, 3, 1, 4)
        mask = None if keep is None else keep[:, None, None, :]
        y = torch.nn.functional.scaled_dot_product_attention(
            q, k, v, attn_mask=mask, is_causal=causal and mask is None
        )
        return self.out(y.transpose(1, 2).reshape(batch, seq, dim))


if __name__ == "__main__":
    main()
