"""Functional `get_config()` / `from_config()`: Keras 3's config format, both ways.

The expected configs and predictions were produced by real Keras 3.15.1 (TensorFlow backend) from
the same `build_models` / `cross_model` code.
"""

import json

import numpy as np
import pytest

import torchkeras as keras
from torchkeras.models import Functional
from torchkeras.models import functional_config

def build_models(keras):
    """The models of the config tests, written once for Keras and torchkeras."""
    layers = keras.layers
    models = {}
    a = keras.Input((8,), name="a")
    models["single"] = keras.Model(a, layers.Dense(4, name="d")(a), name="single")
    i1 = keras.Input((3,), name="i1")
    i2 = keras.Input((3,), name="i2")
    s = layers.Add(name="add")([i1, i2])
    act = layers.Activation("relu", name="act")(layers.Dropout(0.2, name="dr")(s))
    models["listy"] = keras.Model([i1, i2], [act, s], name="listy")
    zb = keras.Input((3,), name="zb")
    ya = keras.Input((2,), name="ya")
    c = layers.Concatenate(name="cat")([zb, ya])
    models["dicty"] = keras.Model(
        {"zb": zb, "ya": ya}, {"zz": layers.Dense(2, name="o")(c), "aa": c}, name="dicty"
    )
    s_in = keras.Input((6,), name="s_in")
    shared = layers.Dense(6, name="shared")
    models["sharedm"] = keras.Model(s_in, shared(shared(s_in)), name="sharedm")
    inner_in = keras.Input((4,), name="inner_in")
    inner = keras.Model(inner_in, layers.Dense(4, name="inner_d")(inner_in), name="inner")
    o_in = keras.Input((4,), name="o_in")
    h = inner(o_in)
    models["outer"] = keras.Model(o_in, [h, inner(h)], name="outer")
    seq = keras.Sequential(
        [keras.Input((5,), name="seq_in"), layers.Dense(3, name="seq_d")], name="seqi"
    )
    q_in = keras.Input((5,), name="q_in")
    f = layers.Flatten(name="fl")(layers.Reshape((3, 1), name="rs")(seq(q_in)))
    models["outer_seq"] = keras.Model(q_in, layers.Multiply(name="mul")([f, f]), name="outer_seq")
    reused = layers.Dense(3, name="reused")
    reused(keras.Input((3,), name="elsewhere"))  # A call that is not part of the model.
    r_in = keras.Input((3,), name="r_in")
    models["outside"] = keras.Model(r_in, reused(reused(r_in)), name="outside")
    t_in = keras.Input((2,), name="t_in")
    dropped = layers.Dropout(0.1, name="dt")(t_in, training=True)
    models["kwargs"] = keras.Model(t_in, layers.Dropout(0.1, name="dd")(dropped), name="kwargs")
    return models


def cross_model(keras):
    """A model with every kind of graph edge, built under real Keras for the loading test."""
    layers = keras.layers
    x1 = keras.Input((4,), name="x1")
    x2 = keras.Input((3,), name="x2")
    inner_in = keras.Input((4,), name="inner_in")
    inner = keras.Model(
        inner_in, layers.Dense(4, activation="relu", name="inner_d")(inner_in), name="inner"
    )
    seq = keras.Sequential(
        [keras.Input((4,), name="seq_in"), layers.Dense(3, activation="tanh", name="seq_d")],
        name="seq",
    )
    shared = layers.Dense(4, name="shared")
    h1 = shared(x1)
    h3 = inner(shared(inner(h1)))
    m = layers.Add(name="add")([h3, layers.Dense(4, name="proj")(x2)])
    dr = layers.Dropout(0.5, name="drop")(layers.Concatenate(name="cat")([m, h1]))
    f = layers.Flatten(name="fl")(layers.Reshape((2, 4), name="rs")(dr))
    out_a = layers.Dense(2, activation="softmax", name="out_a")(f)
    sb = seq(m)
    out_b = layers.Multiply(name="mul")([sb, sb])
    return keras.Model({"x1": x1, "x2": x2}, {"a": out_a, "b": out_b}, name="cross")


def cross_weights(model):
    """Deterministic weights: a ramp over each weight, scaled per weight."""
    return [
        np.linspace(-1, 1, int(np.prod(w.shape))).reshape(tuple(w.shape)).astype("float32")
        * (0.5 + 0.1 * i)
        for i, w in enumerate(model.weights)
    ]


def cross_inputs():
    return {
        "x1": np.linspace(-2, 2, 12).reshape(3, 4).astype("float32"),
        "x2": np.linspace(1, -1, 9).reshape(3, 3).astype("float32"),
    }


def _json(*pieces):
    return json.loads("".join(pieces))


def _graph(config):
    """The part of a config this module writes: layer names, classes and calls; inputs/outputs."""
    layers = [(c["name"], c["class_name"], c["inbound_nodes"]) for c in config["layers"]]
    return layers, config["input_layers"], config["output_layers"]


def _normalized(config):
    return json.loads(json.dumps(config))


