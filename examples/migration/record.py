"""Record what the migration examples give under real Keras, into `expected.json`.

Run with the reference environment (real Keras on TensorFlow; never a project dependency), from
the repository root:

    ../refenv/bin/python examples/migration/record.py [names...]

Each example prints one `RESULTS {json}` line. Scripts written for tf.keras 2 run with
`TF_USE_LEGACY_KERAS=1` (so `tf.keras` is tf_keras 2, as it was for them); the others run on
Keras 3. `tests/compat/test_migration_examples.py` runs every example through
`python -m torchkeras run` and compares with this file.
"""

import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED_PATH = os.path.join(HERE, "expected.json")

# name: (style, comparison). "deterministic": weights set from NumPy and unshuffled data, so the
# losses and values must match real Keras; "decreasing": random initialisation, so the losses
# must be finite and go down, and the checks must match.
EXAMPLES = {
    "tf2_digits_cnn": ("tf.keras 2", "decreasing"),
    "text_lstm_classifier": ("Keras 3", "decreasing"),
    "functional_multi_input": ("Keras 3", "deterministic"),
    "custom_loop_gradient_tape": ("tf + Keras 3", "deterministic"),
    "subclassed_train_step": ("tf + Keras 3", "deterministic"),
    "callbacks_training": ("Keras 3", "deterministic"),
    "tf2_save_and_load": ("tf.keras 2", "deterministic"),
    "preprocessing_layers": ("Keras 3", "deterministic"),
    "readme_quick_tour": ("tf.keras 2", "deterministic"),
    "keras_io_text_classification": ("tf + Keras 3", "decreasing"),
    "keras_io_vae": ("tf + Keras 3", "decreasing"),
}


def parse_results(stdout):
    for line in reversed(stdout.splitlines()):
        if line.startswith("RESULTS "):
            return json.loads(line[len("RESULTS "):])
    raise ValueError("The example printed no `RESULTS` line.")


def record(name):
    style, comparison = EXAMPLES[name]
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", KERAS_BACKEND="tensorflow")
    if style == "tf.keras 2":
        env["TF_USE_LEGACY_KERAS"] = "1"
    proc = subprocess.run(
        [sys.executable, os.path.join(HERE, f"{name}.py")], env=env, capture_output=True,
        text=True, check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed under real Keras:\n{proc.stderr[-3000:]}")
    results = parse_results(proc.stdout)
    return dict(results, style=style, comparison=comparison)


def main(names):
    expected = {}
    if os.path.exists(EXPECTED_PATH):
        with open(EXPECTED_PATH) as f:
            expected = json.load(f)
    for name in names or list(EXAMPLES):
        expected[name] = record(name)
        print(f"recorded {name}", file=sys.stderr)
    with open(EXPECTED_PATH, "w") as f:
        json.dump(expected, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
