"""`model.summary()`: the table of layers, output shapes and parameter counts.

Keras draws this table with `rich`. torchkeras draws the same characters itself: the column widths,
word wrapping, `…` truncation and the cropping to the console width follow rich's rules (rich 15,
as used by Keras 3.15), so the text is identical to what Keras prints when stdout is not a
terminal. No colors or bold are emitted.
"""

import math
import os
import re
import shutil
import sys
import unicodedata

from torchkeras.utils import io_utils

# Bits per element, as Keras's `dtype_utils.dtype_size` (a bool counts one bit).
_DTYPE_BITS = {
    **{f"float{i}": i for i in (16, 32, 64)},
    **{f"int{i}": i for i in (8, 16, 32, 64)},
    **{f"uint{i}": i for i in (8, 16, 32, 64)},
    "bfloat16": 16,
    "bool": 1,
}

# rich's HEAVY_HEAD box, and the ASCII box it falls back to on non-UTF-8 streams. Each entry:
# (left, horizontal, cross, right) for rules, (left, divider, right) for cell rows.
_HEAVY_HEAD = {
    "top": ("┏", "━", "┳", "┓"), "head": ("┃", "┃", "┃"), "head_rule": ("┡", "━", "╇", "┩"),
    "body": ("│", "│", "│"), "rule": ("├", "─", "┼", "┤"), "bottom": ("└", "─", "┴", "┘"),
}
_ASCII = {
    "top": ("+", "-", "-", "+"), "head": ("|", "|", "|"), "head_rule": ("|", "-", "+", "|"),
    "body": ("|", "|", "|"), "rule": ("|", "-", "+", "|"), "bottom": ("+", "-", "-", "+"),
}
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


# -- sizes ------------------------------------------------------------------------------------
def count_params(weights):
    """The number of scalars in `weights`."""
    return int(sum(math.prod(tuple(w.shape)) for w in weights))


def _dtype_bits(w):
    from torchkeras import backend

    dtype = backend.standardize_dtype(w.dtype)
    bits = _DTYPE_BITS.get(dtype)
    if bits is None:
        bits = w.element_size() * 8 if hasattr(w, "element_size") else 32
    return bits


def weight_memory_size(weights):
    """The memory footprint of `weights` in bytes (each weight counted once)."""
    unique = {id(w): w for w in weights}.values()
    return sum(math.prod(tuple(w.shape)) * _dtype_bits(w) for w in unique) / 8


def readable_memory_size(weight_memory_size):
    """Format a number of bytes as Keras does: `"3.41 KB"`."""
    for unit in ["B", "KB", "MB", "GB", "TB", "PB"]:
        if weight_memory_size / 1024 < 1:
            return f"{weight_memory_size:.2f} {unit}"
        weight_memory_size /= 1024
    return f"{weight_memory_size:.2f} PB"


# -- text layout (rich's rules) ----------------------------------------------------------------
def _char_width(ch):
    if ch.isascii():
        return 1
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _cell_len(text):
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _set_cell_size(text, size):
    """Crop or pad `text` to exactly `size` cells."""
    out, used = [], 0
    for ch in text:
        width = _char_width(ch)
        if used + width > size:
            break
        out.append(ch)
        used += width
    return "".join(out) + " " * (size - used)


def _chop_cells(text, width):
    lines, line, used = [], "", 0
    for ch in text:
        w = _char_width(ch)
        if line and used + w > width:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += w
    lines.append(line)
    return lines


def _divide_line(text, width, fold):
    """Offsets at which `text` breaks into lines of `width` cells (rich's word wrap)."""
    breaks, offset = [], 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        word_length = _cell_len(word.rstrip())
        if width - offset >= word_length:
            offset += _cell_len(word)
        elif word_length > width:
            if fold:
                pieces = _chop_cells(word, width)
                for i, piece in enumerate(pieces):
                    if start:
                        breaks.append(start)
                    if i == len(pieces) - 1:
                        offset = _cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = _cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = _cell_len(word)
    return breaks


def _truncate(line, width, overflow):
    if _cell_len(line) > width:
        if overflow == "ellipsis":
            return _set_cell_size(line, width - 1) + "…"
        return _set_cell_size(line, width)
    return line