# from keras 3.15.1: the whole config.
KERAS_CONFIGS = {
    "single": _json(
        '{"name":"single","trainable":true,"layers":[{"module":"keras.layers","class_name":"Input'
        'Layer","config":{"batch_shape":[null,8],"dtype":"float32","sparse":false,"ragged":false,'
        '"name":"a","optional":false},"registered_name":null,"name":"a","inbound_nodes":[]},{"mod'
        'ule":"keras.layers","class_name":"Dense","config":{"name":"d","trainable":true,"dtype":{'
        '"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"registered_name'
        '":null},"units":4,"activation":"linear","use_bias":true,"kernel_initializer":{"module":"'
        'keras.initializers","class_name":"GlorotUniform","config":{"seed":null,"input_axes":null'
        ',"output_axes":null},"registered_name":null},"bias_initializer":{"module":"keras.initial'
        'izers","class_name":"Zeros","config":{},"registered_name":null},"kernel_regularizer":nul'
        'l,"bias_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"quantization_'
        'config":null},"registered_name":null,"build_config":{"input_shape":[null,8]},"name":"d",'
        '"inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":[null,8],"d'
        'type":"float32","keras_history":["a",0,0]}}],"kwargs":{}}]}],"input_layers":["a",0,0],"o'
        'utput_layers":["d",0,0]}'
    ),
    "listy": _json(
        '{"name":"listy","trainable":true,"layers":[{"module":"keras.layers","class_name":"InputL'
        'ayer","config":{"batch_shape":[null,3],"dtype":"float32","sparse":false,"ragged":false,"'
        'name":"i1","optional":false},"registered_name":null,"name":"i1","inbound_nodes":[]},{"mo'
        'dule":"keras.layers","class_name":"InputLayer","config":{"batch_shape":[null,3],"dtype":'
        '"float32","sparse":false,"ragged":false,"name":"i2","optional":false},"registered_name":'
        'null,"name":"i2","inbound_nodes":[]},{"module":"keras.layers","class_name":"Add","config'
        '":{"name":"add","trainable":true,"dtype":{"module":"keras","class_name":"DTypePolicy","c'
        'onfig":{"name":"float32"},"registered_name":null}},"registered_name":null,"build_config"'
        ':{"input_shape":[[null,3],[null,3]]},"name":"add","inbound_nodes":[{"args":[[{"class_nam'
        'e":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","keras_history":["i1"'
        ',0,0]}},{"class_name":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","k'
        'eras_history":["i2",0,0]}}]],"kwargs":{}}]},{"module":"keras.layers","class_name":"Dropo'
        'ut","config":{"name":"dr","trainable":true,"dtype":{"module":"keras","class_name":"DType'
        'Policy","config":{"name":"float32"},"registered_name":null},"rate":0.2,"seed":null,"nois'
        'e_shape":null},"registered_name":null,"name":"dr","inbound_nodes":[{"args":[{"class_name'
        '":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","keras_history":["add"'
        ',0,0]}}],"kwargs":{"training":false}}]},{"module":"keras.layers","class_name":"Activatio'
        'n","config":{"name":"act","trainable":true,"dtype":{"module":"keras","class_name":"DType'
        'Policy","config":{"name":"float32"},"registered_name":null},"activation":"relu"},"regist'
        'ered_name":null,"name":"act","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__",'
        '"config":{"shape":[null,3],"dtype":"float32","keras_history":["dr",0,0]}}],"kwargs":{}}]'
        '}],"input_layers":[["i1",0,0],["i2",0,0]],"output_layers":[["act",0,0],["add",0,0]]}'
    ),
    "dicty": _json(
        '{"name":"dicty","trainable":true,"layers":[{"module":"keras.layers","class_name":"InputL'
        'ayer","config":{"batch_shape":[null,3],"dtype":"float32","sparse":false,"ragged":false,"'
        'name":"zb","optional":false},"registered_name":null,"name":"zb","inbound_nodes":[]},{"mo'
        'dule":"keras.layers","class_name":"InputLayer","config":{"batch_shape":[null,2],"dtype":'
        '"float32","sparse":false,"ragged":false,"name":"ya","optional":false},"registered_name":'
        'null,"name":"ya","inbound_nodes":[]},{"module":"keras.layers","class_name":"Concatenate"'
        ',"config":{"name":"cat","trainable":true,"dtype":{"module":"keras","class_name":"DTypePo'
        'licy","config":{"name":"float32"},"registered_name":null},"axis":-1},"registered_name":n'
        'ull,"build_config":{"input_shape":[[null,3],[null,2]]},"name":"cat","inbound_nodes":[{"a'
        'rgs":[[{"class_name":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","ke'
        'ras_history":["zb",0,0]}},{"class_name":"__keras_tensor__","config":{"shape":[null,2],"d'
        'type":"float32","keras_history":["ya",0,0]}}]],"kwargs":{}}]},{"module":"keras.layers","'
        'class_name":"Dense","config":{"name":"o","trainable":true,"dtype":{"module":"keras","cla'
        'ss_name":"DTypePolicy","config":{"name":"float32"},"registered_name":null},"units":2,"ac'
        'tivation":"linear","use_bias":true,"kernel_initializer":{"module":"keras.initializers","'
        'class_name":"GlorotUniform","config":{"seed":null,"input_axes":null,"output_axes":null},'
        '"registered_name":null},"bias_initializer":{"module":"keras.initializers","class_name":"'
        'Zeros","config":{},"registered_name":null},"kernel_regularizer":null,"bias_regularizer":'
        'null,"kernel_constraint":null,"bias_constraint":null,"quantization_config":null},"regist'
        'ered_name":null,"build_config":{"input_shape":[null,5]},"name":"o","inbound_nodes":[{"ar'
        'gs":[{"class_name":"__keras_tensor__","config":{"shape":[null,5],"dtype":"float32","kera'
        's_history":["cat",0,0]}}],"kwargs":{}}]}],"input_layers":{"zb":["zb",0,0],"ya":["ya",0,0'
        ']},"output_layers":{"zz":["o",0,0],"aa":["cat",0,0]}}'
    ),
    "sharedm": _json(
        '{"name":"sharedm","trainable":true,"layers":[{"module":"keras.layers","class_name":"Inpu'
        'tLayer","config":{"batch_shape":[null,6],"dtype":"float32","sparse":false,"ragged":false'
        ',"name":"s_in","optional":false},"registered_name":null,"name":"s_in","inbound_nodes":[]'
        '},{"module":"keras.layers","class_name":"Dense","config":{"name":"shared","trainable":tr'
        'ue,"dtype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"reg'
        'istered_name":null},"units":6,"activation":"linear","use_bias":true,"kernel_initializer"'
        ':{"module":"keras.initializers","class_name":"GlorotUniform","config":{"seed":null,"inpu'
        't_axes":null,"output_axes":null},"registered_name":null},"bias_initializer":{"module":"k'
        'eras.initializers","class_name":"Zeros","config":{},"registered_name":null},"kernel_regu'
        'larizer":null,"bias_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"q'
        'uantization_config":null},"registered_name":null,"build_config":{"input_shape":[null,6]}'
        ',"name":"shared","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"s'
        'hape":[null,6],"dtype":"float32","keras_history":["s_in",0,0]}}],"kwargs":{}},{"args":[{'
        '"class_name":"__keras_tensor__","config":{"shape":[null,6],"dtype":"float32","keras_hist'
        'ory":["shared",0,0]}}],"kwargs":{}}]}],"input_layers":["s_in",0,0],"output_layers":["sha'
        'red",1,0]}'
    ),
    "outside": _json(
        '{"name":"outside","trainable":true,"layers":[{"module":"keras.layers","class_name":"Inpu'
        'tLayer","config":{"batch_shape":[null,3],"dtype":"float32","sparse":false,"ragged":false'
        ',"name":"r_in","optional":false},"registered_name":null,"name":"r_in","inbound_nodes":[]'
        '},{"module":"keras.layers","class_name":"Dense","config":{"name":"reused","trainable":tr'
        'ue,"dtype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"reg'
        'istered_name":null},"units":3,"activation":"linear","use_bias":true,"kernel_initializer"'
        ':{"module":"keras.initializers","class_name":"GlorotUniform","config":{"seed":null,"inpu'
        't_axes":null,"output_axes":null},"registered_name":null},"bias_initializer":{"module":"k'
        'eras.initializers","class_name":"Zeros","config":{},"registered_name":null},"kernel_regu'
        'larizer":null,"bias_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"q'
        'uantization_config":null},"registered_name":null,"build_config":{"input_shape":[null,3]}'
        ',"name":"reused","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"s'
        'hape":[null,3],"dtype":"float32","keras_history":["r_in",0,0]}}],"kwargs":{}},{"args":[{'
        '"class_name":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","keras_hist'
        'ory":["reused",0,0]}}],"kwargs":{}}]}],"input_layers":["r_in",0,0],"output_layers":["reu'
        'sed",1,0]}'
    ),
    "kwargs": _json(
        '{"name":"kwargs","trainable":true,"layers":[{"module":"keras.layers","class_name":"Input'
        'Layer","config":{"batch_shape":[null,2],"dtype":"float32","sparse":false,"ragged":false,'
        '"name":"t_in","optional":false},"registered_name":null,"name":"t_in","inbound_nodes":[]}'
        ',{"module":"keras.layers","class_name":"Dropout","config":{"name":"dt","trainable":true,'
        '"dtype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"regist'
        'ered_name":null},"rate":0.1,"seed":null,"noise_shape":null},"registered_name":null,"name'
        '":"dt","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":[nul'
        'l,2],"dtype":"float32","keras_history":["t_in",0,0]}}],"kwargs":{"training":true}}]},{"m'
        'odule":"keras.layers","class_name":"Dropout","config":{"name":"dd","trainable":true,"dty'
        'pe":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"registered'
        '_name":null},"rate":0.1,"seed":null,"noise_shape":null},"registered_name":null,"name":"d'
        'd","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":[null,2]'
        ',"dtype":"float32","keras_history":["dt",0,0]}}],"kwargs":{"training":false}}]}],"input_'
        'layers":["t_in",0,0],"output_layers":["dd",0,0]}'
    ),
}

