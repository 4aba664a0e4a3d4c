"""model_to_dot / plot_model: Keras's messages without pydot, and the graph with a stand-in
pydot module (pydot is not installed in the test environment)."""

import sys
import types

import pytest

import torchkeras as keras
from torchkeras.utils import model_visualization
from torchkeras.utils.model_visualization import model_to_dot
from torchkeras.utils.model_visualization import plot_model


def functional_model():
    inputs = keras.Input((4,), name="x")
    a = keras.layers.Dense(3, activation="relu", name="a")(inputs)
    b = keras.layers.Dense(3, name="b")(inputs)
    out = keras.layers.Add(name="add")([a, b])
    return keras.Model(inputs, out)


@pytest.fixture()
def no_pydot(monkeypatch):
    for name in ("pydot", "pydot_ng", "pydotplus"):
        monkeypatch.setitem(sys.modules, name, None)  # makes `import name` fail


class _Graph:
    def __init__(self, *args, **kwargs):
        self.attrs, self.nodes, self.edges, self.subgraphs = dict(kwargs), [], [], []

    def set(self, key, value):
        self.attrs[key] = value

    def set_node_defaults(self, **kwargs):
        self.attrs["node_defaults"] = kwargs

    def add_node(self, node):
        self.nodes.append(node)

    def add_edge(self, edge):
        self.edges.append(edge)

    def get_edge(self, src, dst):
        return [e for e in self.edges if (e.src, e.dst) == (src, dst)]

    def add_subgraph(self, graph):
        self.subgraphs.append(graph)


class _Node:
    def __init__(self, name, label):
        self.name, self.label, self.attrs = name, label, {}

    def set(self, key, value):
        self.attrs[key] = value


class _Edge(_Node):
    def __init__(self, src, dst):
        super().__init__(None, None)
        self.src, self.dst = src, dst


@pytest.fixture()
def fake_pydot(monkeypatch):
    module = types.SimpleNamespace(Dot=_Graph, Cluster=_Graph, Node=_Node, Edge=_Edge,
                                   PydotException=Exception)
    monkeypatch.setitem(sys.modules, "pydot", module)
    return module


def test_missing_pydot_messages(no_pydot):
    model = functional_model()
    with pytest.raises(ImportError, match="^You must install pydot \\(`pip install pydot`\\) for "
                                          "model_to_dot to work.$"):
        model_to_dot(model)
    with pytest.raises(ImportError, match="^You must install pydot \\(`pip install pydot`\\) for "
                                          "`plot_model` to work.$"):
        plot_model(model)
    assert not model_visualization.check_pydot() and not model_visualization.check_graphviz()


def test_missing_pydot_in_a_notebook_prints(no_pydot, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "IPython.core.magics.namespace", types.ModuleType("ns"))
    assert plot_model(functional_model()) is None
    assert capsys.readouterr().out == (
        "You must install pydot (`pip install pydot`) for `plot_model` to work.\n")


def test_unbuilt_model():
    model = keras.Sequential([keras.layers.Dense(2)])
    message = "^This model has not yet been built. Build the model first by calling `build\\(\\)`"
    with pytest.raises(ValueError, match=message):
        model_to_dot(model)
    with pytest.raises(ValueError, match=message):
        plot_model(model)


def test_functional_graph(fake_pydot):
    model = functional_model()
    dot = model_to_dot(model, show_shapes=True, show_layer_activations=True)
    assert dot.attrs["rankdir"] == "TB" and dot.attrs["dpi"] == 200
    assert len(dot.nodes) == 4
    ids = {layer.name: str(id(layer)) for layer in model.layers}
    edges = {(e.src, e.dst) for e in dot.edges}
    assert edges == {(ids["x"], ids["a"]), (ids["x"], ids["b"]), (ids["a"], ids["add"]),
                     (ids["b"], ids["add"])}
    label = next(n.label for n in dot.nodes if n.name == ids["a"])
    assert "<b>a</b> (Dense)" in label and "Activation: <b>relu</b>" in label
    assert "Input shape: <b>(None, 4)</b>" in label and "Output shape: <b>(None, 3)</b>" in label
    with pytest.raises(ValueError, match="Argument `layer_range` is no longer supported."):
        model_to_dot(model, layer_range=["a", "b"])
    with pytest.raises(ValueError, match="Unrecognized keyword arguments: {'foo': 1}"):
        model_to_dot(model, foo=1)


def test_sequential_and_subclassed(fake_pydot):
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="d1"),
                              keras.layers.Dense(1, name="d2")])
    dot = model_to_dot(model, show_layer_names=False)
    assert [n.label.count("<b>Dense</b>") for n in dot.nodes] == [1, 1]
    assert [(e.src, e.dst) for e in dot.edges] == [(str(id(model.layers[0])),
                                                    str(id(model.layers[1])))]

    class Sub(keras.Model):
        def __init__(self):
            super().__init__()
            self.d = keras.layers.Dense(1)

        def call(self, x):
            return self.d(x)

    sub = Sub()
    sub(keras.ops.ones((1, 2)))
    assert len(model_to_dot(sub).nodes) == 1


def test_plot_model_without_graphviz(fake_pydot, monkeypatch):
    def create(graph):
        raise OSError("dot not found")

    monkeypatch.setattr(_Graph, "create", create, raising=False)
    with pytest.raises(ImportError, match="You must install graphviz \\(see instructions at "
                                          "https://graphviz.gitlab.io/download/\\) for "
                                          "`plot_model` to work."):
        plot_model(functional_model())
