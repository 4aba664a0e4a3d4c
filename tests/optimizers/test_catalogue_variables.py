"""Optimizer variables of the catalogue (paths, order, dtypes, values) against real Keras, and
the per-variable choices of Muon."""

import numpy as np
import pytest
import torch

from optimizer_reference import assert_matches
from optimizer_reference import run_keras_style
from torchkeras import optimizers
from torchkeras.backend import Variable

# from keras 3.15.1: `optimizer.variables` (path, value) after the five reference steps.
KERAS_VARIABLES = {
    "nadam": (lambda: optimizers.Nadam(0.1, name="nadam"), [
        ("nadam/iteration", 5), ("nadam/learning_rate", 0.10000000149011612),
        ("nadam/kernel_momentum",
         [[0.2772131562232971, 0.2257615029811859, 0.05694897100329399],
          [0.23916278779506683, 0.1305992752313614, -0.3137795329093933]]),
        ("nadam/kernel_velocity",
         [[0.004913908429443836, 0.004700913559645414, 0.011874129064381123],
          [0.0061206454411149025, 0.005476616322994232, 0.004501157905906439]]),
        ("nadam/bias_momentum", [-0.07838842272758484, 0.14494967460632324,
                                 -0.05491561442613602]),
        ("nadam/bias_velocity", [0.012982377782464027, 0.008285691030323505,
                                 0.0003388265613466501]),
        ("nadam/variable", 0.031461525708436966),  # the momentum-schedule product
    ]),
    "adafactor": (lambda: optimizers.Adafactor(0.1, name="adafactor"), [
        ("adafactor/iteration", 5), ("adafactor/learning_rate", 0.10000000149011612),
        ("adafactor/kernel", [1.4364879131317139, 0.9108995199203491]),
        ("adafactor/kernel", [0.8334718942642212, 1.020758867263794, 1.6668503284454346]),
        ("adafactor/kernel_velocity",
         [[1.0200892686843872, 1.2493104934692383, 2.0400640964508057],
          [0.6468545794487, 0.7922073602676392, 1.293636679649353]]),
        ("adafactor/bias", 0), ("adafactor/bias", 0),  # int32 placeholders
        ("adafactor/bias_velocity", [2.9056448936462402, 1.8717269897460938,
                                     0.08608177304267883]),
    ]),
    "muon": (lambda: optimizers.Muon(0.1, name="muon"), [
        ("muon/iteration", 5), ("muon/learning_rate", 0.10000000149011612),
        ("muon/kernel_momentum",
         [[3.123878002166748, 2.3371286392211914, 0.7485368251800537],
          [2.912504196166992, 1.7163138389587402, -3.3486599922180176]]),
        ("muon/bias_momentum", [-0.07838843762874603, 0.14494964480400085,
                                -0.05491559952497482]),
        ("muon/bias_velocity", [0.012982545420527458, 0.008285798132419586,
                                0.00033883092692121863]),
    ]),
    "muon_exclude": (lambda: optimizers.Muon(0.1, exclude_layers=["kern"], name="muon_2"), [
        ("muon_2/iteration", 5), ("muon_2/learning_rate", 0.10000000149011612),
        ("muon_2/kernel_momentum",
         [[0.27721309661865234, 0.22576144337654114, 0.05694896727800369],
          [0.23916272819042206, 0.130599245429039, -0.31377947330474854]]),
        ("muon_2/kernel_velocity",
         [[0.004913971293717623, 0.004700974095612764, 0.011874280869960785],
          [0.006120723206549883, 0.005476686637848616, 0.004501216113567352]]),
        ("muon_2/bias_momentum", [-0.07838843762874603, 0.14494964480400085,
                                  -0.05491559952497482]),
        ("muon_2/bias_velocity", [0.012982545420527458, 0.008285798132419586,
                                  0.00033883092692121863]),
    ]),
    "ftrl": (lambda: optimizers.Ftrl(
        0.5, learning_rate_power=-0.3, initial_accumulator_value=0.2,
        l1_regularization_strength=0.01, l2_regularization_strength=0.02,
        l2_shrinkage_regularization_strength=0.05, beta=0.1, name="ftrl_1"), [
        ("ftrl_1/iteration", 5), ("ftrl_1/learning_rate", 0.5),
        ("ftrl_1/kernel_accumulator",
         [[5.12713623046875, 4.905483245849609, 12.099634170532227],
          [6.343393325805664, 5.69229793548584, 4.707509994506836]]),
        ("ftrl_1/kernel_linear",
         [[2.767420530319214, 2.8164291381835938, -0.5000917911529541],
          [3.126311779022217, 2.2111620903015137, -3.708299398422241]]),
        ("ftrl_1/bias_accumulator", [13.200705528259277, 8.496928215026855,
                                     0.5390282869338989]),
        ("ftrl_1/bias_linear", [0.8988186120986938, 1.44805109500885, -0.4767721891403198]),
    ]),
}