# from keras 3.15.1: the graph of models with nested models (the nested models' own
# entries differ in `module`, `build_config` and `compile_config`, written by the
# serialization layer, not by this module).
KERAS_GRAPHS = {
    "outer": _graph(_json(
        '{"name":"outer","trainable":true,"layers":[{"module":"keras.layers","class_name":"InputL'
        'ayer","config":{"batch_shape":[null,4],"dtype":"float32","sparse":false,"ragged":false,"'
        'name":"o_in","optional":false},"registered_name":null,"name":"o_in","inbound_nodes":[]},'
        '{"module":"keras.src.models.functional","class_name":"Functional","config":{"name":"inne'
        'r","trainable":true,"layers":[{"module":"keras.layers","class_name":"InputLayer","config'
        '":{"batch_shape":[null,4],"dtype":"float32","sparse":false,"ragged":false,"name":"inner_'
        'in","optional":false},"registered_name":null,"name":"inner_in","inbound_nodes":[]},{"mod'
        'ule":"keras.layers","class_name":"Dense","config":{"name":"inner_d","trainable":true,"dt'
        'ype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"registere'
        'd_name":null},"units":4,"activation":"linear","use_bias":true,"kernel_initializer":{"mod'
        'ule":"keras.initializers","class_name":"GlorotUniform","config":{"seed":null,"input_axes'
        '":null,"output_axes":null},"registered_name":null},"bias_initializer":{"module":"keras.i'
        'nitializers","class_name":"Zeros","config":{},"registered_name":null},"kernel_regularize'
        'r":null,"bias_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"quantiz'
        'ation_config":null},"registered_name":null,"build_config":{"input_shape":[null,4]},"name'
        '":"inner_d","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape"'
        ':[null,4],"dtype":"float32","keras_history":["inner_in",0,0]}}],"kwargs":{}}]}],"input_l'
        'ayers":["inner_in",0,0],"output_layers":["inner_d",0,0]},"registered_name":"Functional",'
        '"build_config":{"input_shape":null},"compile_config":{},"name":"inner","inbound_nodes":['
        '{"args":[{"class_name":"__keras_tensor__","config":{"shape":[null,4],"dtype":"float32","'
        'keras_history":["o_in",0,0]}}],"kwargs":{"mask":null}},{"args":[{"class_name":"__keras_t'
        'ensor__","config":{"shape":[null,4],"dtype":"float32","keras_history":["inner",0,0]}}],"'
        'kwargs":{"mask":null}}]}],"input_layers":["o_in",0,0],"output_layers":[["inner",1,0],["i'
        'nner",2,0]]}'
    )),
    "outer_seq": _graph(_json(
        '{"name":"outer_seq","trainable":true,"layers":[{"module":"keras.layers","class_name":"In'
        'putLayer","config":{"batch_shape":[null,5],"dtype":"float32","sparse":false,"ragged":fal'
        'se,"name":"q_in","optional":false},"registered_name":null,"name":"q_in","inbound_nodes":'
        '[]},{"module":"keras","class_name":"Sequential","config":{"name":"seqi","trainable":true'
        ',"dtype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"regis'
        'tered_name":null},"layers":[{"module":"keras.layers","class_name":"InputLayer","config":'
        '{"batch_shape":[null,5],"dtype":"float32","sparse":false,"ragged":false,"name":"seq_in",'
        '"optional":false},"registered_name":null},{"module":"keras.layers","class_name":"Dense",'
        '"config":{"name":"seq_d","trainable":true,"dtype":{"module":"keras","class_name":"DTypeP'
        'olicy","config":{"name":"float32"},"registered_name":null},"units":3,"activation":"linea'
        'r","use_bias":true,"kernel_initializer":{"module":"keras.initializers","class_name":"Glo'
        'rotUniform","config":{"seed":null,"input_axes":null,"output_axes":null},"registered_name'
        '":null},"bias_initializer":{"module":"keras.initializers","class_name":"Zeros","config":'
        '{},"registered_name":null},"kernel_regularizer":null,"bias_regularizer":null,"kernel_con'
        'straint":null,"bias_constraint":null,"quantization_config":null},"registered_name":null,'
        '"build_config":{"input_shape":[null,5]}}],"build_input_shape":[null,5]},"registered_name'
        '":null,"build_config":{"input_shape":[null,5]},"compile_config":{},"name":"seqi","inboun'
        'd_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":[null,5],"dtype":"'
        'float32","keras_history":["q_in",0,0]}}],"kwargs":{"mask":null}}]},{"module":"keras.laye'
        'rs","class_name":"Reshape","config":{"name":"rs","trainable":true,"dtype":{"module":"ker'
        'as","class_name":"DTypePolicy","config":{"name":"float32"},"registered_name":null},"targ'
        'et_shape":[3,1]},"registered_name":null,"name":"rs","inbound_nodes":[{"args":[{"class_na'
        'me":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","keras_history":["se'
        'qi",0,0]}}],"kwargs":{}}]},{"module":"keras.layers","class_name":"Flatten","config":{"na'
        'me":"fl","trainable":true,"dtype":{"module":"keras","class_name":"DTypePolicy","config":'
        '{"name":"float32"},"registered_name":null},"data_format":"channels_last"},"registered_na'
        'me":null,"build_config":{"input_shape":[null,3,1]},"name":"fl","inbound_nodes":[{"args":'
        '[{"class_name":"__keras_tensor__","config":{"shape":[null,3,1],"dtype":"float32","keras_'
        'history":["rs",0,0]}}],"kwargs":{}}]},{"module":"keras.layers","class_name":"Multiply","'
        'config":{"name":"mul","trainable":true,"dtype":{"module":"keras","class_name":"DTypePoli'
        'cy","config":{"name":"float32"},"registered_name":null}},"registered_name":null,"build_c'
        'onfig":{"input_shape":[[null,3],[null,3]]},"name":"mul","inbound_nodes":[{"args":[[{"cla'
        'ss_name":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","keras_history"'
        ':["fl",0,0]}},{"class_name":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float'
        '32","keras_history":["fl",0,0]}}]],"kwargs":{}}]}],"input_layers":["q_in",0,0],"output_l'
        'ayers":["mul",0,0]}'
    )),
}

