"""keras.dtype_policies: FloatDTypePolicy, DTypePolicyMap, serialize/deserialize (texts and
configs from keras 3.15.1)."""

import pytest

import torchkeras as keras
from torchkeras import dtype_policies as dp


def test_float_dtype_policy_is_an_alias():
    policy = dp.FloatDTypePolicy("float16")
    # from keras 3.15.1
    assert repr(policy) == '<DTypePolicy "float16">'
    assert policy == dp.DTypePolicy("float16")
    assert policy.quantization_mode is None
    assert dp.serialize(policy) == {
        "module": "keras", "class_name": "FloatDTypePolicy", "config": {"name": "float16"},
        "registered_name": None}
    assert dp.serialize(dp.DTypePolicy("float32")) == {
        "module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"},
        "registered_name": None}
    restored = dp.deserialize({"class_name": "FloatDTypePolicy", "config": {"name": "float16"}})
    assert isinstance(restored, dp.FloatDTypePolicy) and restored.name == "float16"


def test_dtype_policy_map():
    policy_map = dp.DTypePolicyMap(default_policy="float32")
    policy_map["a/.*"] = "float16"
    policy_map["b"] = dp.DTypePolicy("bfloat16")
    # from keras 3.15.1
    assert policy_map.name == "map_float32"
    assert policy_map.compute_dtype == "float32" and policy_map.variable_dtype == "float32"
    assert policy_map["a/x"].name == "float16"
    assert policy_map["b"].name == "bfloat16"
    assert policy_map["b/x"].name == "float32"  # no implicit prefix matching
    assert len(policy_map) == 2 and list(policy_map) == ["a/.*", "b"] and "b" in policy_map
    assert dp.serialize(policy_map) == {
        "module": "keras.dtype_policies", "class_name": "DTypePolicyMap",
        "config": {"default_policy": "float32", "policy_map": {
            "a/.*": {"module": "keras", "class_name": "DTypePolicy",
                     "config": {"name": "float16"}, "registered_name": None},
            "b": {"module": "keras", "class_name": "DTypePolicy",
                  "config": {"name": "bfloat16"}, "registered_name": None}}},
        "registered_name": None}
    restored = dp.deserialize(dp.serialize(policy_map))
    assert isinstance(restored, dp.DTypePolicyMap)
    assert restored["a/q"].name == "float16" and restored.default_policy.name == "float32"
    del restored["b"]
    assert len(restored) == 1
    empty = dp.DTypePolicyMap()
    assert empty.get_config() == {"default_policy": None, "policy_map": {}}
    assert empty.name == "map_float32"
    assert keras.layers.Dense(2, dtype=policy_map).compute_dtype == "float32"
    assert repr(policy_map).endswith(
        "default_policy=float32, mapping=[('a/.*', 'float16'), ('b', 'bfloat16')]>")


def test_dtype_policy_map_errors():
    policy_map = dp.DTypePolicyMap(default_policy="float32")
    policy_map["a/.*"] = "float16"
    policy_map["b"] = "bfloat16"
    # from keras 3.15.1
    cases = [
        (lambda: dp.DTypePolicyMap(default_policy=policy_map), ValueError,
         "`default_policy` cannot be a `DTypePolicyMap`."),
        (lambda: dp.DTypePolicyMap(policy_map=[1]), TypeError,
         "If specified, `policy_map` must be a dict. Received: policy_map=[1] of type "
         "<class 'list'>"),
        (lambda: policy_map.__setitem__("b", "float32"), ValueError,
         'b already exist in the DTypePolicyMap with value <DTypePolicy "bfloat16">. Please '
         "make sure to not use duplicated keys."),
        (lambda: policy_map.__setitem__("c", 3.5), ValueError,
         "Cannot interpret the assigned value by `keras.dtype_policies.get`. Received: 3.5 of "
         "type <class 'float'>"),
    ]
    for fn, error, message in cases:
        with pytest.raises(error) as info:
            fn()
        assert str(info.value) == message
    policy_map["a/x/.*"] = "float32"
    with pytest.raises(ValueError) as info:
        policy_map["a/x/y"]
    assert str(info.value) == (
        "Path 'a/x/y' matches multiple dtype policy specification keys: ['a/.*', 'a/x/.*']. "
        "Please make sure each path only matches at most one dtype policy specification key in "
        "the DTypePolicyMap.")


def test_get_error():
    # from keras 3.15.1
    with pytest.raises(ValueError) as info:
        dp.get(3.5)
    assert str(info.value) == (
        "Cannot interpret `dtype` argument. Expected a string or an instance of DTypePolicy. "
        "Received: dtype=3.5")