def wrap_text(text, width, justify="left", overflow="ellipsis"):
    """Word-wrap `text` to `width` cells as a rich table cell (or console line) does.

    `justify` is `"left"`, `"right"`, `"center"` or `"default"` (no padding); `overflow` is
    `"ellipsis"` (a word too long for the line is cut and ends with `…`) or `"fold"`.
    """
    lines = []
    for paragraph in text.split("\n"):
        offsets = _divide_line(paragraph, width, fold=overflow == "fold")
        bounds = [0] + offsets + [len(paragraph)]
        pieces = [paragraph[a:b] for a, b in zip(bounds, bounds[1:])]
        for piece in pieces:
            excess = len(piece) - width
            if excess > 0:
                trailing = _TRAILING_SPACE.search(piece)
                if trailing is not None:
                    piece = piece[: len(piece) - min(len(trailing.group(0)), excess)]
            if justify == "left":
                piece = _truncate(piece, width, overflow)
                piece += " " * (width - _cell_len(piece))
            elif justify in ("right", "center"):
                piece = _truncate(piece.rstrip(), width, overflow)
                gap = width - _cell_len(piece)
                left = gap if justify == "right" else gap // 2
                piece = " " * left + piece + " " * (gap - left)
            lines.append(_truncate(piece, width, overflow))
    return lines


def _reduce_evenly(excess, widths):
    """rich's `ratio_reduce` with equal ratios: take `excess` cells off the columns."""
    ratios = [1 if w else 0 for w in widths]
    total_ratio = sum(ratios)
    result = []
    for ratio, width in zip(ratios, widths):
        if ratio and total_ratio > 0:
            distributed = min(width, round(excess / total_ratio))
            result.append(width - distributed)
            excess -= distributed
            total_ratio -= 1
        else:
            result.append(width)
    return result


def _table_widths(column_widths, table_width):
    """Column widths including the one-cell padding on each side, fitted into the table width."""
    inner = table_width - (len(column_widths) + 1)  # minus the vertical borders
    wanted = [w + 2 for w in column_widths]
    widths = [(min(w, inner) if inner >= 1 else 0) or 1 for w in wanted]
    if sum(widths) > inner:
        # Fixed-width columns never wrap-collapse in rich: the excess comes off all evenly.
        widths = _reduce_evenly(sum(widths) - inner, widths)
        widths = [min(w, r) if r >= 1 else 0 for w, r in zip(wanted, widths)]
    return widths


def render_table(header, alignment, column_widths, rows, table_width, ascii_only=False):
    """The lines of a rich `Table(show_lines=True, box=HEAVY_HEAD)` with fixed-width columns."""
    box = _ASCII if ascii_only else _HEAVY_HEAD
    widths = _table_widths(column_widths, table_width)

    def rule(kind):
        left, horizontal, cross, right = box[kind]
        return left + cross.join(horizontal * w for w in widths) + right

    def cells(values, kind, vertical):
        wrapped = [
            [" " + line + " " for line in wrap_text(str(value), max(w - 2, 0), justify)]
            for value, w, justify in zip(values, widths, alignment)
        ]
        height = max(len(c) for c in wrapped)
        for c, w in zip(wrapped, widths):
            blank = [" " * w] * (height - len(c))
            c[:] = (blank + c) if vertical == "bottom" else (c + blank)
        left, divider, right = box[kind]
        return [left + divider.join(c[i] for c in wrapped) + right for i in range(height)]

    lines = [rule("top")]
    lines += cells(header, "head", "bottom")
    lines.append(rule("head_rule"))
    for i, row in enumerate(rows):
        if i:
            lines.append(rule("rule"))
        lines += cells(row, "body", "top")
    lines.append(rule("bottom"))
    return lines


def _in_jupyter():
    try:
        shell = get_ipython().__class__.__name__  # noqa: F821 (IPython builtin)
    except NameError:
        return False
    return shell == "ZMQInteractiveShell"


def console_width():
    """The width rich's console would use: Jupyter, then `$COLUMNS`, then the terminal, then 80."""
    if _in_jupyter():
        columns = os.environ.get("JUPYTER_COLUMNS")
        return int(columns) if columns is not None and columns.isdigit() else 115
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        return int(columns)
    for fd in (0, 1, 2):
        try:
            width = os.get_terminal_size(fd).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def _console_lines(text, width):
    """A line printed by rich's console: wrapped (folding long words) at the console width."""
    return wrap_text(text, width, justify="default", overflow="fold")


def _crop(line, width):
    return line if _cell_len(line) <= width else _set_cell_size(line, width)