# from keras 3.15.1: `cross_model(keras).get_config()`.
KERAS_CROSS_CONFIG = _json(
    '{"name":"cross","trainable":true,"layers":[{"module":"keras.layers","class_name":"InputL'
    'ayer","config":{"batch_shape":[null,4],"dtype":"float32","sparse":false,"ragged":false,"'
    'name":"x1","optional":false},"registered_name":null,"name":"x1","inbound_nodes":[]},{"mo'
    'dule":"keras.layers","class_name":"Dense","config":{"name":"shared","trainable":true,"dt'
    'ype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"registere'
    'd_name":null},"units":4,"activation":"linear","use_bias":true,"kernel_initializer":{"mod'
    'ule":"keras.initializers","class_name":"GlorotUniform","config":{"seed":null,"input_axes'
    '":null,"output_axes":null},"registered_name":null},"bias_initializer":{"module":"keras.i'
    'nitializers","class_name":"Zeros","config":{},"registered_name":null},"kernel_regularize'
    'r":null,"bias_regularizer":null,"kernel_constraint":null,"bias_constraint":null,"quantiz'
    'ation_config":null},"registered_name":null,"build_config":{"input_shape":[null,4]},"name'
    '":"shared","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":'
    '[null,4],"dtype":"float32","keras_history":["x1",0,0]}}],"kwargs":{}},{"args":[{"class_n'
    'ame":"__keras_tensor__","config":{"shape":[null,4],"dtype":"float32","keras_history":["i'
    'nner",0,0]}}],"kwargs":{}}]},{"module":"keras.src.models.functional","class_name":"Funct'
    'ional","config":{"name":"inner","trainable":true,"layers":[{"module":"keras.layers","cla'
    'ss_name":"InputLayer","config":{"batch_shape":[null,4],"dtype":"float32","sparse":false,'
    '"ragged":false,"name":"inner_in","optional":false},"registered_name":null,"name":"inner_'
    'in","inbound_nodes":[]},{"module":"keras.layers","class_name":"Dense","config":{"name":"'
    'inner_d","trainable":true,"dtype":{"module":"keras","class_name":"DTypePolicy","config":'
    '{"name":"float32"},"registered_name":null},"units":4,"activation":"relu","use_bias":true'
    ',"kernel_initializer":{"module":"keras.initializers","class_name":"GlorotUniform","confi'
    'g":{"seed":null,"input_axes":null,"output_axes":null},"registered_name":null},"bias_init'
    'ializer":{"module":"keras.initializers","class_name":"Zeros","config":{},"registered_nam'
    'e":null},"kernel_regularizer":null,"bias_regularizer":null,"kernel_constraint":null,"bia'
    's_constraint":null,"quantization_config":null},"registered_name":null,"build_config":{"i'
    'nput_shape":[null,4]},"name":"inner_d","inbound_nodes":[{"args":[{"class_name":"__keras_'
    'tensor__","config":{"shape":[null,4],"dtype":"float32","keras_history":["inner_in",0,0]}'
    '}],"kwargs":{}}]}],"input_layers":["inner_in",0,0],"output_layers":["inner_d",0,0]},"reg'
    'istered_name":"Functional","build_config":{"input_shape":null},"compile_config":{},"name'
    '":"inner","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":['
    'null,4],"dtype":"float32","keras_history":["shared",0,0]}}],"kwargs":{"mask":null}},{"ar'
    'gs":[{"class_name":"__keras_tensor__","config":{"shape":[null,4],"dtype":"float32","kera'
    's_history":["shared",1,0]}}],"kwargs":{"mask":null}}]},{"module":"keras.layers","class_n'
    'ame":"InputLayer","config":{"batch_shape":[null,3],"dtype":"float32","sparse":false,"rag'
    'ged":false,"name":"x2","optional":false},"registered_name":null,"name":"x2","inbound_nod'
    'es":[]},{"module":"keras.layers","class_name":"Dense","config":{"name":"proj","trainable'
    '":true,"dtype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},'
    '"registered_name":null},"units":4,"activation":"linear","use_bias":true,"kernel_initiali'
    'zer":{"module":"keras.initializers","class_name":"GlorotUniform","config":{"seed":null,"'
    'input_axes":null,"output_axes":null},"registered_name":null},"bias_initializer":{"module'
    '":"keras.initializers","class_name":"Zeros","config":{},"registered_name":null},"kernel_'
    'regularizer":null,"bias_regularizer":null,"kernel_constraint":null,"bias_constraint":nul'
    'l,"quantization_config":null},"registered_name":null,"build_config":{"input_shape":[null'
    ',3]},"name":"proj","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{'
    '"shape":[null,3],"dtype":"float32","keras_history":["x2",0,0]}}],"kwargs":{}}]},{"module'
    '":"keras.layers","class_name":"Add","config":{"name":"add","trainable":true,"dtype":{"mo'
    'dule":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"registered_name":n'
    'ull}},"registered_name":null,"build_config":{"input_shape":[[null,4],[null,4]]},"name":"'
    'add","inbound_nodes":[{"args":[[{"class_name":"__keras_tensor__","config":{"shape":[null'
    ',4],"dtype":"float32","keras_history":["inner",1,0]}},{"class_name":"__keras_tensor__","'
    'config":{"shape":[null,4],"dtype":"float32","keras_history":["proj",0,0]}}]],"kwargs":{}'
    '}]},{"module":"keras.layers","class_name":"Concatenate","config":{"name":"cat","trainabl'
    'e":true,"dtype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"}'
    ',"registered_name":null},"axis":-1},"registered_name":null,"build_config":{"input_shape"'
    ':[[null,4],[null,4]]},"name":"cat","inbound_nodes":[{"args":[[{"class_name":"__keras_ten'
    'sor__","config":{"shape":[null,4],"dtype":"float32","keras_history":["add",0,0]}},{"clas'
    's_name":"__keras_tensor__","config":{"shape":[null,4],"dtype":"float32","keras_history":'
    '["shared",0,0]}}]],"kwargs":{}}]},{"module":"keras.layers","class_name":"Dropout","confi'
    'g":{"name":"drop","trainable":true,"dtype":{"module":"keras","class_name":"DTypePolicy",'
    '"config":{"name":"float32"},"registered_name":null},"rate":0.5,"seed":null,"noise_shape"'
    ':null},"registered_name":null,"name":"drop","inbound_nodes":[{"args":[{"class_name":"__k'
    'eras_tensor__","config":{"shape":[null,8],"dtype":"float32","keras_history":["cat",0,0]}'
    '}],"kwargs":{"training":false}}]},{"module":"keras.layers","class_name":"Reshape","confi'
    'g":{"name":"rs","trainable":true,"dtype":{"module":"keras","class_name":"DTypePolicy","c'
    'onfig":{"name":"float32"},"registered_name":null},"target_shape":[2,4]},"registered_name'
    '":null,"name":"rs","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__","config":{'
    '"shape":[null,8],"dtype":"float32","keras_history":["drop",0,0]}}],"kwargs":{}}]},{"modu'
    'le":"keras.layers","class_name":"Flatten","config":{"name":"fl","trainable":true,"dtype"'
    ':{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"registered_na'
    'me":null},"data_format":"channels_last"},"registered_name":null,"build_config":{"input_s'
    'hape":[null,2,4]},"name":"fl","inbound_nodes":[{"args":[{"class_name":"__keras_tensor__"'
    ',"config":{"shape":[null,2,4],"dtype":"float32","keras_history":["rs",0,0]}}],"kwargs":{'
    '}}]},{"module":"keras","class_name":"Sequential","config":{"name":"seq","trainable":true'
    ',"dtype":{"module":"keras","class_name":"DTypePolicy","config":{"name":"float32"},"regis'
    'tered_name":null},"layers":[{"module":"keras.layers","class_name":"InputLayer","config":'
    '{"batch_shape":[null,4],"dtype":"float32","sparse":false,"ragged":false,"name":"seq_in",'
    '"optional":false},"registered_name":null},{"module":"keras.layers","class_name":"Dense",'
    '"config":{"name":"seq_d","trainable":true,"dtype":{"module":"keras","class_name":"DTypeP'
    'olicy","config":{"name":"float32"},"registered_name":null},"units":3,"activation":"tanh"'
    ',"use_bias":true,"kernel_initializer":{"module":"keras.initializers","class_name":"Gloro'
    'tUniform","config":{"seed":null,"input_axes":null,"output_axes":null},"registered_name":'
    'null},"bias_initializer":{"module":"keras.initializers","class_name":"Zeros","config":{}'
    ',"registered_name":null},"kernel_regularizer":null,"bias_regularizer":null,"kernel_const'
    'raint":null,"bias_constraint":null,"quantization_config":null},"registered_name":null,"b'
    'uild_config":{"input_shape":[null,4]}}],"build_input_shape":[null,4]},"registered_name":'
    'null,"build_config":{"input_shape":[null,4]},"compile_config":{},"name":"seq","inbound_n'
    'odes":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":[null,4],"dtype":"flo'
    'at32","keras_history":["add",0,0]}}],"kwargs":{"mask":null}}]},{"module":"keras.layers",'
    '"class_name":"Dense","config":{"name":"out_a","trainable":true,"dtype":{"module":"keras"'
    ',"class_name":"DTypePolicy","config":{"name":"float32"},"registered_name":null},"units":'
    '2,"activation":"softmax","use_bias":true,"kernel_initializer":{"module":"keras.initializ'
    'ers","class_name":"GlorotUniform","config":{"seed":null,"input_axes":null,"output_axes":'
    'null},"registered_name":null},"bias_initializer":{"module":"keras.initializers","class_n'
    'ame":"Zeros","config":{},"registered_name":null},"kernel_regularizer":null,"bias_regular'
    'izer":null,"kernel_constraint":null,"bias_constraint":null,"quantization_config":null},"'
    'registered_name":null,"build_config":{"input_shape":[null,8]},"name":"out_a","inbound_no'
    'des":[{"args":[{"class_name":"__keras_tensor__","config":{"shape":[null,8],"dtype":"floa'
    't32","keras_history":["fl",0,0]}}],"kwargs":{}}]},{"module":"keras.layers","class_name":'
    '"Multiply","config":{"name":"mul","trainable":true,"dtype":{"module":"keras","class_name'
    '":"DTypePolicy","config":{"name":"float32"},"registered_name":null}},"registered_name":n'
    'ull,"build_config":{"input_shape":[[null,3],[null,3]]},"name":"mul","inbound_nodes":[{"a'
    'rgs":[[{"class_name":"__keras_tensor__","config":{"shape":[null,3],"dtype":"float32","ke'
    'ras_history":["seq",0,0]}},{"class_name":"__keras_tensor__","config":{"shape":[null,3],"'
    'dtype":"float32","keras_history":["seq",0,0]}}]],"kwargs":{}}]}],"input_layers":{"x1":["'
    'x1",0,0],"x2":["x2",0,0]},"output_layers":{"a":["out_a",0,0],"b":["mul",0,0]}}'
)
# from keras 3.15.1: predictions of `cross_model` with `cross_weights` on `cross_inputs()`.
KERAS_CROSS_PREDICTIONS = {
    "a": np.array(
        [
            [0.0271470807492733, 0.972852885723114],
            [0.02342342399060726, 0.976576566696167],
            [0.01918000355362892, 0.9808200001716614],
        ]
    ),
    "b": np.array(
        [
            [0.9956555962562561, 0.9998579025268555, 0.9999953508377075],
            [0.9756202697753906, 0.9994319081306458, 0.9999868869781494],
            [0.7990636825561523, 0.9967843890190125, 0.9999536275863647],
        ]
    ),
}
# from keras 3.15.1
KERAS_CROSS_LAYERS = ['x1', 'shared', 'inner', 'x2', 'proj', 'add', 'cat', 'drop', 'rs', 'fl', 'seq', 'out_a', 'mul']
KERAS_CROSS_WEIGHT_SHAPES = [(4, 4), (4,), (4, 4), (4,), (3, 4), (4,), (4, 3), (3,), (8, 2), (2,)]


