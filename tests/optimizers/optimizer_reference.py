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


# -- NumPy transcriptions of the rest of the catalogue ------------------------------------------
# Hyperparameters Keras casts to float32 before use are cast here too (`_f32`).
def _f32(x):
    return np.float64(np.float32(x))


def numpy_adamw(w, g, s, t, learning_rate=0.001, weight_decay=0.004, **adam):
    w -= w * weight_decay * learning_rate  # decoupled, before the Adam step
    numpy_adam(w, g, s, t, learning_rate=learning_rate, **adam)


def numpy_adamax(w, g, s, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    m = s.setdefault("m", np.zeros_like(w))
    u = s.setdefault("u", np.zeros_like(w))
    m += (g - m) * (1 - beta_1)
    u[...] = np.maximum(beta_2 * u, np.abs(g))
    w -= learning_rate * m / ((1 - _f32(beta_1) ** t) * (u + epsilon))


def numpy_adagrad(w, g, s, t, learning_rate=0.001, initial_accumulator_value=0.1,
                  epsilon=1e-7):
    accumulator = s.setdefault("a", np.full_like(w, initial_accumulator_value))
    accumulator += g * g
    w -= learning_rate * g / np.sqrt(accumulator + epsilon)


def numpy_adadelta(w, g, s, t, learning_rate=0.001, rho=0.95, epsilon=1e-7):
    accumulated_grad = s.setdefault("g", np.zeros_like(w))
    accumulated_delta = s.setdefault("d", np.zeros_like(w))
    accumulated_grad[...] = rho * accumulated_grad + (1 - rho) * g * g
    delta = -np.sqrt(accumulated_delta + epsilon) * g / np.sqrt(accumulated_grad + epsilon)
    accumulated_delta[...] = rho * accumulated_delta + (1 - rho) * delta * delta
    w += learning_rate * delta


def numpy_lion(w, g, s, t, learning_rate=0.001, beta_1=0.9, beta_2=0.99):
    m = s.setdefault("m", np.zeros_like(w))
    w -= learning_rate * np.sign(beta_1 * m + (1 - beta_1) * g)
    m[...] = beta_2 * m + (1 - beta_2) * g


def numpy_nadam(w, g, s, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    def u(step):  # the momentum schedule
        return beta_1 * (1 - 0.5 * 0.96**step)

    product = np.prod([u(i) for i in range(1, t + 1)])
    m = s.setdefault("m", np.zeros_like(w))
    v = s.setdefault("v", np.zeros_like(w))
    m += (g - m) * (1 - beta_1)
    v += (g * g - v) * (1 - beta_2)
    m_hat = u(t + 1) * m / (1 - product * u(t + 1)) + (1 - u(t)) * g / (1 - product)
    v_hat = v / (1 - _f32(beta_2) ** t)
    w -= learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)


def numpy_lamb(w, g, s, t, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    m = s.setdefault("m", np.zeros_like(w))
    v = s.setdefault("v", np.zeros_like(w))
    m += (g - m) * (1 - beta_1)
    v += (g * g - v) * (1 - beta_2)
    update = (m / (1 - _f32(beta_1) ** t)) / (np.sqrt(v / (1 - _f32(beta_2) ** t)) + epsilon)
    w_norm, u_norm = np.linalg.norm(w), np.linalg.norm(update)
    ratio = w_norm / u_norm if w_norm > 0 and u_norm > 0 else 1.0
    w -= ratio * learning_rate * update


def numpy_ftrl(w, g, s, t, learning_rate=0.001, learning_rate_power=-0.5,
               initial_accumulator_value=0.1, l1_regularization_strength=0.0,
               l2_regularization_strength=0.0, l2_shrinkage_regularization_strength=0.0,
               beta=0.0):
    n = s.setdefault("n", np.full_like(w, initial_accumulator_value))
    z = s.setdefault("z", np.zeros_like(w))
    p = -learning_rate_power
    new_n = n + g * g
    sigma = (new_n**p - n**p) / learning_rate
    z += g + 2 * l2_shrinkage_regularization_strength * w - sigma * w
    l1 = l1_regularization_strength
    quadratic = new_n**p / learning_rate + 2 * (l2_regularization_strength
                                                 + beta / (2 * learning_rate))
    w[...] = (np.clip(z, -l1, l1) - z) / quadratic
    n[...] = new_n


def numpy_adafactor(w, g, s, t, learning_rate=0.001, beta_2_decay=-0.8, epsilon_1=1e-30,
                    epsilon_2=1e-3, clip_threshold=1.0, relative_step=True):
    def rms(x):
        return np.sqrt(np.mean(x * x))

    rho = min(learning_rate, 1 / np.sqrt(t))
    alpha = max(epsilon_2, rms(w)) * rho
    g2 = g * g + epsilon_1
    beta_2 = 1 - t**beta_2_decay
    if w.ndim >= 2:
        r = s.setdefault("r", np.zeros(w.shape[:-1]))
        c = s.setdefault("c", np.zeros(w.shape[:-2] + w.shape[-1:]))
        r[...] = beta_2 * r + (1 - beta_2) * g2.mean(axis=-1)
        c[...] = beta_2 * c + (1 - beta_2) * g2.mean(axis=-2)
        v = (r / r.mean(axis=-1, keepdims=True))[..., :, None] * c[..., None, :]
    else:
        v = s.setdefault("v", np.zeros_like(w))
        v[...] = beta_2 * v + (1 - beta_2) * g2
    u = g / np.sqrt(v)
    w -= alpha * u / max(1.0, rms(u) / clip_threshold)


def numpy_newton_schulz(x, steps, a=3.4445, b=-4.7750, c=2.0315):
    transposed = x.shape[0] > x.shape[1]
    if transposed:
        x = x.T
    x = x / (np.linalg.norm(x) + 1e-7)
    for _ in range(steps):
        gram = x @ x.T
        x = a * x + (b * gram + c * gram @ gram) @ x
    return x.T if transposed else x


def numpy_muon(w, g, s, t, learning_rate=0.001, weight_decay=0.004, adam_weight_decay=0.004,
               momentum=0.95, nesterov=True, ns_steps=5, rms_rate=0.2, adam_lr_ratio=1,
               epsilon=1e-7):
    m = s.setdefault("m", np.zeros_like(w))
    if w.ndim != 2:  # the Adam step, with its own decay
        w -= w * adam_weight_decay * learning_rate
        numpy_adam(w, g, s, t, learning_rate=learning_rate * adam_lr_ratio, epsilon=epsilon)
        return
    w -= w * weight_decay * learning_rate
    m[...] = momentum * m + g
    direction = g + momentum * m if nesterov else m
    update = learning_rate * numpy_newton_schulz(direction, ns_steps)
    if rms_rate is not None:
        update = update * np.sqrt(max(w.shape)) * rms_rate
    w -= update


def numpy_schedule_free_adamw(w, g, s, t, learning_rate=0.0025, beta_1=0.9, beta_2=0.999,
                              epsilon=1e-8, warmup_steps=0):
    z = s.setdefault("z", w.copy())  # starts at the weights
    v = s.setdefault("v", np.zeros_like(w))
    if warmup_steps:
        learning_rate = learning_rate * min(t / warmup_steps, 1.0)
    v += (g * g - v) * (1 - beta_2)
    z -= learning_rate * g / (np.sqrt(v / (1 - _f32(beta_2) ** t)) + epsilon)
    # Keras on TensorFlow recovers the average with the updated z.
    x = (w - (1 - beta_1) * z) / beta_1
    x = (1 - 1 / t) * x + z / t
    w[...] = (1 - beta_1) * z + beta_1 * x


# from keras 3.15.1 (TensorFlow backend): the rest of the catalogue, same problem. Each entry's
# optimizer is in KERAS_OPTIMIZERS in test_keras_trajectories.py (`muon_transposed` runs on the
# transposed kernel; the `loss_scale*` entries are in test_loss_scale_optimizer.py).
KERAS_TRAJECTORIES.update({
    'adamw': (
        [[0.12157455086708069, -1.2537314891815186, 1.7794042825698853],
         [-0.2928861677646637, -0.35155606269836426, 0.03711198642849922]],
        [-0.08076172322034836, -0.37166285514831543, 1.814508080482483],
    ),
    'adamw_amsgrad_exclude': (
        [[0.10611127316951752, -1.2005738019943237, 1.691982626914978],
         [-0.28906795382499695, -0.34356170892715454, 0.0448373407125473]],
        [-0.08070360124111176, -0.37237125635147095, 1.8178337812423706],
    ),
    'adamax': (
        [[0.22921296954154968, -1.207330584526062, 1.8044339418411255],
         [-0.18246732652187347, -0.25808143615722656, -0.02267790213227272]],
        [-0.024905052036046982, -0.349372923374176, 1.7490671873092651],
    ),
    'adamax_betas': (
        [[0.34988048672676086, -1.1095079183578491, 1.9049873352050781],
         [-0.05516409873962402, -0.13970893621444702, -0.15177616477012634]],
        [0.09208618849515915, -0.373653769493103, 1.6223944425582886],
    ),
    'adagrad': (
        [[0.3175656795501709, -1.1591390371322632, 1.87370765209198],
         [-0.05144538730382919, -0.11995545029640198, -0.06794317811727524]],
        [0.09202274680137634, -0.43648025393486023, 1.6118868589401245],
    ),
    'adagrad_options': (
        [[-0.4248521327972412, -1.9215220212936401, 1.3395048379898071],
         [-0.6643330454826355, -0.6085824966430664, 0.8929198980331421]],
        [-0.37393802404403687, -0.31663838028907776, 2.4848287105560303],
    ),
    'adadelta': (
        [[0.49678346514701843, -1.0046862363815308, 1.998022437095642],
         [0.09748650342226028, -0.0017929532332345843, -0.2947799563407898]],
        [0.19939252734184265, -0.4003795087337494, 1.5038341283798218],
    ),
    'adadelta_options': (
        [[0.4732787311077118, -1.037574291229248, 1.9840147495269775],
         [0.07946101576089859, -0.014323627576231956, -0.2563784122467041]],
        [0.19584430754184723, -0.4021891951560974, 1.528349757194519],
    ),
    'adafactor': (
        [[0.2523282468318939, -1.193764328956604, 1.8196868896484375],
         [-0.07432819902896881, -0.15350820124149323, -0.028272181749343872]],
        [0.10836741328239441, -0.3788825571537018, 1.667609691619873],
    ),
    'adafactor_schedule': (
        [[-0.26239535212516785, -1.3738144636154175, 1.1489254236221313],
         [-0.5923818945884705, -0.7304002046585083, 0.32723909616470337]],
        [-0.5207434296607971, -0.13691680133342743, 2.199162483215332],
    ),
    'adafactor_options': (
        [[0.3624933660030365, -1.1093647480010986, 1.8667912483215332],
         [-0.028151245787739754, -0.10817212611436844, -0.15217071771621704]],
        [0.15520204603672028, -0.3873175084590912, 1.5737190246582031],
    ),
    'ftrl': (
        [[0.22934091091156006, -0.5391155481338501, 1.2588112354278564],
         [-0.06541863083839417, -0.11995545029640198, 0.02441604621708393]],
        [0.02886137180030346, -0.07567888498306274, 0.18592658638954163],
    ),
    'ftrl_regularized': (
        [[-0.7865262031555176, -0.8104487657546997, 0.10975462943315506],
         [-0.8374525308609009, -0.6097580194473267, 1.080355167388916]],
        [-0.19418403506278992, -0.3559339642524719, 0.24546930193901062],
    ),
    'ftrl_fixed_rate': (
        [[-0.6461650729179382, -0.42505279183387756, -0.13241074979305267],
         [-0.6416388154029846, -0.3766557574272156, 0.6566766500473022]],
        [0.0, -0.23824386298656464, 0.06318436563014984],
    ),
    'lamb': (
        [[0.006570369005203247, -1.3083151578903198, 1.7624225616455078],
         [-0.4129231572151184, -0.45362696051597595, 0.15305104851722717]],
        [-0.2250317931175232, -0.351068913936615, 2.0260426998138428],
    ),
    'lamb_options': (
        [[0.2599022388458252, -1.159487247467041, 1.8874998092651367],
         [-0.1460321545600891, -0.21683712303638458, -0.06366682052612305]],
        [0.0259217731654644, -0.35033464431762695, 1.7006350755691528],
    ),
    'lion': (
        [[1.4901161193847656e-08, -1.3000000715255737, 1.899999976158142],
         [-0.4000000059604645, -0.30000001192092896, -1.4901161193847656e-08]],
        [0.10000000149011612, -0.30000001192092896, 1.600000023841858],
    ),
    'lion_betas': (
        [[0.24999995529651642, -1.1499998569488525, 1.9500000476837158],
         [-0.05000000074505806, -0.15000000596046448, -0.15000000596046448]],
        [0.15000000596046448, -0.3499999940395355, 1.5499999523162842],
    ),
    'nadam': (
        [[0.2608180642127991, -1.2233319282531738, 1.8492732048034668],
         [-0.10289520025253296, -0.16341358423233032, -0.004294157028198242]],
        [0.06529860943555832, -0.3853875696659088, 1.7416614294052124],
    ),
    'nadam_options': (
        [[0.36484429240226746, -1.12553870677948, 1.919740080833435],
         [-0.013681810349225998, -0.09093467146158218, -0.1307966113090515]],
        [0.12849004566669464, -0.3961791694164276, 1.6330649852752686],
    ),
    'muon': (
        [[0.4208061397075653, -1.0071556568145752, 1.945057988166809],
         [0.011642199009656906, -0.08168569207191467, -0.22259777784347534]],
        [-0.08076172322034836, -0.37166285514831543, 1.814508080482483],
    ),
    'muon_options': (
        [[0.20264515280723572, -0.9420523047447205, 1.6257299184799194],
         [-0.10036301612854004, -0.20866169035434723, -0.052644118666648865]],
        [0.04878705367445946, -0.3499504625797272, 1.5067837238311768],
    ),
    'muon_exclude': (
        [[0.12157455086708069, -1.2537314891815186, 1.7794042825698853],
         [-0.2928861677646637, -0.35155606269836426, 0.03711198642849922]],
        [-0.08076172322034836, -0.37166285514831543, 1.814508080482483],
    ),
    'muon_transposed': (
        [[0.4208061397075653, 0.011642199009656906], [-1.0071556568145752, -0.08168569207191467],
         [1.945057988166809, -0.22259777784347534]],
        [-0.08076172322034836, -0.37166285514831543, 1.814508080482483],
    ),
    'loss_scale': (
        [[0.37560850381851196, -1.1125980615615845, 1.8450794219970703],
         [-0.036590222269296646, -0.0808323323726654, -0.20481669902801514]],
        [0.25780296325683594, -0.49399375915527344, 1.520692229270935],
    ),
    'loss_scale_adam': (
        [[0.23452173173427582, -1.092705249786377, 1.9893110990524292],
         [-0.14224198460578918, -0.22644957900047302, -0.0035887211561203003]],
        [-0.018110454082489014, -0.23268084228038788, 1.6986085176467896],
    ),
    'nadam_accumulate_ema': (
        [[0.38061484694480896, -1.1905112266540527, 1.9287190437316895],
         [-0.039825551211833954, -0.1665407419204712, -0.09437520056962967]],
        [0.06424036622047424, -0.4286418855190277, 1.556286334991455],
    ),
    'lion_weight_decay_clip': (
        [[-0.0655476450920105, -1.045719027519226, 1.475623607635498],
         [-0.3750600516796112, -0.25243812799453735, 0.04882881045341492]],
        [0.09231805801391602, -0.22854924201965332, 1.2426095008850098],
    ),
    'adafactor_accumulate': (
        [[0.41051581501960754, -1.0929030179977417, 1.9326690435409546],
         [-0.04071051999926567, -0.20644798874855042, -0.1870964765548706]],
        [0.07748912274837494, -0.3834162652492523, 1.5134034156799316],
    ),
    'schedule_free_adamw': (
        [[0.33995288610458374, -1.1379811763763428, 1.8625308275222778],
         [-0.06364879757165909, -0.14537304639816284, -0.11277924478054047]],
        [0.03856926038861275, -0.35739657282829285, 1.6754378080368042],
    ),
    'schedule_free_adamw_options': (
        [[0.4528411328792572, -1.0190811157226562, 1.9605379104614258],
         [0.05687199532985687, -0.03785492479801178, -0.2293013334274292]],
        [0.15737515687942505, -0.38942694664001465, 1.521925449371338],
    ),
})
