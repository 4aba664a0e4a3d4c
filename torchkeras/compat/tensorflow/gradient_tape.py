"""`tf.GradientTape` on torch autograd.

torch records every op on tensors that require gradients, so the tape only has to remember what
to differentiate: `gradient(target, sources)` is `torch.autograd.grad`. Sources that do not affect
the target get `None`, as in TensorFlow.
"""

import torch

from torchkeras.utils import tree


class GradientTape:
    """Record operations for automatic differentiation (TensorFlow's API over torch autograd).

    Args:
        persistent: Allow several `gradient()` calls on the same tape. Defaults to `False`.
        watch_accessed_variables: Kept for compatibility; torch tracks every tensor that requires
            gradients. Defaults to `True`.

    Example:

    ```python
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
    grads = tape.gradient(loss, model.trainable_weights)
    optimizer.apply_gradients(zip(grads, model.trainable_weights))
    ```
    """

    def __init__(self, persistent=False, watch_accessed_variables=True):
        self._persistent = persistent
        self._used = False
        self._grad_mode = None

    def __enter__(self):
        self._grad_mode = torch.is_grad_enabled()
        torch.set_grad_enabled(True)
        return self

    def __exit__(self, *exc):
        torch.set_grad_enabled(self._grad_mode)
        return False

    def watch(self, tensor):
        """Ensure `tensor` (or a structure of tensors) is traced."""
        for t in tree.flatten(tensor):
            if isinstance(t, torch.Tensor) and t.is_leaf and not t.requires_grad and (
                t.is_floating_point() or t.is_complex()
            ):
                t.requires_grad_(True)

    def stop_recording(self):
        """A context in which operations are not recorded."""
        return torch.no_grad()

    def reset(self):
        self._used = False

    def gradient(self, target, sources, output_gradients=None, unconnected_gradients="none"):
        """The gradients of `target` with respect to `sources` (same nesting as `sources`)."""
        if self._used and not self._persistent:
            raise RuntimeError(
                "A non-persistent GradientTape can only be used to compute one set of "
                "gradients (or jacobians)"
            )
        self._used = True
        flat_sources = tree.flatten(sources)
        targets = [t for t in tree.flatten(target)]
        if len(targets) > 1:
            total = sum(t.sum() for t in targets)
        else:
            total = targets[0]
        grad_outputs = None
        if output_gradients is not None:
            grad_outputs = output_gradients
        elif total.dim() > 0:
            grad_outputs = torch.ones_like(total)  # TF sums a non-scalar target
        needs = [s for s in flat_sources if isinstance(s, torch.Tensor) and s.requires_grad]
        grads = torch.autograd.grad(
            total, needs, grad_outputs=grad_outputs, retain_graph=self._persistent,
            allow_unused=True,
        ) if needs and total.requires_grad else [None] * len(needs)
        by_id = {id(s): g for s, g in zip(needs, grads)}
        result = []
        for s in flat_sources:
            g = by_id.get(id(s))
            if g is None and unconnected_gradients == "zero" and isinstance(s, torch.Tensor):
                g = torch.zeros_like(s)
            result.append(g)
        return tree.pack_sequence_as(sources, result)
