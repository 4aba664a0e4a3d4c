"""RandAugment and AugMix."""

import numpy as np
import torch

from torchkeras import layers

BATCH = np.random.default_rng(0).uniform(0, 255, size=(3, 6, 5, 3)).astype("float32")


def test_rand_augment_applies_chosen_operations():
    layer = layers.RandAugment(num_ops=3, factor=0.4, seed=3)
    transformation = layer.get_random_transformation(BATCH)
    assert len(transformation["layer_idxes"]) == 3
    out = layer.transform_images(torch.from_numpy(BATCH), transformation)
    expected = torch.from_numpy(BATCH)
    for index in transformation["layer_idxes"]:
        name = layer._AUGMENT_LAYERS[index]
        expected = getattr(layer, name).transform_images(expected,
                                                        transformation["transforms"][name])
    np.testing.assert_allclose(out.numpy(), expected.numpy(), rtol=1e-6)
    a, b = layers.RandAugment(seed=5)(BATCH), layers.RandAugment(seed=5)(BATCH)
    assert torch.equal(a, b)
    np.testing.assert_array_equal(layers.RandAugment()(BATCH, training=False).numpy(), BATCH)


def test_aug_mix_stays_in_range_and_is_reproducible():
    a = layers.AugMix(seed=7)(BATCH)
    b = layers.AugMix(seed=7)(BATCH)
    assert torch.equal(a, b) and a.shape == BATCH.shape
    assert float(a.min()) >= 0 and float(a.max()) <= 255
    small = layers.AugMix(all_ops=False, num_chains=2, chain_depth=1, seed=1)
    assert len(small._augment_layers) == 7
    transformation = small.get_random_transformation(BATCH)
    np.testing.assert_allclose(sum(transformation["chain_mixing_weights"]), 1.0)
    np.testing.assert_array_equal(layers.AugMix()(BATCH, training=False).numpy(), BATCH)


def test_policy_configs_match_keras():
    def strip(config):
        return {k: v for k, v in config.items() if k not in ("dtype", "trainable")}

    # from keras 3.15.1
    assert strip(layers.RandAugment(name="r").get_config()) == {
        "name": "r", "data_format": "channels_last", "value_range": (0, 255), "num_ops": 2,
        "factor": (0, 0.5), "interpolation": "bilinear", "seed": None}
    assert strip(layers.AugMix(name="a").get_config()) == {
        "name": "a", "data_format": "channels_last", "value_range": (0, 255), "num_chains": 3,
        "chain_depth": 3, "factor": (0, 0.3), "alpha": 1.0, "all_ops": True,
        "interpolation": "bilinear", "seed": None}