# -- the summary ------------------------------------------------------------------------------
def format_layer_shape(layer):
    """The "Output Shape" cell of a layer: from its last graph call, else its build shapes."""
    if not layer._inbound_nodes and not layer._build_shapes_dict:
        return "?"

    def format_shape(shape):
        return f"({', '.join(str(d) for d in shape)})"

    if layer._inbound_nodes:
        outputs = layer._inbound_nodes[-1].outputs
        output_shapes = [format_shape(x.shape) for x in outputs]
        flat = output_shapes
    else:
        try:
            if hasattr(layer, "output_shape"):
                output_shapes = format_shape(layer.output_shape)
            else:
                shapes = layer._build_shapes_dict
                if len(shapes) == 1:
                    outputs = layer.compute_output_shape(next(iter(shapes.values())))
                else:
                    outputs = layer.compute_output_shape(**shapes)
                output_shapes = _map_shapes(format_shape, outputs)
        except Exception:  # Keras prints "?" when the shape cannot be computed.
            return "?"
        flat = _flatten_strings(output_shapes)
    if len(flat) == 1:
        return flat[0]
    return str(output_shapes).replace("'", "")


def _is_shape(x):
    return isinstance(x, (tuple, list)) and all(d is None or isinstance(d, int) for d in x)


def _map_shapes(fn, structure):
    if _is_shape(structure) or not isinstance(structure, (tuple, list, dict)):
        return fn(structure)
    if isinstance(structure, dict):
        return {k: _map_shapes(fn, v) for k, v in structure.items()}
    return type(structure)(_map_shapes(fn, s) for s in structure)


def _flatten_strings(structure):
    if isinstance(structure, str):
        return [structure]
    if isinstance(structure, dict):
        return [s for k in sorted(structure) for s in _flatten_strings(structure[k])]
    return [s for item in structure for s in _flatten_strings(item)]


def _is_sequential_like(model):
    from torchkeras.models.functional import Functional

    if not isinstance(model, Functional):
        return True
    nodes = []
    for depth_nodes in model._nodes_by_depth.values():
        if len(depth_nodes) > 1 or (
            len(depth_nodes) == 1 and len(depth_nodes[0].input_tensors) > 1
        ):
            return False
        nodes += depth_nodes
    node_ids = {id(n) for n in nodes}
    for layer in model.layers:
        if sum(id(node) in node_ids for node in layer._inbound_nodes) > 1:
            return False
    return True


