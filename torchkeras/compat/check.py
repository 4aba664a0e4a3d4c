"""`torchkeras check SCRIPT`: list the keras / tf names a script uses that torchkeras lacks or
implements differently, with file:line, without running the script."""

import ast
import importlib

from torchkeras.compat import import_shim

# Names that exist but behave differently; the note says how (see compat/DIFFERENCES.md).
DIFFERENT = {
    "tensorflow.function": "runs eagerly (torch has no graph to trace into)",
    "tensorflow.data.Dataset.prefetch": "no-op",
    "tensorflow.data.Options": "accepted, no effect",
    "tensorflow.compat.v1.disable_eager_execution": "raises NotImplementedError: no graph mode",
    "tensorflow.compat.v1.Session": "raises NotImplementedError: no graph mode",
    "tensorflow.distribute.MirroredStrategy": "one process, 1 replica (use torchrun for more)",
    "tensorflow.device": "no-op: torchkeras places tensors on keras.config's device",
    "tensorflow.config.experimental.set_memory_growth": "no-op",
}


def _module_root(name):
    return name.split(".", 1)[0] in import_shim.ROOTS


class _NameCollector(ast.NodeVisitor):
    """Collects `(dotted_name, line)` for every keras/tensorflow name the script refers to."""

    def __init__(self):
        self.aliases = {}
        self.uses = []

    def visit_Import(self, node):
        for alias in node.names:
            if _module_root(alias.name):
                local = alias.asname or alias.name.split(".", 1)[0]
                self.aliases[local] = alias.name if alias.asname else local
                self.uses.append((alias.name, node.lineno))

    def visit_ImportFrom(self, node):
        if node.module and _module_root(node.module) and node.level == 0:
            for alias in node.names:
                if alias.name == "*":
                    continue
                full = f"{node.module}.{alias.name}"
                self.aliases[alias.asname or alias.name] = full
                self.uses.append((full, node.lineno))

    def visit_Attribute(self, node):
        parts = []
        current = node
        while isinstance(current, ast.Attribute):
            parts.append(current.attr)
            current = current.value
        if isinstance(current, ast.Name) and current.id in self.aliases:
            full = ".".join([self.aliases[current.id]] + list(reversed(parts)))
            self.uses.append((full, node.lineno))
            return  # the longest chain only
        self.generic_visit(node)


def resolve(name):
    """Whether torchkeras provides `name` (a keras/tf dotted path): `(ok, reason)`."""
    parts = name.split(".")
    module, consumed = None, 0
    for i in range(len(parts), 0, -1):
        target = import_shim.target_module_name(".".join(parts[:i]))
        if target is None:
            continue
        try:
            module = importlib.import_module(target)
        except ImportError:
            continue
        consumed = i
        break
    if module is None:
        return False, "module not provided"
    value = module
    for attr in parts[consumed:]:
        try:
            value = getattr(value, attr)
        except NotImplementedError as e:
            return False, str(e).splitlines()[0]
        except AttributeError:
            return False, "not provided by torchkeras"
    return True, ""


def check_source(source, filename="<script>"):
    """Return report lines `file:line: name: reason` for missing or different names."""
    collector = _NameCollector()
    collector.visit(ast.parse(source, filename))
    lines, seen = [], set()
    for name, line in collector.uses:
        if (name, line) in seen:
            continue
        seen.add((name, line))
        canonical = name.replace("tensorflow.keras.", "keras.").replace("tf_keras.", "keras.")
        ok, reason = resolve(name)
        if not ok:
            lines.append(f"{filename}:{line}: {name}: missing ({reason})")
        elif canonical in DIFFERENT or name in DIFFERENT:
            note = DIFFERENT.get(name) or DIFFERENT[canonical]
            lines.append(f"{filename}:{line}: {name}: implemented differently ({note})")
    return lines


def check_file(path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    return check_source(source, path)
