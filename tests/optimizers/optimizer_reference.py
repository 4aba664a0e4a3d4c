"""Shared data for the optimizer tests.

A fixed two-variable problem (a (2, 3) kernel and a (3,) bias with five seeded gradient steps),
NumPy transcriptions of the Keras update formulas, and final values recorded with real Keras.
"""

import numpy as np
import torch

from torchkeras.backend import Variable

W0 = np.array([[0.5, -1.0, 2.0], [0.1, 0.0, -0.3]], dtype="float32")
B0 = np.array([0.2, -0.4, 1.5], dtype="float32")


def gradient_sequence(steps=5, decay=1.0):
    """`steps` pairs `(kernel_grad, bias_grad)`; step `k` is scaled by `decay ** k`."""
    rng = np.random.RandomState(0)
    return [
        (
            rng.randn(2, 3).astype("float32") * np.float32(decay**k),
            rng.randn(3).astype("float32") * np.float32(decay**k),
        )
        for k in range(steps)
    ]


def make_variables():
    """The problem's variables, as Keras-named `Variable`s (fresh copies of W0 and B0)."""
    return Variable(W0.copy(), name="kernel"), Variable(B0.copy(), name="bias")


def run_keras_style(optimizer, steps=5, decay=1.0, before_step=None, variables=None):
    """Apply the gradient sequence with `optimizer.apply`; return the variables."""
    kernel, bias = variables if variables is not None else make_variables()
    for i, (gw, gb) in enumerate(gradient_sequence(steps, decay)):
        if before_step is not None:
            before_step(optimizer, i)
        optimizer.apply([gw, gb], [kernel, bias])
    return kernel, bias


def run_torch_style(make_optimizer, steps=5, decay=1.0):
    """Same problem through PyTorch's API: plain parameters, `.grad`, `step()`."""
    kernel = torch.nn.Parameter(torch.tensor(W0))
    bias = torch.nn.Parameter(torch.tensor(B0))
    optimizer = make_optimizer([kernel, bias])
    for gw, gb in gradient_sequence(steps, decay):
        optimizer.zero_grad()
        kernel.grad = torch.tensor(gw)
        bias.grad = torch.tensor(gb)
        optimizer.step()
    return kernel, bias


def assert_matches(variables, expected, atol=1e-6):
    for variable, value in zip(variables, expected):
        np.testing.assert_allclose(
            variable.detach().cpu().numpy(), np.asarray(value, dtype="float32"), rtol=0, atol=atol
        )


# -- NumPy transcriptions of the Keras formulas (keras/src/optimizers/*.py, update_step) --------
def numpy_trajectory(step_fn, steps=5, decay=1.0, **hyperparameters):
    """Run `step_fn(w, g, slots, t, **hyperparameters)` over the problem; return (kernel, bias)."""
    params = [W0.astype("float64"), B0.astype("float64")]
    slots = [{}, {}]
    for t, grads in enumerate(gradient_sequence(steps, decay), start=1):
        for w, g, s in zip(params, grads, slots):
            step_fn(w, g.astype("float64"), s, t, **hyperparameters)
    return params


def numpy_sgd(w, g, s, t, learning_rate=0.01, momentum=0.0, nesterov=False):
    if momentum == 0:
        w -= learning_rate * g
        return
    m = s.setdefault("m", np.zeros_like(w))
    m[...] = momentum * m - learning_rate * g
    w += momentum * m - learning_rate * g if nesterov else m


def numpy_adam(w, g, s, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7,
               amsgrad=False):
    m = s.setdefault("m", np.zeros_like(w))
    v = s.setdefault("v", np.zeros_like(w))
    m += (g - m) * (1 - beta_1)
    v += (g * g - v) * (1 - beta_2)
    # Keras computes the bias correction in the variable's dtype: 1 - 0.999**t in float32 loses
    # ~1e-5 relative precision, which shows in the first steps.
    f32 = np.float32
    alpha = f32(learning_rate) * np.sqrt(f32(1) - f32(beta_2) ** f32(t)) / (
        f32(1) - f32(beta_1) ** f32(t)
    )
    if amsgrad:
        v_hat = s.setdefault("v_hat", np.zeros_like(w))
        v_hat[...] = np.maximum(v_hat, v)
        v = v_hat
    w -= m * alpha / (np.sqrt(v) + epsilon)


def numpy_rmsprop(w, g, s, t, learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7,
                  centered=False):
    v = s.setdefault("v", np.zeros_like(w))
    v[...] = rho * v + (1 - rho) * g * g
    if centered:
        a = s.setdefault("a", np.zeros_like(w))
        a[...] = rho * a + (1 - rho) * g
        denominator = v - a * a + epsilon
    else:
        denominator = v + epsilon
    increment = learning_rate * g / np.sqrt(denominator)
    if momentum > 0:
        m = s.setdefault("m", np.zeros_like(w))
        m[...] = momentum * m + increment
        w -= m
    else:
        w -= increment


