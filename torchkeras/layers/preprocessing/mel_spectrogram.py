"""MelSpectrogram: STFT magnitudes warped to the mel scale, optionally in decibels."""

import torch

from torchkeras import backend
from torchkeras import ops
from torchkeras.layers.layer import Layer

# HTK's mel scale: mel(f) = 1127 * ln(1 + f / 700).
_MEL_BREAK_FREQUENCY_HERTZ = 700.0
_MEL_HIGH_FREQUENCY_Q = 1127.0


class MelSpectrogram(Layer):
    """A preprocessing layer to convert raw audio signals to Mel spectrograms.

    The signal is cut into overlapping frames (`ops.stft`, centered), the magnitude of each
    frame's spectrum is raised to `mag_exp`, warped onto `num_mel_bins` triangular mel filters
    between `min_freq` and `max_freq`, and, with `power_to_db`, converted to decibels relative to
    `ref_power` and clipped `top_db` below the maximum of the batch.

    Args:
        fft_length: Integer, the size of the FFT window. Defaults to `2048`.
        sequence_stride: Integer, the hop between frames. Defaults to `512`.
        sequence_length: Integer, the window length. Defaults to `None` (`fft_length`).
        window: `"hann"`, `"hamming"` or `None`. Defaults to `"hann"`.
        sampling_rate: Integer, the sample rate of the signal. Defaults to `16000`.
        num_mel_bins: Integer, the number of mel bins. Defaults to `128`.
        min_freq: Float, the lowest frequency of the mel filters. Defaults to `20.0`.
        max_freq: Float, the highest frequency. Defaults to `None` (`sampling_rate / 2`).
        power_to_db: Boolean, whether to convert the power to decibels. Defaults to `True`.
        top_db: Float, the dynamic range kept below the maximum, in dB. Defaults to `80.0`.
        mag_exp: Float, the exponent of the magnitude (1 for energy, 2 for power).
            Defaults to `2.0`.
        min_power: Float, the floor of the power before the logarithm. Defaults to `1e-10`.
        ref_power: Float, the power scaled to 0 dB. Defaults to `1.0`.

    Input shape: `(time,)` or `(batch, time)`.

    Output shape: `(num_mel_bins, frames)` or `(batch, num_mel_bins, frames)`.

    Example:

    >>> layer = keras.layers.MelSpectrogram(fft_length=256, sequence_stride=128, num_mel_bins=32)
    >>> layer(np.random.rand(2, 1024).astype("float32")).shape
    torch.Size([2, 32, 9])
    """

    def __init__(self, fft_length=2048, sequence_stride=512, sequence_length=None, window="hann",
                 sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None,
                 power_to_db=True, top_db=80.0, mag_exp=2.0, min_power=1e-10, ref_power=1.0,
                 **kwargs):
        self.fft_length = fft_length
        self.sequence_stride = sequence_stride
        self.sequence_length = sequence_length or fft_length
        if self.fft_length < self.sequence_length:
            raise ValueError(
                "`fft_length` must be greater than or equal to   `sequence_length`. Received: "
                f"`sequence_length`={self.sequence_length}, `fft_length`={self.fft_length}."
            )
        self.window = window
        self.sampling_rate = sampling_rate
        self.num_mel_bins = num_mel_bins
        self.min_freq = min_freq
        self.max_freq = max_freq or int(sampling_rate / 2)
        self.power_to_db = power_to_db
        self.top_db = top_db
        self.mag_exp = mag_exp
        self.min_power = min_power
        self.ref_power = ref_power
        super().__init__(**kwargs)
        self._mel_matrices = {}
        self.built = True

    def call(self, inputs):
        compute_dtype = backend.standardize_dtype(self.compute_dtype)
        dtype = compute_dtype if compute_dtype in ("float32", "float64") else "float32"
        inputs = backend.convert_to_tensor(inputs, dtype=dtype)
        real, imag = ops.stft(inputs, sequence_length=self.sequence_length,
                              sequence_stride=self.sequence_stride, fft_length=self.fft_length,
                              window=self.window, center=True)
        spec = torch.pow(torch.sqrt(real * real + imag * imag), self.mag_exp)  # (..., frames, bins)
        outputs = torch.tensordot(spec, self._mel_matrix(spec.shape[-1], spec.device), dims=1)
        if self.power_to_db:
            outputs = self._dbscale(outputs)
        # (..., num_mel_bins, frames)
        return outputs.transpose(-1, -2).to(backend.to_torch_dtype(compute_dtype))

    def _dbscale(self, inputs):
        log_spec = 10.0 * torch.log10(torch.clamp(inputs, min=self.min_power))
        ref = max(abs(float(self.ref_power)), self.min_power)
        log_spec = log_spec - 10.0 * torch.log10(torch.tensor(ref, dtype=inputs.dtype))
        # The floor is `top_db` below the maximum of the whole batch, as Keras computes it.
        return torch.maximum(log_spec, torch.max(log_spec) - self.top_db)

    def _mel_matrix(self, num_spectrogram_bins, device):
        key = (num_spectrogram_bins, device)
        if key not in self._mel_matrices:
            self._mel_matrices[key] = self.linear_to_mel_weight_matrix(
                num_mel_bins=self.num_mel_bins, num_spectrogram_bins=num_spectrogram_bins,
                sampling_rate=self.sampling_rate, lower_edge_hertz=self.min_freq,
                upper_edge_hertz=self.max_freq,
            ).to(device)
        return self._mel_matrices[key]

    @staticmethod
    def _hertz_to_mel(frequencies_hertz):
        return _MEL_HIGH_FREQUENCY_Q * torch.log(1.0 + frequencies_hertz / _MEL_BREAK_FREQUENCY_HERTZ)

    def linear_to_mel_weight_matrix(self, num_mel_bins=20, num_spectrogram_bins=129,
                                    sampling_rate=8000, lower_edge_hertz=125.0,
                                    upper_edge_hertz=3800.0, dtype="float32"):
        """Returns a matrix to warp linear scale spectrograms to the mel scale.

        The matrix has shape `(num_spectrogram_bins, num_mel_bins)`: each column is a triangular
        filter with peak 1.0, linear in the mel domain (HTK convention); the DC bin's row is
        zero.

        Args:
            num_mel_bins: Integer, how many bands in the resulting mel spectrum.
            num_spectrogram_bins: Integer, how many bins the source spectrogram has
                (`fft_length // 2 + 1`).
            sampling_rate: Samples per second of the input signal.
            lower_edge_hertz: Lower bound on the frequencies in the mel spectrum.
            upper_edge_hertz: The top edge of the highest frequency band.
            dtype: The dtype of the result. Defaults to `"float32"`.
        """
        torch_dtype = backend.to_torch_dtype(dtype)
        nyquist = torch.tensor(sampling_rate, dtype=torch_dtype) / 2.0
        linear = torch.linspace(0.0, float(nyquist), int(num_spectrogram_bins), dtype=torch_dtype)
        bins_mel = self._hertz_to_mel(linear[1:]).unsqueeze(1)  # HTK drops the DC bin
        edges = torch.linspace(
            float(self._hertz_to_mel(torch.tensor(lower_edge_hertz, dtype=torch_dtype))),
            float(self._hertz_to_mel(torch.tensor(upper_edge_hertz, dtype=torch_dtype))),
            num_mel_bins + 2, dtype=torch_dtype,
        )
        lower, center, upper = edges[:-2][None], edges[1:-1][None], edges[2:][None]
        lower_slopes = (bins_mel - lower) / (center - lower)
        upper_slopes = (upper - bins_mel) / (upper - center)
        weights = torch.clamp(torch.minimum(lower_slopes, upper_slopes), min=0.0)
        return torch.nn.functional.pad(weights, (0, 0, 1, 0))

    def compute_output_shape(self, input_shape):
        def frames(length):
            # Keras's formula (one more than the frame count when the stride divides the length
            # minus one); kept for identical symbolic shapes.
            return None if length is None else (length + self.sequence_stride + 1) // (
                self.sequence_stride)

        if len(input_shape) == 1:
            return (self.num_mel_bins, frames(input_shape[0]))
        return (input_shape[0], self.num_mel_bins, frames(input_shape[1]))

    def get_config(self):
        config = super().get_config()
        config.update({
            "fft_length": self.fft_length,
            "sequence_stride": self.sequence_stride,
            "sequence_length": self.sequence_length,
            "window": self.window,
            "sampling_rate": self.sampling_rate,
            "num_mel_bins": self.num_mel_bins,
            "min_freq": self.min_freq,
            "max_freq": self.max_freq,
            "power_to_db": self.power_to_db,
            "top_db": self.top_db,
            "mag_exp": self.mag_exp,
            "min_power": self.min_power,
            "ref_power": self.ref_power,
        })
        return config
