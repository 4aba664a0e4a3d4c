"""`keras.ops` math, linalg and image functions against NumPy references and properties."""

import numpy as np
import pytest

from torchkeras import ops

rng = np.random.default_rng(3)


def np_of(x):
    return ops.convert_to_numpy(x)


def test_segment_reductions():
    data = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]], "float32")
    ids = np.array([2, 0, 2, 0])
    np.testing.assert_array_equal(np_of(ops.segment_sum(data, ids)), [[10, 12], [0, 0], [6, 8]])
    np.testing.assert_array_equal(
        np_of(ops.segment_max(data, ids, num_segments=4))[[0, 2]], [[7, 8], [5, 6]]
    )
    empty = np_of(ops.segment_min(data, ids))[1]
    assert np.all(empty == np.finfo("float32").max)  # TensorFlow fills empty segments this way
    np.testing.assert_array_equal(np_of(ops.segment_prod(data, ids))[1], [1.0, 1.0])


def test_top_k_and_in_top_k():
    x = np.array([[1.0, 5.0, 3.0], [2.0, 2.0, 0.0]], "float32")
    values, indices = ops.top_k(x, 2)
    np.testing.assert_array_equal(np_of(values), [[5.0, 3.0], [2.0, 2.0]])
    np.testing.assert_array_equal(np_of(indices), [[1, 2], [0, 1]])
    np.testing.assert_array_equal(np_of(ops.in_top_k(np.array([2, 1]), x, 1)), [False, True])


def test_fft_family_matches_numpy():
    real = rng.normal(size=(2, 8)).astype("float32")
    imag = rng.normal(size=(2, 8)).astype("float32")
    z = real + 1j * imag
    got = ops.fft((real, imag))
    np.testing.assert_allclose(
        np_of(got[0]) + 1j * np_of(got[1]), np.fft.fft(z), rtol=1e-4, atol=1e-5
    )
    got = ops.rfft(real, 6)
    np.testing.assert_allclose(
        np_of(got[0]) + 1j * np_of(got[1]), np.fft.rfft(real, 6), rtol=1e-4, atol=1e-5
    )
    spectrum = np.fft.rfft(real)
    got = ops.irfft((spectrum.real.astype("float32"), spectrum.imag.astype("float32")))
    np.testing.assert_allclose(np_of(got), real, rtol=1e-4, atol=1e-5)
    grid = z[:, :4].reshape(1, 2, 4)
    got = ops.ifft2((grid.real.astype("float32"), grid.imag.astype("float32")))
    np.testing.assert_allclose(
        np_of(got[0]) + 1j * np_of(got[1]), np.fft.ifft2(grid), rtol=1e-4, atol=1e-5
    )


def test_stft_inverts():
    signal = rng.normal(size=(1, 64)).astype("float32")
    spectrum = ops.stft(signal, 16, 4, 16)
    restored = ops.istft(spectrum, 16, 4, 16, length=64)
    # TensorFlow's inverse window assumes every sample is covered by fft_length / stride
    # frames, which the first and last few samples are not: compare the interior.
    np.testing.assert_allclose(np_of(restored)[:, 8:-8], signal[:, 8:-8], rtol=1e-4, atol=1e-4)


def test_special_functions():
    x = np.array([-0.5, 0.0, 0.9], "float32")
    from math import erf, erfc

    np.testing.assert_allclose(np_of(ops.erf(x)), [erf(v) for v in x], rtol=1e-6)
    np.testing.assert_allclose(np_of(ops.erfc(x)), [erfc(v) for v in x], rtol=1e-6)
    np.testing.assert_allclose(np_of(ops.erf(ops.erfinv(x))), x, atol=1e-6)
    np.testing.assert_allclose(np_of(ops.rsqrt(np.array([4.0]))), [0.5])
    spd = np.array([[4.0, 1.0], [1.0, 3.0]], "float32")
    np.testing.assert_allclose(np_of(ops.logdet(spd)), np.log(np.linalg.det(spd)), rtol=1e-6)
    np.testing.assert_allclose(np_of(ops.cdist(np.zeros((1, 2)), np.array([[3.0, 4.0]]))), [[5.0]])
    np.testing.assert_array_equal(
        np_of(ops.extract_sequences(np.arange(6.0), 3, 2)), [[0.0, 1.0, 2.0], [2.0, 3.0, 4.0]]
    )
    np.testing.assert_array_equal(
        np_of(ops.view_as_real(ops.view_as_complex(np.array([[1.0, 2.0]])))), [[1.0, 2.0]]
    )