def print_summary(
    model,
    line_length=None,
    positions=None,
    print_fn=None,
    expand_nested=False,
    show_trainable=False,
    layer_range=None,
):
    """Prints a summary of a model.

    Args:
        model: Keras model instance.
        line_length: Total length of printed lines (e.g. set this to adapt the display to
            different terminal window sizes). Defaults to 88 (108 for models with branches),
            at most the terminal width minus 4.
        positions: Relative or absolute positions of log elements in each line. Defaults to
            `[0.45, 0.80, 1.0]` (`[0.3, 0.56, 0.74, 1.0]` for models with branches).
        print_fn: Print function to use. It is called once, with the whole summary. Defaults
            to printing to stdout.
        expand_nested: Whether to expand the nested models. Defaults to `False`.
        show_trainable: Whether to show if a layer is trainable. Defaults to `False`.
        layer_range: List or tuple of two strings, the starting and ending layer names (or
            regexes), both inclusive, of the layers to print. Defaults to all layers.
    """
    from torchkeras.models.functional import Functional

    if not print_fn and not io_utils.is_interactive_logging_enabled():
        print_fn = io_utils.print_msg

    layers = model._operations if isinstance(model, Functional) else model.layers
    sequential_like = _is_sequential_like(model)
    relevant_nodes = set()
    if sequential_like:
        default_line_length = 88
        positions = positions or [0.45, 0.80, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #"]
        alignment = ["left", "left", "right"]
    else:
        default_line_length = 108
        positions = positions or [0.3, 0.56, 0.74, 1.0]
        header = ["Layer (type)", "Output Shape", "Param #", "Connected to"]
        alignment = ["left", "left", "right", "left"]
        for depth_nodes in model._nodes_by_depth.values():
            relevant_nodes.update(id(node) for node in depth_nodes)
    if show_trainable:
        default_line_length += 12
        positions = [p * 0.90 for p in positions] + [1.0]
        header.append("Trainable")
        alignment.append("center")

    default_line_length = min(default_line_length, shutil.get_terminal_size().columns - 4)
    line_length = line_length or default_line_length
    column_widths = []
    current = 0
    for pos in positions:
        width = int(pos * line_length) - current
        if width < 4:
            raise ValueError("Insufficient console width to print summary.")
        column_widths.append(width)
        current += width

    def get_connections(layer):
        connections = []
        for node in layer._inbound_nodes:
            if relevant_nodes and id(node) not in relevant_nodes:
                continue  # A call of the layer outside this model.
            for x in node.input_tensors:
                operation, node_index, tensor_index = x._keras_history
                connections.append(f"{operation.name}[{node_index}][{tensor_index}]")
        return ", ".join(connections) or "-"

    def get_layer_fields(layer, prefix=""):
        name = f"{prefix}{layer.name} ({layer.__class__.__name__})"
        if not hasattr(layer, "built"):
            params = "0"
        elif not layer.built:
            params = "0 (unbuilt)"
        else:
            params = f"{layer.count_params():,}"
        fields = [name, format_layer_shape(layer), params]
        if not sequential_like:
            fields.append(get_connections(layer))
        if show_trainable:
            if len(getattr(layer, "weights", ())) > 0:
                fields.append("Y" if layer.trainable else "N")
            else:
                fields.append("-")
        return fields

    def layer_rows(layer, nested_level=0):
        prefix = "   " * nested_level + "└ " if nested_level else ""
        rows = [get_layer_fields(layer, prefix=prefix)]
        if expand_nested and getattr(layer, "layers", None):
            for sublayer in layer.layers:
                rows.extend(layer_rows(sublayer, nested_level + 1))
        return rows

    start, stop = get_layer_index_bound_by_layer_name(layers, layer_range)
    rows = [row for layer in layers[start:stop] for row in layer_rows(layer)]

    trainable_weights = getattr(model, "_collected_trainable_weights", None)
    if trainable_weights is None:
        trainable_weights = model.trainable_weights
    trainable_count = count_params(trainable_weights)
    trainable_memory_size = weight_memory_size(trainable_weights)
    non_trainable_count = count_params(model.non_trainable_weights)
    non_trainable_memory_size = weight_memory_size(model.non_trainable_weights)
    optimizer = getattr(model, "optimizer", None)
    optimizer_built = bool(
        getattr(model, "compiled", False) and optimizer is not None
        and getattr(optimizer, "built", False)
    )
    if optimizer_built:
        optimizer_weight_count = count_params(optimizer.variables)
        optimizer_memory_size = weight_memory_size(optimizer.variables)
    else:
        optimizer_weight_count = 0
        optimizer_memory_size = 0
    total_count = trainable_count + non_trainable_count + optimizer_weight_count
    total_memory_size = trainable_memory_size + non_trainable_memory_size + optimizer_memory_size

    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
    width = console_width()
    table = render_table(
        header, alignment, column_widths, rows, line_length,
        ascii_only=not encoding.startswith("utf"),
    )
    lines = _console_lines(f'Model: "{model.name}"', width)
    lines += [_crop(line, width) for line in table]
    totals = [
        ("Total params", total_count, total_memory_size),
        ("Trainable params", trainable_count, trainable_memory_size),
        ("Non-trainable params", non_trainable_count, non_trainable_memory_size),
    ]
    if optimizer_built:
        totals.append(("Optimizer params", optimizer_weight_count, optimizer_memory_size))
    for label, count, size in totals:
        lines += _console_lines(f" {label}: {count:,} ({readable_memory_size(size)})", width)
    text = "".join(line + "\n" for line in lines)

    if print_fn is io_utils.print_msg:
        print_fn(text, line_break=False)
    elif print_fn:
        print_fn(text)
    else:
        io_utils.print_msg(text, line_break=False)


def get_layer_index_bound_by_layer_name(layers, layer_range=None):
    """The `[first, last + 1]` indices of the layers named by `layer_range`.

    Args:
        layers: The list of layers of the model.
        layer_range: A list or tuple of two strings (names or regexes): the first layer whose
            name matches `layer_range[0]` and the last layer whose name matches
            `layer_range[1]`. `None` selects all layers.
    """
    if layer_range is None:
        return [0, len(layers)]
    if len(layer_range) != 2:
        raise ValueError(
            "layer_range must be a list or tuple of length 2. Received: "
            f"layer_range = {layer_range} of length {len(layer_range)}"
        )
    if not isinstance(layer_range[0], str) or not isinstance(layer_range[1], str):
        raise ValueError(f"layer_range should contain string type only. Received: {layer_range}")
    lower = [i for i, layer in enumerate(layers) if re.match(layer_range[0], layer.name)]
    upper = [i for i, layer in enumerate(layers) if re.match(layer_range[1], layer.name)]
    if not lower or not upper:
        raise ValueError(
            "Passed layer_names do not match the layer names in the model. "
            f"Received: {layer_range}"
        )
    if min(lower) > max(upper):
        return [min(upper), max(lower) + 1]
    return [min(lower), max(upper) + 1]
