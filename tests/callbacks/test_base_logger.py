"""BaseLogger (tf.keras 2) and `callbacks.experimental.BackupAndRestore`."""

from torchkeras import callbacks as cbks


def test_weighted_epoch_averages(fakes):
    logger = cbks.BaseLogger(stateful_metrics=["auc"])
    logger.set_params({"metrics": ["loss", "auc", "missing"]})
    epoch_logs = {"loss": 9.0}
    logger.set_model(fakes.Model())
    logger.on_epoch_begin(0)
    logger.on_train_batch_end(0, {"loss": 1.0, "auc": 0.5, "size": 3})
    logger.on_train_batch_end(1, {"loss": 2.0, "auc": 0.75, "size": 1})
    logger.on_epoch_end(0, epoch_logs)
    # tf_keras: sum(v * size) / sum(size); stateful metrics keep their last value.
    assert epoch_logs == {"loss": (1.0 * 3 + 2.0) / 4, "auc": 0.75}
    assert logger.seen == 4


def test_without_sizes_every_batch_counts_once(fakes):
    logger = cbks.BaseLogger()
    seen_logs = []

    class Reader(cbks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            seen_logs.append(dict(logs))

    callbacks = cbks.CallbackList([logger, Reader()], model=fakes.Model(), epochs=1)
    callbacks.on_train_begin()
    callbacks.on_epoch_begin(0)
    for batch, loss in enumerate([1.0, 2.0, 6.0]):
        callbacks.on_train_batch_end(batch, {"loss": loss})
    callbacks.on_epoch_end(0, {"loss": 0.0})
    assert seen_logs == [{"loss": 3.0}]


def test_experimental_backup_and_restore_is_the_callback():
    assert cbks.experimental.BackupAndRestore is cbks.BackupAndRestore


def test_no_epoch_logs(fakes):
    logger = cbks.BaseLogger()
    logger.on_epoch_begin(0)
    logger.on_epoch_end(0, None)
    assert logger.totals == {}