@pytest.fixture
def models():
    return build_models(keras)


def _inputs_for(model, rng):
    def make(x):
        return rng.standard_normal((2,) + tuple(x.shape[1:])).astype("float32")

    struct = model._inputs_struct
    if isinstance(struct, dict):
        return {k: make(v) for k, v in struct.items()}
    if isinstance(struct, (list, tuple)):
        return [make(x) for x in struct]
    return make(struct)


def _flat_outputs(outputs):
    if isinstance(outputs, dict):
        return [outputs[k].detach().numpy() for k in sorted(outputs)]
    if isinstance(outputs, (list, tuple)):
        return [o.detach().numpy() for o in outputs]
    return [outputs.detach().numpy()]


@pytest.mark.parametrize("key", sorted(KERAS_CONFIGS))
def test_get_config_matches_keras(models, key):
    assert _normalized(models[key].get_config()) == KERAS_CONFIGS[key]


@pytest.mark.parametrize("key", sorted(KERAS_GRAPHS))
def test_nested_model_graph_matches_keras(models, key):
    assert _graph(_normalized(models[key].get_config())) == KERAS_GRAPHS[key]


@pytest.mark.parametrize(
    "key", ["single", "listy", "dicty", "sharedm", "outer", "outer_seq", "outside", "kwargs"]
)
def test_round_trip_rebuilds_the_same_model(models, key, rng):
    model = models[key]
    config = model.get_config()
    rebuilt = keras.Model.from_config(config)
    assert isinstance(rebuilt, Functional)
    assert rebuilt.name == model.name
    assert [layer.name for layer in rebuilt.layers] == [layer.name for layer in model.layers]
    assert [tuple(w.shape) for w in rebuilt.weights] == [tuple(w.shape) for w in model.weights]
    rebuilt.set_weights(model.get_weights())
    x = _inputs_for(model, rng)
    expected = _flat_outputs(model(x, training=False))
    for got, want in zip(_flat_outputs(rebuilt(x, training=False)), expected):
        np.testing.assert_array_equal(got, want)
    assert _normalized(rebuilt.get_config()) == _normalized(config)