@pytest.mark.parametrize("foreach", [True, False], ids=["foreach", "per_variable"])
@pytest.mark.parametrize("name", sorted(KERAS_VARIABLES))
def test_variables_match_keras(name, foreach):
    make, expected = KERAS_VARIABLES[name]
    optimizer = make()
    optimizer.foreach = foreach
    run_keras_style(optimizer)
    assert [v.path for v in optimizer.variables] == [path for path, _ in expected]
    # Slots are compared to 1e-6 (the ftrl accumulators grow to ~13: relative 1e-7).
    assert_matches(optimizer.variables, [value for _, value in expected], atol=2e-6)
    assert all(not v.requires_grad for v in optimizer.variables)


def test_adafactor_placeholders_are_int32_scalars():
    optimizer = optimizers.Adafactor()
    optimizer.build([Variable(np.ones((2, 3), "float32"), name="k"),
                     Variable(np.ones(3, "float32"), name="b")])
    # from keras 3.15.1: dtypes of the variables in order.
    assert [str(v.dtype) for v in optimizer.variables] == [
        "torch.int64", "torch.float32", "torch.float32", "torch.float32", "torch.float32",
        "torch.int32", "torch.int32", "torch.float32"]
    assert [tuple(v.shape) for v in optimizer.variables[2:]] == [
        (2,), (3,), (2, 3), (), (), (3,)]


def test_nadam_schedule_product_has_the_variables_dtype():
    optimizer = optimizers.Nadam()
    weight = Variable(np.ones(2), dtype="float64", name="w")
    optimizer.apply([np.ones(2)], [weight])
    product = optimizer.variables[-1]
    assert product.dtype == torch.float64
    # u_1 = 0.9 * (1 - 0.5 * 0.96)
    np.testing.assert_allclose(product.numpy(), 0.9 * (1 - 0.5 * 0.96), rtol=1e-12)


def test_muon_choices_and_weight_decay():
    embedding = Variable(np.ones((4, 2), "float32"), name="embeddings")
    embedding._path = "model/token_embedding/embeddings"
    dense = Variable(np.ones((2, 3), "float32"), name="kernel")
    dense._path = "model/output_dense/kernel"
    hidden = Variable(np.ones((2, 3), "float32"), name="kernel")
    hidden._path = "model/hidden/kernel"
    conv = Variable(np.ones((1, 2, 3), "float32"), name="kernel")
    optimizer = optimizers.Muon(exclude_layers=["output_dense"])
    uses_adam = [optimizer._should_use_adamw(v) for v in (embedding, dense, hidden, conv)]
    assert uses_adam == [True, True, False, True]
    assert optimizers.Muon(exclude_embeddings=False)._should_use_adamw(embedding) is False
    # Decay before the step: `weight_decay` for Muon variables, `adam_weight_decay` else; a
    # zero gradient leaves the Adam step at 0, so only the decay moves the Adam variable.
    optimizer = optimizers.Muon(0.5, weight_decay=0.2, adam_weight_decay=0.4)
    optimizer.build([hidden, conv])
    with torch.no_grad():
        optimizer._apply_weight_decay([hidden, conv], optimizer.weight_decay, 0.5)
    np.testing.assert_allclose(hidden.numpy(), np.full((2, 3), 0.9), rtol=1e-7)
    np.testing.assert_allclose(conv.numpy(), np.full((1, 2, 3), 0.8), rtol=1e-7)
    # No decay where the rate is None (Keras checks each variable's own rate).
    optimizer = optimizers.Muon(0.5, weight_decay=None, adam_weight_decay=None)
    optimizer.build([hidden])
    with torch.no_grad():
        optimizer._apply_weight_decay([hidden], None, 0.5)
    np.testing.assert_allclose(hidden.numpy(), np.full((2, 3), 0.9), rtol=1e-7)


def test_muon_with_plain_torch_parameters():
    # Parameters without a Keras path are matched by their position name.
    params = [torch.nn.Parameter(torch.ones(3, 2)), torch.nn.Parameter(torch.ones(2))]
    optimizer = optimizers.Muon(params, lr=0.1)
    for p in params:
        p.grad = torch.ones_like(p)
    optimizer.step()
    assert [optimizer._should_use_adamw(p) for p in params] == [False, True]
    assert int(optimizer.iterations) == 1


def test_exclude_from_weight_decay_matches_layer_paths_as_tensorflow_does():
    # On the TensorFlow backend Keras matches `var_names` against the tf.Variable name, which is
    # the path plus ":0": "output_dense" excludes that layer's weights (real Keras 3.15.1; see
    # the `lion_excluding_output` entry of conformance/scripts/optimizer_weight_decay.py).
    kept = Variable(np.ones(2, "float32"), name="kernel")
    kept._path = "model/hidden/kernel"
    excluded = Variable(np.ones(2, "float32"), name="kernel")
    excluded._path = "model/output_dense/kernel"
    optimizer = optimizers.SGD(0.5, weight_decay=0.2)
    optimizer.exclude_from_weight_decay(var_names=["output_dense", "bias:0$"])
    assert [optimizer._use_weight_decay(v) for v in (kept, excluded)] == [True, False]
    optimizer.apply([np.zeros(2), np.zeros(2)], [kept, excluded])
    np.testing.assert_allclose(kept.numpy(), [0.9, 0.9], rtol=1e-7)
    np.testing.assert_array_equal(excluded.numpy(), [1.0, 1.0])
