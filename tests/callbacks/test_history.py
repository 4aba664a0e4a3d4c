"""History: records epoch logs and keeps `model.history` current."""

from torchkeras import callbacks as cbks


def test_records_epochs_and_sets_model_history(fakes):
    model = fakes.Model()
    history = cbks.History()
    fakes.run_epochs(history, model, [{"loss": 1.0, "acc": 0.5}, {"loss": 0.5, "val_loss": 0.7}])
    assert history.epoch == [0, 1]
    assert history.history == {"loss": [1.0, 0.5], "acc": [0.5], "val_loss": [0.7]}
    assert model.history is history


def test_history_accumulates_over_fits_but_epochs_restart(fakes):
    history = cbks.History()
    fakes.run_epochs(history, fakes.Model(), [{"loss": 1.0}])
    fakes.run_epochs(history, fakes.Model(), [{"loss": 2.0}])
    assert history.history == {"loss": [1.0, 2.0]}
    assert history.epoch == [0]