def test_rebuilt_calls_keep_explicit_kwargs_only(models):
    rebuilt = Functional.from_config(models["kwargs"].get_config())
    # Keras writes the `training=False` default of Dropout into the config; the rebuilt call
    # leaves it out again, so torch's `model.train()` still reaches the layer.
    assert rebuilt.get_layer("dt")._inbound_nodes[0].call_kwargs == {"training": True}
    assert rebuilt.get_layer("dd")._inbound_nodes[0].call_kwargs == {}


def test_from_config_keeps_input_and_output_structures(models):
    dicty = Functional.from_config(models["dicty"].get_config())
    assert list(dicty.input) == ["zb", "ya"]
    assert list(dicty.output) == ["zz", "aa"]
    listy = Functional.from_config(models["listy"].get_config())
    assert isinstance(listy.input, list) and len(listy.input) == 2
    assert isinstance(listy.output, list) and len(listy.output) == 2


def test_from_config_does_not_change_the_config(models):
    config = _normalized(models["listy"].get_config())
    copy = json.loads(json.dumps(config))
    keras.Model.from_config(config)
    assert config == copy


def test_keras_config_loads_and_predicts_like_keras():
    model = keras.Model.from_config(json.loads(json.dumps(KERAS_CROSS_CONFIG)))
    assert [layer.name for layer in model.layers] == KERAS_CROSS_LAYERS
    assert [tuple(w.shape) for w in model.weights] == KERAS_CROSS_WEIGHT_SHAPES
    model.set_weights(cross_weights(model))
    predictions = model.predict(cross_inputs(), verbose=0)
    for key, expected in KERAS_CROSS_PREDICTIONS.items():
        np.testing.assert_allclose(predictions[key], expected, rtol=1e-6, atol=1e-6)
    assert _graph(_normalized(model.get_config())) == _graph(KERAS_CROSS_CONFIG)


