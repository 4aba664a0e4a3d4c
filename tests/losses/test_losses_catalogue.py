"""`keras.losses.get/serialize/deserialize` and compile-time loss resolution (`get_loss`)."""

import pytest

from torchkeras import losses


@pytest.mark.parametrize(
    "name, fn",
    [
        ("mse", losses.mean_squared_error),
        ("MSE", losses.mean_squared_error),
        ("mae", losses.mean_absolute_error),
        ("mape", losses.mean_absolute_percentage_error),
        ("msle", losses.mean_squared_logarithmic_error),
        ("kld", losses.kl_divergence),
        ("bce", losses.binary_crossentropy),
        ("mean_squared_error", losses.mean_squared_error),
        ("categorical_crossentropy", losses.categorical_crossentropy),
        ("binary_crossentropy", losses.binary_crossentropy),
        ("sparse_categorical_crossentropy", losses.sparse_categorical_crossentropy),
        ("huber", losses.huber),
    ],
)
def test_get_function_names(name, fn):
    assert losses.get(name) is fn


@pytest.mark.parametrize(
    "name, cls",
    [
        ("MeanSquaredError", losses.MeanSquaredError),
        ("CategoricalCrossentropy", losses.CategoricalCrossentropy),
        ("SparseCategoricalCrossentropy", losses.SparseCategoricalCrossentropy),
        ("BinaryCrossentropy", losses.BinaryCrossentropy),
        ("Huber", losses.Huber),
    ],
)
def test_get_class_names_give_instances(name, cls):
    assert type(losses.get(name)) is cls


def test_get_dicts_callables_instances_and_none():
    loss = losses.get({"class_name": "CategoricalCrossentropy", "config": {"from_logits": True}})
    assert isinstance(loss, losses.CategoricalCrossentropy) and loss.from_logits is True
    instance = losses.Huber()
    assert losses.get(instance) is instance

    def custom(y_true, y_pred):
        return y_true - y_pred

    assert losses.get(custom) is custom
    assert isinstance(losses.get(losses.Poisson), losses.Poisson)
    assert losses.get(None) is None


def test_get_unknown_identifiers():
    # Texts from keras 3.15.1.
    with pytest.raises(ValueError, match="^Could not interpret loss identifier: foo$"):
        losses.get("foo")
    with pytest.raises(ValueError, match="^Could not interpret loss identifier: 5$"):
        losses.get(5)
    # "ce" is only resolved by compile(), from shapes.
    with pytest.raises(ValueError, match="Could not interpret loss identifier: ce"):
        losses.get("ce")


def test_serialize_deserialize_round_trip():
    config = losses.serialize(losses.BinaryCrossentropy(from_logits=True))
    # Structure from keras 3.15.1.
    assert config == {
        "module": "keras.losses",
        "class_name": "BinaryCrossentropy",
        "config": {
            "name": "binary_crossentropy", "reduction": "sum_over_batch_size", "from_logits": True,
            "label_smoothing": 0.0, "axis": -1,
        },
        "registered_name": None,
    }
    restored = losses.deserialize(config)
    assert isinstance(restored, losses.BinaryCrossentropy) and restored.from_logits is True
    assert losses.deserialize(losses.serialize(losses.mean_squared_error)) is losses.mean_squared_error
    assert losses.deserialize("mse") is losses.mean_squared_error


def test_deserialize_custom_objects():
    class MyLoss(losses.Loss):
        def call(self, y_true, y_pred):
            return (y_true - y_pred).abs()

    config = {"class_name": "MyLoss", "config": {"name": "x", "reduction": "sum"}}
    restored = losses.deserialize(config, custom_objects={"MyLoss": MyLoss})
    assert isinstance(restored, MyLoss) and restored.reduction == "sum"


# The public names of `keras.losses` in keras 3.15.1 (`dir(keras.losses)`).
KERAS_PUBLIC_NAMES = [
    "BinaryCrossentropy", "BinaryFocalCrossentropy", "CTC", "CategoricalCrossentropy",
    "CategoricalFocalCrossentropy", "CategoricalGeneralizedCrossEntropy", "CategoricalHinge",
    "Circle", "CosineSimilarity", "Dice", "Hinge", "Huber", "KLDivergence", "LogCosh", "Loss",
    "MeanAbsoluteError", "MeanAbsolutePercentageError", "MeanSquaredError",
    "MeanSquaredLogarithmicError", "Poisson", "SparseCategoricalCrossentropy", "SquaredHinge",
    "Tversky", "binary_crossentropy", "binary_focal_crossentropy", "categorical_crossentropy",
    "categorical_focal_crossentropy", "categorical_generalized_cross_entropy",
    "categorical_hinge", "circle", "cosine_similarity", "ctc", "deserialize", "dice", "get",
    "hinge", "huber", "kl_divergence", "log_cosh", "mean_absolute_error",
    "mean_absolute_percentage_error", "mean_squared_error", "mean_squared_logarithmic_error",
    "poisson", "serialize", "sparse_categorical_crossentropy", "squared_hinge", "tversky",
]


def test_every_keras_name_exists():
    missing = [name for name in KERAS_PUBLIC_NAMES if not hasattr(losses, name)]
    assert missing == []
    assert set(KERAS_PUBLIC_NAMES) <= set(losses.__all__)


@pytest.mark.parametrize(
    "name, cls, default_name",
    [  # default names from keras 3.15.1
        ("BinaryFocalCrossentropy", losses.BinaryFocalCrossentropy, "binary_focal_crossentropy"),
        (
            "CategoricalFocalCrossentropy",
            losses.CategoricalFocalCrossentropy,
            "categorical_focal_crossentropy",
        ),
        ("Dice", losses.Dice, "dice"),
        ("Tversky", losses.Tversky, "tversky"),
        ("Circle", losses.Circle, "circle"),
        ("CTC", losses.CTC, "ctc"),
        (
            "CategoricalGeneralizedCrossEntropy",
            losses.CategoricalGeneralizedCrossEntropy,
            "categorical_generalized_cross_entropy",
        ),
    ],
)
def test_get_new_classes(name, cls, default_name):
    loss = losses.get(name)
    assert type(loss) is cls and loss.name == default_name
    assert loss.reduction == "sum_over_batch_size"
    config = losses.serialize(loss)
    assert config["module"] == "keras.losses" and config["class_name"] == name
    assert type(losses.deserialize(config)) is cls


@pytest.mark.parametrize(
    "name",
    [
        "binary_focal_crossentropy", "categorical_focal_crossentropy", "dice", "tversky",
        "circle", "ctc", "categorical_generalized_cross_entropy",
    ],
)
def test_get_new_functions(name):
    fn = losses.get(name)
    assert fn is getattr(losses, name)
    assert losses.deserialize(losses.serialize(fn)) is fn


def test_unknown_constructor_argument():
    # Python's own text, as in keras 3.15.1.
    with pytest.raises(TypeError, match=r"^MeanSquaredError.__init__\(\) got an unexpected keyword argument 'foo'$"):
        losses.MeanSquaredError(foo=1)
    with pytest.raises(TypeError, match=r"^Dice.__init__\(\) got an unexpected keyword argument 'alpha'$"):
        losses.Dice(alpha=0.3)
