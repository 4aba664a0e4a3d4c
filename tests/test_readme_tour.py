"""Every Python block of README.md runs, in order, on small data."""

import pathlib
import re

import numpy as np
import torch

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_blocks_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert len(blocks) >= 8
    rng = np.random.default_rng(0)
    import torchkeras as keras

    x = rng.random((64, 784)).astype("float32")
    labels = rng.integers(0, 10, 64)
    dataset = torch.utils.data.TensorDataset(torch.from_numpy(x), torch.from_numpy(labels))
    namespace = {
        "x_train": x, "y_train": keras.utils.to_categorical(labels, 10),
        "x_test": x[:16], "y_test": keras.utils.to_categorical(labels[:16], 10),
        "dataloader": torch.utils.data.DataLoader(dataset, batch_size=16),
    }
    for block in blocks:
        if "cuda" in block and not torch.cuda.is_available():
            block = "\n".join(
                line for line in block.splitlines() if "cuda" not in line
            )
        exec(compile(block, str(README), "exec"), namespace)
