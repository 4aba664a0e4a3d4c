"""`AdamW`: Adam with decoupled weight decay (on by default)."""

from torchkeras.optimizers import adam


class AdamW(adam.Adam):
    """Optimizer that implements the AdamW algorithm.

    AdamW optimization is a stochastic gradient descent method that is based on adaptive
    estimation of first-order and second-order moments with an added method to decay weights per
    the techniques discussed in the paper, 'Decoupled Weight Decay Regularization' by
    [Loshchilov, Hutter et al., 2019](https://arxiv.org/abs/1711.05101).

    Before each Adam update (see `keras.optimizers.Adam`), every weight not excluded with
    `exclude_from_weight_decay` is decayed: `w -= w * weight_decay * learning_rate`. This is what
    `torch.optim.AdamW` does too, but Keras's default `weight_decay` is `0.004` (torch: `0.01`)
    and its `epsilon` is Adam's "epsilon hat".

    Args:
        learning_rate: A float, a `keras.optimizers.schedules.LearningRateSchedule` instance, or
            a callable that takes no arguments and returns the actual value to use. The learning
            rate. Defaults to `0.001`.
        weight_decay: Float. The decoupled weight decay. Defaults to `0.004`.
        beta_1: A float value. The exponential decay rate for the 1st moment estimates.
            Defaults to `0.9`.
        beta_2: A float value. The exponential decay rate for the 2nd moment estimates.
            Defaults to `0.999`.
        epsilon: A small constant for numerical stability. This epsilon is "epsilon hat" in the
            Kingma and Ba paper (in the formula just before Section 2.1), not the epsilon in
            Algorithm 1 of the paper. Defaults to `1e-7`.
        amsgrad: Boolean. Whether to apply AMSGrad variant of this algorithm from the paper "On
            the Convergence of Adam and beyond". Defaults to `False`.
        **kwargs: The arguments of `keras.optimizers.Optimizer` (`clipnorm`, `clipvalue`,
            `global_clipnorm`, `use_ema`, `ema_momentum`, `ema_overwrite_frequency`,
            `loss_scale_factor`, `gradient_accumulation_steps`, `name`), or PyTorch's `params`
            and `lr`.

    Example:

    >>> opt = keras.optimizers.AdamW(learning_rate=1e-3, weight_decay=0.004)
    >>> opt.exclude_from_weight_decay(var_names=["bias"])
    """

    def __init__(
        self,
        learning_rate=0.001,
        weight_decay=0.004,
        beta_1=0.9,
        beta_2=0.999,
        epsilon=1e-7,
        amsgrad=False,
        clipnorm=None,
        clipvalue=None,
        global_clipnorm=None,
        use_ema=False,
        ema_momentum=0.99,
        ema_overwrite_frequency=None,
        loss_scale_factor=None,
        gradient_accumulation_steps=None,
        name=None,
        **kwargs,
    ):
        super().__init__(
            learning_rate=learning_rate,
            beta_1=beta_1,
            beta_2=beta_2,
            epsilon=epsilon,
            amsgrad=amsgrad,
            name=name,
            weight_decay=weight_decay,
            clipnorm=clipnorm,
            clipvalue=clipvalue,
            global_clipnorm=global_clipnorm,
            use_ema=use_ema,
            ema_momentum=ema_momentum,
            ema_overwrite_frequency=ema_overwrite_frequency,
            loss_scale_factor=loss_scale_factor,
            gradient_accumulation_steps=gradient_accumulation_steps,
            **kwargs,
        )
        if self.weight_decay is None:
            raise ValueError(
                "Argument `weight_decay` must be a float. Received: weight_decay=None"
            )