def test_linalg_properties():
    a = rng.normal(size=(4, 4)).astype("float32")
    spd = (a @ a.T + 4 * np.eye(4)).astype("float32")
    w, v = ops.linalg.eigh(spd)
    np.testing.assert_allclose(spd @ np_of(v), np_of(v) * np_of(w), rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(np_of(w), np.linalg.eigvalsh(spd), rtol=1e-5)
    chol = np_of(ops.linalg.cholesky(spd))
    np.testing.assert_allclose(chol @ chol.T, spd, rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(
        np_of(ops.linalg.cholesky_inverse(chol)), np.linalg.inv(spd), rtol=1e-4, atol=1e-5
    )
    q, r = ops.linalg.qr(a)
    np.testing.assert_allclose(np_of(q) @ np_of(r), a, rtol=1e-5, atol=1e-5)
    u, s, vt = ops.linalg.svd(a)
    np.testing.assert_allclose((np_of(u) * np_of(s)) @ np_of(vt), a, rtol=1e-4, atol=1e-5)
    lu, perm = ops.linalg.lu_factor(a)
    lu = np_of(lu)
    lower = np.tril(lu, -1) + np.eye(4)
    upper = np.triu(lu)
    # Keras returns the inverse of the row permutation `p` with `a[p] = L @ U`.
    p = np.argsort(np_of(perm))
    np.testing.assert_allclose(a[p], lower @ upper, rtol=1e-4, atol=1e-5)
    eigenvalues, _ = ops.linalg.eig(spd)
    np.testing.assert_allclose(np.sort(np_of(eigenvalues).real), np.linalg.eigvalsh(spd), rtol=1e-4)
    sign, logabs = ops.slogdet(a)
    np.testing.assert_allclose(float(sign) * np.exp(float(logabs)), np.linalg.det(a), rtol=1e-4)
    np.testing.assert_allclose(
        np_of(ops.linalg.pinv(a[:, :3])), np.linalg.pinv(a[:, :3]), rtol=1e-3, atol=1e-4
    )
    np.testing.assert_allclose(
        np_of(ops.linalg.lstsq(a[:, :3], a[:, 3])),
        np.linalg.lstsq(a[:, :3], a[:, 3], rcond=None)[0],
        rtol=1e-3,
        atol=1e-4,
    )
    assert int(ops.linalg.matrix_rank(np.ones((3, 3)))) == 1
    np.testing.assert_allclose(
        np_of(ops.linalg.norm(a, ord=-2)), np.linalg.norm(a, ord=-2), rtol=1e-4
    )
    np.testing.assert_allclose(np_of(ops.linalg.norm(np.ones((2, 2, 2)))), np.sqrt(8.0), rtol=1e-6)


@pytest.mark.parametrize("mode", ["nearest", "wrap", "mirror", "reflect", "constant"])
def test_map_coordinates_fill_modes(mode):
    image = np.arange(5, dtype="float32")
    coordinates = np.array([[-2.0, -1.0, 0.0, 4.0, 5.0, 6.0]], "float32")
    # Expected sample indices per mode: "mirror" reflects about the edge pixels (scipy, JAX);
    # "reflect" folds |i| as Keras does on TensorFlow (scipy would give 1, 0 for -2, -1).
    expected_index = {
        "nearest": [0, 0, 0, 4, 4, 4],
        "wrap": [3, 4, 0, 4, 0, 1],
        "mirror": [2, 1, 0, 4, 3, 2],
        "reflect": [2, 1, 0, 4, 4, 3],
    }
    got = np_of(ops.image.map_coordinates(image, coordinates, 0, fill_mode=mode, fill_value=-1.0))
    if mode == "constant":
        np.testing.assert_array_equal(got, [-1.0, -1.0, 0.0, 4.0, -1.0, -1.0])
    else:
        np.testing.assert_array_equal(got, image[expected_index[mode]])


def test_resize_nearest_and_identity():
    image = rng.uniform(size=(1, 4, 6, 2)).astype("float32")
    for method in ("bilinear", "bicubic", "nearest", "area", "lanczos3"):
        np.testing.assert_allclose(
            np_of(ops.image.resize(image, (4, 6), interpolation=method)),
            image,
            rtol=1e-5,
            atol=1e-5,
            err_msg=method,
        )
    up = np_of(ops.image.resize(image, (8, 12), interpolation="nearest"))
    np.testing.assert_array_equal(up, image.repeat(2, axis=1).repeat(2, axis=2))


def test_affine_identity_and_translation():
    image = rng.uniform(size=(1, 5, 6, 1)).astype("float32")
    identity = np.array([1, 0, 0, 0, 1, 0, 0, 0], "float32")
    np.testing.assert_allclose(np_of(ops.image.affine_transform(image, identity)), image, rtol=1e-6)
    # Output (x, y) reads input (x + 1, y): a shift left by one column, the last column filled.
    shift = np.array([1, 0, 1, 0, 1, 0, 0, 0], "float32")
    got = np_of(ops.image.affine_transform(image, shift, fill_value=-1.0))
    np.testing.assert_allclose(got[0, :, :-1], image[0, :, 1:])
    np.testing.assert_array_equal(got[0, :, -1], -1.0)


def test_color_conversions_round_trip():
    rgb = rng.uniform(size=(2, 3, 4, 3)).astype("float32")
    np.testing.assert_allclose(
        np_of(ops.image.hsv_to_rgb(ops.image.rgb_to_hsv(rgb))), rgb, atol=1e-5
    )
    gray = np_of(ops.image.rgb_to_grayscale(rgb))
    np.testing.assert_allclose(
        gray[..., 0], rgb @ np.array([0.2989, 0.5870, 0.1140], "float32"), rtol=1e-5
    )


def test_pads_crops_patches():
    image = rng.uniform(size=(1, 4, 5, 2)).astype("float32")
    padded = np_of(ops.image.pad_images(image, 1, 2, bottom_padding=0, right_padding=1))
    np.testing.assert_array_equal(padded, np.pad(image, ((0, 0), (1, 0), (2, 1), (0, 0))))
    cropped = np_of(ops.image.crop_images(padded, 1, 2, bottom_cropping=0, right_cropping=1))
    np.testing.assert_array_equal(cropped, image)
    patches = np_of(ops.image.extract_patches(image, 2))
    assert patches.shape == (1, 2, 2, 8)
    np.testing.assert_array_equal(patches[0, 0, 0], image[0, :2, :2].reshape(-1))


def test_gaussian_blur_preserves_constants_and_ssim_of_identical_images():
    flat = np.full((1, 6, 6, 2), 3.0, "float32")
    blurred = np_of(ops.image.gaussian_blur(flat, (3, 3), (1.0, 1.0)))
    np.testing.assert_allclose(blurred[0, 2:4, 2:4], 3.0, rtol=1e-6)
    image = rng.uniform(size=(2, 16, 16, 3)).astype("float32")
    np.testing.assert_allclose(np_of(ops.image.ssim(image, image)), [1.0, 1.0], rtol=1e-5)
    edges = np_of(ops.image.sobel_edges(flat))
    assert edges.shape == (1, 6, 6, 2, 2)
    np.testing.assert_allclose(edges, 0.0, atol=1e-5)


def test_elastic_transform_is_seeded():
    image = rng.uniform(size=(1, 8, 8, 1)).astype("float32")
    first = np_of(ops.image.elastic_transform(image, seed=3))
    second = np_of(ops.image.elastic_transform(image, seed=3))
    np.testing.assert_array_equal(first, second)
    assert first.shape == image.shape
    still = np_of(ops.image.elastic_transform(image, alpha=0.0, seed=3))
    np.testing.assert_allclose(still, image, rtol=1e-6)
