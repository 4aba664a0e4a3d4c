"""What `compile()` turns `loss=`, `loss_weights=`, `metrics=` and `weighted_metrics=` into.

`CompileLoss` maps the loss configuration onto the model's outputs and returns one scalar;
`CompileMetrics` does the same for metrics. Both are built on the first batch, when the
structure and shapes of `y` and `y_pred` are known (Keras resolves `"accuracy"` by shapes).
"""

import torch

from torchkeras import losses as losses_module
from torchkeras import metrics as metrics_module
from torchkeras.losses import resolve as loss_resolve
from torchkeras.metrics.resolve import get_metric


def _flatten_outputs(y_pred, output_names, what):
    """The model outputs and the user's structure `what` (list/dict/single) as flat lists."""
    if isinstance(y_pred, dict):
        names = list(y_pred.keys())
        flat = [y_pred[k] for k in names]
    elif isinstance(y_pred, (list, tuple)):
        flat = list(y_pred)
        names = output_names if output_names and len(output_names) == len(flat) else [
            f"output_{i}" for i in range(len(flat))
        ]
    else:
        flat = [y_pred]
        names = output_names[:1] if output_names else ["output_0"]
    return names, flat


def _flatten_targets(y_true, names, context):
    """`y` aligned with the outputs `names`: a list (by position) or a dict (by output name)."""
    if y_true is None:
        return [None] * len(names)
    if isinstance(y_true, dict):
        missing = [n for n in names if n not in y_true]
        if missing and len(names) > 1:
            raise ValueError(
                f"{context}: the targets `y` are a dict whose keys must match the model's output "
                f"names {names}. Missing: {missing}. Received keys: {list(y_true.keys())}"
            )
        if len(names) == 1 and names[0] not in y_true:
            return [next(iter(y_true.values()))]
        return [y_true[n] for n in names]
    if isinstance(y_true, (list, tuple)) and len(names) > 1:
        if len(y_true) != len(names):
            raise ValueError(
                f"{context}: the model has {len(names)} outputs {names} but received "
                f"{len(y_true)} targets in `y`."
            )
        return list(y_true)
    if isinstance(y_true, (list, tuple)) and len(names) == 1 and len(y_true) == 1:
        return list(y_true)
    return [y_true]


def _per_output(config, names, kind):
    """Spread a loss/metrics configuration over the outputs: one entry (or None) per output."""
    if isinstance(config, dict):
        unknown = [k for k in config if k not in names]
        if unknown:
            raise ValueError(
                f"In the dict argument `{kind}`, key '{unknown[0]}' does not correspond to any "
                f"model output. Received:\n{kind}={config}"
            )
        return [config.get(name) for name in names]
    is_metrics = kind != "loss"
    if isinstance(config, (list, tuple)):
        if len(names) == 1:
            # A single output: a loss list holds its one loss; a metrics list is its metrics.
            return [config] if is_metrics else [config[0]] if len(config) == 1 else [config]
        if len(config) != len(names):
            raise ValueError(
                f"For a model with multiple outputs, when providing the `{kind}` argument as a "
                f"list, it should have as many entries as the model has outputs. Received:\n"
                f"{kind}={config}\nof length {len(config)} whereas the model has "
                f"{len(names)} outputs."
            )
        return list(config)
    if is_metrics:
        raise TypeError(
            f"Expected `{kind}` argument to be a list, tuple, or dict. Received instead: "
            f"{kind}={config} of type {type(config)}"
        )
    return [config] * len(names)


_SHAPE_RESOLVED_METRICS = ("accuracy", "acc", "crossentropy", "ce")


def _check_names(config, getter, skip=()):
    """Resolve every name in a loss/metrics configuration now, so that `compile()` (not the first
    batch of `fit()`) reports an unknown name."""
    leaves = config.values() if isinstance(config, dict) else (
        config if isinstance(config, (list, tuple)) else [config]
    )
    for leaf in leaves:
        if isinstance(leaf, (list, tuple, dict)):
            _check_names(leaf, getter, skip)
        elif isinstance(leaf, str) and leaf.lower() not in skip:
            getter(leaf)