# -- Recorded with real Keras --------------------------------------------------------------------
# from keras 3.15.1 (TensorFlow backend): final (kernel, bias) after `optimizer.apply` of the five
# steps of `gradient_sequence()` on keras.Variable(W0, name="kernel"), keras.Variable(B0,
# name="bias"). The `*_averages` entries are the EMA variables (`optimizer.variables[2:4]`). The
# optimizer of each entry is in KERAS_OPTIMIZERS in test_keras_trajectories.py.
KERAS_TRAJECTORIES = {
    'sgd': (
        [[0.46469172835350037, -1.0242526531219482, 1.9903795719146729], [0.06491806358098984,
         -0.02183278650045395, -0.2641662061214447]],
        [0.20133548974990845, -0.41491222381591797, 1.5061591863632202],
    ),
    'sgd_momentum': (
        [[-0.5359073877334595, -1.3934110403060913, 1.5504870414733887], [-1.2557293176651,
         -1.007885456085205, 0.4593682885169983]],
        [-0.3719465136528015, -0.5866726636886597, 1.6216813325881958],
    ),
    'sgd_nesterov': (
        [[-0.7853991389274597, -1.596596360206604, 1.4992331266403198], [-1.4709758758544922,
         -1.1254247426986694, 0.7417697906494141]],
        [-0.301396906375885, -0.71712726354599, 1.6711053848266602],
    ),
    'adam': (
        [[0.1222350150346756, -1.2559894323349, 1.7831224203109741], [-0.2930450141429901,
         -0.35189270973205566, 0.03678116947412491]],
        [-0.08070360124111176, -0.37237125635147095, 1.8178337812423706],
    ),
    'adam_amsgrad': (
        [[0.1222350150346756, -1.2559894323349, 1.7831224203109741], [-0.2930450141429901,
         -0.35189270973205566, 0.03678116947412491]],
        [-0.08070360124111176, -0.37237125635147095, 1.8178337812423706],
    ),
    'rmsprop': (
        [[-0.11369790136814117, -1.5976803302764893, 1.5792663097381592], [-0.3913167715072632,
         -0.384285569190979, 0.48927998542785645]],
        [-0.15355242788791656, -0.3453138470649719, 2.1310346126556396],
    ),
    'rmsprop_momentum_centered': (
        [[-0.5757874250411987, -1.9810855388641357, 1.0903922319412231], [-0.9312890768051147,
         -0.9093080163002014, 1.0151231288909912]],
        [-0.7680680751800537, -0.12216494977474213, 2.6269962787628174],
    ),
    'sgd_clipnorm': (
        [[0.37762850522994995, -1.1038485765457153, 1.928409218788147], [-0.020094264298677444,
         -0.060491401702165604, -0.17981773614883423]],
        [0.1619970053434372, -0.4842607080936432, 1.5334516763687134],
    ),
    'adam_clipvalue': (
        [[0.06830617040395737, -1.2676867246627808, 1.7083112001419067], [-0.3457513749599457,
         -0.40360331535339355, -0.035703323781490326]],
        [-0.13357260823249817, -0.3028213381767273, 1.8176723718643188],
    ),
    'sgd_global_clipnorm': (
        [[0.400905579328537, -1.0780168771743774, 1.9385720491409302], [-0.003980319947004318,
         -0.05887417495250702, -0.2074003517627716]],
        [0.21559357643127441, -0.4661388397216797, 1.5192533731460571],
    ),
    'adam_weight_decay': (
        [[0.10611127316951752, -1.2005738019943237, 1.691982626914978], [-0.28906795382499695,
         -0.34356170892715454, 0.0448373407125473]],
        [-0.08070360124111176, -0.37237125635147095, 1.8178337812423706],
    ),
    'sgd_weight_decay': (
        [[-0.5586420297622681, -1.1506191492080688, 1.150423526763916], [-1.151450514793396,
         -0.9102098345756531, 0.4822896420955658]],
        [-0.3449263572692871, -0.48467591404914856, 1.2737982273101807],
    ),
    'sgd_schedule': (
        [[-0.38284778594970703, -1.2161900997161865, 1.5024644136428833], [-1.0941489934921265,
         -0.9106923341751099, 0.18796996772289276]],
        [-0.4020463824272156, -0.5296707153320312, 1.5881966352462769],
    ),
    'adam_schedule_staircase': (
        [[0.23710358142852783, -1.2079218626022339, 1.7942445278167725], [-0.1770305186510086,
         -0.25418731570243835, -0.08667000383138657]],
        [-0.03726035729050636, -0.3629620373249054, 1.7443406581878662],
    ),
    'sgd_lr_setter': (
        [[-0.44975462555885315, -1.303407907485962, 1.3247798681259155], [-1.1675591468811035,
         -0.9072566628456116, 0.20346437394618988]],
        [-0.3378838896751404, -0.7192520499229431, 1.6172523498535156],
    ),
    'sgd_ema': (
        [[0.1659148782491684, -1.1800376176834106, 1.9861514568328857], [-0.18867968022823334,
         -0.17172512412071228, 0.01758807897567749]],
        [0.187742680311203, -0.5281727313995361, 1.5602957010269165],
    ),
    'sgd_ema_averages': (
        [[0.22742941975593567, -1.1199185848236084, 1.966785192489624], [-0.20379480719566345,
         -0.22415277361869812, -0.05341281741857529]],
        [0.10242916643619537, -0.4306339621543884, 1.5348131656646729],
    ),
    'sgd_ema_no_overwrite': (
        [[0.1469174474477768, -1.2425262928009033, 1.9037944078445435], [-0.2508193850517273,
         -0.21832787990570068, 0.05833832174539566]],
        [0.2133549302816391, -0.5491219162940979, 1.5615921020507812],
    ),
    'sgd_ema_no_overwrite_averages': (
        [[0.2102319598197937, -1.153863787651062, 1.8983389139175415], [-0.2491341233253479,
         -0.24973554909229279, -0.04136013612151146]],
        [0.10897890478372574, -0.4691225290298462, 1.539307951927185],
    ),
    'adam_accumulate': (
        [[0.3288056254386902, -1.1999671459197998, 1.869085431098938], [-0.08405838161706924,
         -0.19625729322433472, -0.1084456741809845]],
        [0.018285132944583893, -0.48033395409584045, 1.615226149559021],
    ),
    'sgd_loss_scale': (
        [[0.4117293655872345, -1.060631513595581, 1.975948691368103], [0.012295150198042393,
         -0.05458196997642517, -0.21041542291641235]],
        [0.20333871245384216, -0.43728047609329224, 1.5153981447219849],
    ),
    'sgd_constraint': (
        [[0.1469174474477768, -1.2425262928009033, 1.9037944078445435], [-0.2508193850517273,
         -0.21832787990570068, 0.05833832174539566]],
        [0.36870667338371277, 0.0, 1.5615921020507812],
    ),
    'rmsprop_weight_decay_clipnorm': (
        [[-0.04169087111949921, -1.3836320638656616, 1.4756864309310913], [-0.2930415868759155,
         -0.279318630695343, 0.24835427105426788]],
        [0.02014799416065216, -0.35844746232032776, 1.7796064615249634],
    ),
    'adam_accumulate_ema_clip': (
        [[0.32612133026123047, -1.1960341930389404, 1.8908408880233765], [-0.09169288724660873,
         -0.20009008049964905, -0.11413401365280151]],
        [0.011038534343242645, -0.4592025578022003, 1.5900537967681885],
    ),
}

