"""tf.keras 2 scripts reach the legacy preprocessing API through the shim."""

import os
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_tf_keras_2_preprocessing_script_runs(tmp_path):
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent("""
        import numpy as np
        import tensorflow as tf
        from tensorflow.keras.preprocessing.image import ImageDataGenerator
        from tensorflow.keras.preprocessing.sequence import pad_sequences
        from tensorflow.keras.preprocessing.text import Tokenizer
        from keras.preprocessing import image

        tok = Tokenizer(num_words=10, oov_token="<unk>")
        tok.fit_on_texts(["a b c", "a b"])
        x = pad_sequences(tok.texts_to_sequences(["a c d"]), maxlen=4)
        assert x.tolist() == [[0, 2, 4, 1]], x
        assert image.ImageDataGenerator is ImageDataGenerator
        assert tf.keras.preprocessing.text.Tokenizer is Tokenizer
        images = np.random.RandomState(0).rand(8, 4, 4, 1).astype("float32")
        model = tf.keras.Sequential([tf.keras.Input((4, 4, 1)), tf.keras.layers.Flatten(),
                                     tf.keras.layers.Dense(1)])
        model.compile(optimizer="sgd", loss="mse")
        gen = ImageDataGenerator(rotation_range=10, horizontal_flip=True)
        model.fit(gen.flow(images, np.zeros(8), batch_size=4, seed=1), epochs=1, verbose=0)
        print("ok")
    """))
    result = subprocess.run(
        [sys.executable, "-m", "torchkeras", "run", str(script)],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=ROOT), cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