def test_torchkeras_cross_model_config_matches_keras_graph():
    assert _graph(_normalized(cross_model(keras).get_config())) == _graph(KERAS_CROSS_CONFIG)


class Scale(keras.layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, x):
        return x * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


def test_custom_objects_reach_nested_models():
    inner_in = keras.Input((2,), name="inner_in")
    inner = keras.Model(inner_in, Scale(3.0, name="scale")(inner_in), name="inner")
    x = keras.Input((2,), name="x")
    model = keras.Model(x, inner(x), name="outer")
    with pytest.raises(TypeError, match="Could not locate"):
        keras.Model.from_config(model.get_config())
    rebuilt = keras.Model.from_config(model.get_config(), custom_objects={"Scale": Scale})
    scale = rebuilt.get_layer("inner").get_layer("scale")
    assert isinstance(scale, Scale) and scale.factor == 3.0
    np.testing.assert_allclose(rebuilt(np.ones((1, 2), "float32")).detach().numpy(), [[3.0, 3.0]])


def _dense_config(name, units):
    return {"class_name": "Dense", "config": {"name": name, "units": units}}


def test_tf_keras_2_inbound_nodes_format_loads():
    config = {
        "name": "legacy",
        "layers": [
            {
                "class_name": "InputLayer",
                "config": {"batch_input_shape": [None, 3], "dtype": "float32", "name": "x"},
                "name": "x",
                "inbound_nodes": [],
            },
            {**_dense_config("d", 2), "name": "d", "inbound_nodes": [[["x", 0, 0, {}]]]},
            {**_dense_config("e", 2), "name": "e", "inbound_nodes": [[["x", 0, 0, {}]]]},
            {
                "class_name": "Add",
                "config": {"name": "add"},
                "name": "add",
                "inbound_nodes": [[["d", 0, 0, {}], ["e", 0, 0, {}]]],
            },
        ],
        "input_layers": [["x", 0, 0]],
        "output_layers": [["add", 0, 0]],
    }
    model = keras.Model.from_config(config)
    assert [layer.name for layer in model.layers] == ["x", "d", "e", "add"]
    kd, bd = np.arange(6, dtype="float32").reshape(3, 2), np.array([1.0, -1.0], "float32")
    ke, be = -0.5 * kd, np.array([0.5, 0.25], "float32")
    model.set_weights([kd, bd, ke, be])
    x = np.array([[1.0, 2.0, 3.0]], "float32")
    out = model(x)
    out = out[0] if isinstance(out, list) else out  # `output_layers` is a list of one
    np.testing.assert_allclose(out.detach().numpy(), x @ kd + bd + x @ ke + be, rtol=1e-6)