# from keras 3.15.1: Adam(0.1, amsgrad=True) over gradient_sequence(decay=0.3), where the
# decaying gradients make v_hat differ from v.
KERAS_AMSGRAD_DECAYING = (
    [[0.18571101129055023, -1.2984769344329834, 1.6648192405700684],
     [-0.22246307134628296, -0.30815309286117554, -0.020498257130384445]],
    [-0.14250323176383972, -0.3977849781513214, 1.8737881183624268],
)
# from keras 3.15.1: its `optimizer.variables` (path, value), in order.
KERAS_AMSGRAD_VARIABLES = [
    ("adam/iteration", 5),
    ("adam/learning_rate", 0.10000000149011612),
    ("adam/kernel_momentum", [[0.12754321098327637, 0.027876771986484528, 0.0806654766201973],
                              [0.16856542229652405, 0.13156285881996155, -0.06312982738018036]]),
    ("adam/kernel_velocity", [[0.003115497063845396, 0.00016905086522456259,
                               0.0011981442803516984],
                              [0.0050569926388561726, 0.0034813883248716593,
                               0.0009740947280079126]]),
    ("adam/bias_momentum", [0.07998386025428772, 0.012877339497208595, -0.010958311147987843]),
    ("adam/bias_velocity", [0.0009537477744743228, 0.00024055647372733802,
                            1.4440090126299765e-05]),
    ("adam/kernel_velocity_hat", [[0.003123942296952009, 0.00016912513819988817,
                                   0.001199333812110126],
                                  [0.005068706814199686, 0.0034881848841905594,
                                   0.0009753381018526852]]),
    ("adam/bias_velocity_hat", [0.0009545112843625247, 0.0002406997955404222,
                                1.4440090126299765e-05]),
]
# from keras 3.15.1: plain Adam(0.1) over the same decaying gradients.
KERAS_ADAM_DECAYING = (
    [[0.18559633195400238, -1.2984850406646729, 1.6647993326187134],
     [-0.22255153954029083, -0.30823394656181335, -0.020467683672904968]],
    [-0.14252111315727234, -0.3977939486503601, 1.8737881183624268],
)