class CompileLoss:
    """The training loss from `compile(loss=..., loss_weights=...)`.

    Args:
        loss: A loss (name, function or `Loss`), or a list/dict of them, one per output.
        loss_weights: Optional scalar weights of the per-output losses (list or dict).
        output_names: Names of the model's outputs.
    """

    def __init__(self, loss, loss_weights=None, output_names=None):
        _check_names(loss, losses_module.get, skip=_SHAPE_RESOLVED_METRICS[2:])
        self._loss_config = loss
        self._loss_weights_config = loss_weights
        self.output_names = output_names
        self.built = False
        self._single = None
        self.loss_trackers = []

    def build(self, y_true, y_pred):
        names, flat_pred = _flatten_outputs(y_pred, self.output_names, "loss")
        self.names = names
        loss_list = _per_output(self._loss_config, names, "loss")
        flat_true = _flatten_targets(y_true, names, "Model.fit()")
        self.losses = [
            loss_resolve.get_loss(l, t, p) for l, t, p in zip(loss_list, flat_true, flat_pred)
        ]
        weights = self._loss_weights_config
        if weights is None:
            self.weights = [1.0] * len(names)
        elif isinstance(weights, dict):
            self.weights = [float(weights.get(n, 1.0)) for n in names]
        elif isinstance(weights, (list, tuple)):
            if len(weights) != len(names):
                raise ValueError(
                    "Expected `loss_weights` to be a list with as many entries as the model has "
                    f"outputs ({len(names)}). Received: loss_weights={weights}"
                )
            self.weights = [float(w) for w in weights]
        else:
            self.weights = [float(weights)] * len(names)
        self._single = (
            self.losses[0] if len(names) == 1 and self.weights[0] == 1.0 else None
        )
        if len(names) > 1:
            self.loss_trackers = [
                metrics_module.Mean(name=f"{n}_loss") if l is not None else None
                for n, l in zip(names, self.losses)
            ]
        self.built = True

    def __call__(self, y_true, y_pred, sample_weight=None):
        if not self.built:
            self.build(y_true, y_pred)
        if self._single is not None and isinstance(y_pred, torch.Tensor) and isinstance(
            y_true, torch.Tensor
        ):
            # One output, one loss: no structure to align.
            return self._single(y_true, y_pred, sample_weight=sample_weight)
        _, flat_pred = _flatten_outputs(y_pred, self.output_names, "loss")
        flat_true = _flatten_targets(y_true, self.names, "Model.fit()")
        flat_weights = (
            _flatten_targets(sample_weight, self.names, "Model.fit()")
            if sample_weight is not None
            else [None] * len(self.names)
        )
        total = None
        for i, loss_fn in enumerate(self.losses):
            if loss_fn is None or flat_true[i] is None:
                continue
            value = loss_fn(flat_true[i], flat_pred[i], sample_weight=flat_weights[i])
            if self.loss_trackers and self.loss_trackers[i] is not None:
                # Per-output losses average the batch means, as Keras on TensorFlow reports them.
                self.loss_trackers[i].update_state(value.detach())
            if self.weights[i] != 1.0:
                value = value * self.weights[i]
            total = value if total is None else total + value
        return total

    def reset_state(self):
        for tracker in self.loss_trackers:
            if tracker is not None:
                tracker.reset_state()


class CompileMetrics:
    """The metrics from `compile(metrics=..., weighted_metrics=...)`, per output.

    Args:
        metrics: Metrics (names, functions or `Metric`s), a list per output, or a dict by
            output name.
        weighted_metrics: Same, for metrics that receive `sample_weight`.
        output_names: Names of the model's outputs.
    """

    name = "compile_metrics"

    def __init__(self, metrics, weighted_metrics, output_names=None):
        for config in (metrics, weighted_metrics):
            if config is not None:
                _check_names(config, metrics_module.get, skip=_SHAPE_RESOLVED_METRICS)
        self._metrics_config = metrics
        self._weighted_config = weighted_metrics
        self.output_names = output_names
        self.built = False
        self.unweighted = []
        self.weighted = []

    @property
    def metrics(self):
        return [m for _, m, _ in self.unweighted] + [m for _, m, _ in self.weighted]

    @property
    def variables(self):
        return [v for m in self.metrics for v in m.variables]

    def _resolve(self, config, names, flat_true, flat_pred, kind, taken):
        """`(output index, metric, result name)` for each metric. With several outputs the result
        name is prefixed by the output name (the metric object keeps its own name, as Keras)."""
        resolved = []
        if config is None:
            return resolved
        for i, entry in enumerate(_per_output(config, names, kind)):
            entries = entry if isinstance(entry, (list, tuple)) else [entry]
            for identifier in entries:
                if identifier is None:
                    continue
                metric = get_metric(identifier, flat_true[i], flat_pred[i])
                result_name = f"{names[i]}_{metric.name}" if len(names) > 1 else metric.name
                if result_name in taken and kind == "weighted_metrics":
                    result_name = "weighted_" + result_name
                if result_name in taken:
                    # As Keras: later metrics with a taken name become `name_1`, `name_2`, ...
                    base, index = result_name, 1
                    while f"{base}_{index}" in taken:
                        index += 1
                    result_name = f"{base}_{index}"
                taken.add(result_name)
                resolved.append((i, metric, result_name))
        return resolved

    def build(self, y_true, y_pred):
        names, flat_pred = _flatten_outputs(y_pred, self.output_names, "metrics")
        self.names = names
        flat_true = _flatten_targets(y_true, names, "Model.fit()")
        taken = set()
        self.unweighted = self._resolve(
            self._metrics_config, names, flat_true, flat_pred, "metrics", taken
        )
        self.weighted = self._resolve(
            self._weighted_config, names, flat_true, flat_pred, "weighted_metrics", taken
        )
        self.built = True

    def update_state(self, y_true, y_pred, sample_weight=None):
        if not self.built:
            self.build(y_true, y_pred)
        _, flat_pred = _flatten_outputs(y_pred, self.output_names, "metrics")
        flat_true = _flatten_targets(y_true, self.names, "Model.fit()")
        for i, metric, _ in self.unweighted:
            if flat_true[i] is not None:
                metric.update_state(flat_true[i], flat_pred[i])
        if self.weighted:
            flat_weights = (
                _flatten_targets(sample_weight, self.names, "Model.fit()")
                if sample_weight is not None
                else [None] * len(self.names)
            )
            for i, metric, _ in self.weighted:
                if flat_true[i] is not None:
                    metric.update_state(flat_true[i], flat_pred[i], sample_weight=flat_weights[i])

    def result(self):
        return {name: metric.result() for _, metric, name in self.unweighted + self.weighted}

    def reset_state(self):
        for metric in self.metrics:
            metric.reset_state()


def scalar_loss_sum(values):
    """Sum a list of scalar loss tensors (regularization and `add_loss` terms)."""
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total if isinstance(total, torch.Tensor) else torch.as_tensor(total)