def _input_entry(name):
    return {
        "module": "keras.layers",
        "class_name": "InputLayer",
        "config": {"batch_shape": [None, 2], "dtype": "float32", "name": name},
        "registered_name": None,
        "name": name,
        "inbound_nodes": [],
    }


def _tensor(history):
    return {
        "class_name": "__keras_tensor__",
        "config": {"shape": [None, 2], "dtype": "float32", "keras_history": history},
    }


def _dense_entry(name, *histories):
    return {
        "module": "keras.layers",
        "class_name": "Dense",
        "config": {"name": name, "units": 2},
        "registered_name": None,
        "name": name,
        "inbound_nodes": [{"args": [_tensor(h)], "kwargs": {}} for h in histories],
    }


def _config(layers, outputs=("d", 0, 0)):
    return {
        "name": "m",
        "trainable": True,
        "layers": layers,
        "input_layers": ["x", 0, 0],
        "output_layers": list(outputs),
    }


def test_error_not_a_layer():
    def my_fn(x):
        return x

    entry = {"module": "builtins", "class_name": "function", "config": "my_fn",
             "registered_name": "my_fn", "name": "f", "inbound_nodes": []}
    with pytest.raises(
        ValueError,
        match=r"^Unexpected object from deserialization, expected a layer or operation, "
        r"got a <class 'function'>$",
    ):
        Functional.from_config(_config([_input_entry("x"), entry]), custom_objects={"my_fn": my_fn})


def test_error_graph_with_a_loop():
    layers = [_input_entry("x"), _dense_entry("d", ["e", 0, 0]), _dense_entry("e", ["d", 0, 0])]
    with pytest.raises(
        ValueError,
        match=r"^Invalid Functional model configuration\. The graph of the Functional model "
        r"either has loops or disconnected nodes\. The following nodes failed to be resolved: "
        r"\{<Dense name=d, built=False>: \[\{'args'",
    ):
        Functional.from_config(_config(layers))


def test_error_unknown_layer_in_a_call():
    with pytest.raises(ValueError, match=r"^Unknown layer: ghost$"):
        Functional.from_config(_config([_input_entry("x"), _dense_entry("d", ["ghost", 0, 0])]))


def test_error_unknown_output_layer():
    layers = [_input_entry("x"), _dense_entry("d", ["x", 0, 0])]
    with pytest.raises(RuntimeError, match=r"^Internal error: could not find layer ghost\.$"):
        Functional.from_config(_config(layers, outputs=("ghost", 0, 0)))


def test_error_legacy_missing_node_and_bad_entry():
    missing = [_input_entry("x"), {**_dense_config("d", 2), "name": "d",
                                   "inbound_nodes": [[["ghost", 0, 0, {}]]]}]
    with pytest.raises(
        ValueError, match=r"^Invalid Functional model configuration\. Missing node: ghost$"
    ):
        Functional.from_config(_config(missing))
    bad = [_input_entry("x"), {**_dense_config("d", 2), "name": "d",
                               "inbound_nodes": [[["x", 0]]]}]
    with pytest.raises(
        ValueError, match=r"^Cannot deserialize the model \(invalid config data\?\)$"
    ):
        Functional.from_config(_config(bad))


def test_error_output_node_outside_the_model(models):
    model = models["single"]
    # A corrupted graph: the model no longer owns the call that produces its output.
    kept = {d: [n for n in nodes if n.operation.name != "d"]
            for d, nodes in model._nodes_by_depth.items()}
    model._nodes_by_depth = kept
    with pytest.raises(RuntimeError, match=r"^Internal error: could not find node key d_ib-0\.$"):
        functional_config.get_functional_config(model)


def test_subclass_with_its_own_constructor_is_not_written_as_a_graph():
    class Custom(Functional):
        def __init__(self, units):
            inputs = keras.Input((2,), name="ci")
            super().__init__(inputs, keras.layers.Dense(units, name="cd")(inputs), name="custom")

    config = Custom(3).get_config()
    assert "layers" not in config
    assert config["name"] == "custom"
