"""Theory curves of the reproduced papers, computed here from their equations (numpy only).

Every function solves the published equations numerically; no number is pasted from a paper.
The solvers are bisection and (damped) fixed-point iteration; Gaussian averages ∫Dz f(z) use
Gauss–Hermite quadrature with the probabilists' weight exp(−z²/2) (numpy.polynomial.hermite_e).

Conventions (DESIGN.md §2): bipolar neurons s = ±1, Hebbian couplings w_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ
with w_ii = 0, load α = P/N, temperature T in units of the field (the one-pattern network has
its critical point at T = 1).
"""

import math

import numpy as np

# --- Elementary functions --------------------------------------------------------------------

_erf = np.vectorize(math.erf, otypes=[float])
_lgamma = np.vectorize(math.lgamma, otypes=[float])


def erf(x):
    """Error function, elementwise (math.erf; numpy has none)."""
    return _erf(np.asarray(x, dtype=float))


def normal_cdf(x):
    """Φ(x) = P(Z ≤ x) for a standard normal Z, elementwise."""
    return 0.5 * (1.0 + erf(np.asarray(x, dtype=float) / math.sqrt(2.0)))


_NODES, _WEIGHTS = np.polynomial.hermite_e.hermegauss(121)
_WEIGHTS = _WEIGHTS / math.sqrt(2.0 * math.pi)  # now Σ w f(z) ≈ ∫Dz f(z), Dz = φ(z) dz


def gauss_average(f):
    """∫Dz f(z) with Dz the standard Gaussian measure (121-point Gauss–Hermite rule)."""
    return float(np.dot(_WEIGHTS, f(_NODES)))


def bisect(f, lo, hi, tol=1e-13, max_iter=200):
    """A root of f in [lo, hi] where f(lo) and f(hi) differ in sign (plain bisection)."""
    f_lo = f(lo)
    if f_lo == 0.0:
        return lo
    if f_lo * f(hi) > 0.0:
        raise ValueError(f"bisect: no sign change on [{lo}, {hi}]")
    for _ in range(max_iter):
        mid = 0.5 * (lo + hi)
        f_mid = f(mid)
        if f_mid == 0.0 or hi - lo < tol:
            return mid
        if (f_mid < 0.0) == (f_lo < 0.0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def last_true(holds, lo, hi, tol):
    """Bisection for the edge of a region: holds(lo) is assumed true, holds(hi) false; returns
    the last point found where it holds, within tol of the edge."""
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        if holds(mid):
            lo = mid
        else:
            hi = mid
    return lo


def binomial_log_pmf(k, n):
    """log P(B = k) for B ~ Binomial(n, ½), elementwise in k."""
    k = np.asarray(k, dtype=float)
    return math.lgamma(n + 1) - _lgamma(k + 1) - _lgamma(n - k + 1) - n * math.log(2.0)


def binomial_cdf_below(limit, n):
    """P(B < limit) for B ~ Binomial(n, ½) (strictly below), summed in log space."""
    b_max = math.ceil(limit) - 1
    if b_max < 0:
        return 0.0
    b_max = min(b_max, n)
    log_pmf = binomial_log_pmf(np.arange(b_max + 1), n)
    top = log_pmf.max()
    return float(math.exp(top) * np.exp(log_pmf - top).sum())


# --- Curie–Weiss: one pattern at temperature T ------------------------------------------------


def curie_weiss(temperature):
    """The largest root of m = tanh(m/T) (Curie–Weiss; one stored pattern, AGS 1985 Sec. 3).

    0 for T ≥ 1; for T < 1 the positive root, by bisection of g(m) = m − tanh(m/T), which is
    negative just above 0 and positive at m = 1.
    """
    t = float(temperature)
    if t >= 1.0:
        return 0.0
    if t <= 0.0:
        return 1.0
    return bisect(lambda m: m - math.tanh(m / t), 1e-12, 1.0)


# --- One-step errors and exact recall (Hebbian, bipolar) ------------------------------------


def one_step_error_limit(alpha):
    """Φ(−1/√α): the fraction of a stored pattern's bits one update would flip, N → ∞."""
    alpha = np.asarray(alpha, dtype=float)
    return normal_cdf(-1.0 / np.sqrt(alpha))


def one_step_error_gauss(n, p):
    """Φ(−√((N−1)/(P−1))): the central-limit form of the exact finite-N rate."""
    if p < 2:
        return 0.0
    return float(normal_cdf(-math.sqrt((n - 1) / (p - 1))))


def one_step_error_exact(n, p):
    """The exact one-step error rate of the Hebbian rule with zero diagonal, N neurons, P patterns.

    At stored pattern ν the aligned field of neuron i is [(N−1) + X]/N with X a sum of
    K = (N−1)(P−1) independent uniform ±1 terms (X = 2B − K, B ~ Binomial(K, ½)); a bit flips
    when X < −(N−1) (a tie keeps it), so the rate is P(B < (K − N + 1)/2).
    """
    if p < 2:
        return 0.0
    k = (n - 1) * (p - 1)
    return binomial_cdf_below((k - n + 1) / 2.0, k)


def fixed_point_probability(n, p):
    """P(a stored pattern is a fixed point) ≈ (1 − q)^N, q = one_step_error_exact(N, P).

    Treats the N bits of a pattern as independent, which they are not exactly (they share the
    couplings); the correlations are O(1/N) and the approximation is what McEliece et al. (1987)
    use for their asymptotics.
    """
    q = one_step_error_exact(n, p)
    return math.exp(n * math.log1p(-q)) if q < 1.0 else 0.0


def mceliece_capacity(n, all_patterns=False):
    """McEliece, Posner, Rodemich & Venkatesh (1987): N/(2 ln N) patterns with each single
    pattern a fixed point with probability → 1; N/(4 ln N) with all of them fixed at once."""
    n = np.asarray(n, dtype=float)
    return n / ((4.0 if all_patterns else 2.0) * np.log(n))


def storkey_capacity(n):
    """Storkey (1997): N/√(2 ln N) patterns for the incremental rule."""
    n = np.asarray(n, dtype=float)
    return n / np.sqrt(2.0 * np.log(n))


# --- Hopfield 1982: 0/1 neurons ---------------------------------------------------------------


def hopfield82_eq10(n, memories):
    """Hopfield (1982) Eq. 10: the probability that a bit of a stored memory is in error.

    0/1 neurons, T_ij = Σ_s (2V_i^s − 1)(2V_j^s − 1), threshold 0. At memory s the field of
    neuron j has the mean (2V_j^s − 1)·N/2 and a Gaussian noise of standard deviation
    σ = [(n − 1)N/2]^{1/2} from the other n − 1 memories, so P = ∫_{N/2σ}^∞ Dx = Φ(−√(N/(2(n−1)))).
    """
    memories = np.asarray(memories, dtype=float)
    with np.errstate(divide="ignore"):
        return np.where(memories > 1, normal_cdf(-np.sqrt(n / (2.0 * np.maximum(memories - 1, 1e-300)))), 0.0)


def hopfield82_exact(n, memories):
    """The exact one-step error rate of Hopfield's 0/1 network (what Eq. 10 approximates).

    At memory s, neuron j sees the K = Σ_{i≠j} V_i^s active neurons of the memory,
    K ~ Binomial(N − 1, ½). Its aligned field is K + X, where X collects the other n − 1
    memories: for each of them a sum over the K active i of independent uniform ±1 terms, so
    X = 2B − K(n − 1) with B ~ Binomial(K(n − 1), ½). The bit flips when K + X < 0 (a zero
    field keeps the state, `tie: keep`), so the rate is Σ_K P(K) P(B < K(n − 2)/2).
    """
    if memories < 2:
        return 0.0
    total = 0.0
    ks = np.arange(n)  # K = 0 … N − 1
    weights = np.exp(binomial_log_pmf(ks, n - 1))
    for k, w in zip(ks, weights):
        if w < 1e-18 or k == 0:
            continue
        m = int(k * (memories - 1))
        total += w * binomial_cdf_below(k * (memories - 2) / 2.0, m)
    return total


def clipped_signal_noise(memories):
    """Signal s and noise variance v of one clipped coupling sign(T_ij), T_ij = Σ_s ξ_i^s ξ_j^s.

    In the gauge of memory 1, ξ_i^1 ξ_j^1 sign(T_ij) = sign(1 + X), X a sum of n − 1 uniform ±1
    terms: s = E sign(1 + X), v = E sign(1 + X)² − s² (a tie T_ij = 0, possible for even n,
    stays 0). Unclipped couplings have s = 1, v = n − 1.
    """
    m = int(memories) - 1
    k = np.arange(m + 1)
    p = np.exp(binomial_log_pmf(k, m))
    sg = np.sign(1 + 2 * k - m)
    s = float((p * sg).sum())
    return s, float((p * sg * sg).sum()) - s * s


def hopfield82_eq10_clipped(n, memories):
    """Eq. 10 for clipped couplings: Φ(−s √(N/(2v))) with the (s, v) of clipped_signal_noise.

    Unclipped (s = 1, v = n − 1) this is Eq. 10. For large n, s² ≈ 2/(πn) and v ≈ 1: the
    clipped network with n memories has the error rate of the unclipped one with nπ/2
    memories, Hopfield's factor 2/π on the number of memories.
    """
    if memories < 2:
        return 0.0
    s, v = clipped_signal_noise(memories)
    return float(normal_cdf(-s * math.sqrt(n / (2.0 * v))))


# --- Amit, Gutfreund & Sompolinsky: replica-symmetric retrieval ------------------------------


def ags_overlap_t0(alpha, tol=1e-13, max_iter=200000):
    """Replica-symmetric T = 0 retrieval overlap m(α) of the Hebbian network (AGS 1987).

        m = erf(y),  y = m/√(2αr),  C = √(2/(παr)) exp(−y²),  r = 1/(1 − C)²,

    iterated from the retrieval start m = 1, C = 0. NaN above α_c ≈ 0.138 (no retrieval state).
    """
    return clipped_overlap_t0(alpha, 0.0, tol, max_iter)


def ags_alpha_c(tol=1e-7):
    """α_c of the T = 0 retrieval state: the largest α with a retrieval solution (bisection)."""
    return last_true(lambda a: not math.isnan(ags_overlap_t0(a)), 0.10, 0.20, tol)


def ags_rs(alpha, temperature, m0=1.0, tol=1e-11, max_iter=100000, give_up_below=0.0):
    """Replica-symmetric saddle point (m, q, r) at load α and temperature T (AGS 1987).

        m = ∫Dz tanh β(m + √(αr) z),   q = ∫Dz tanh² β(m + √(αr) z),
        r = q / (1 − β(1 − q))²,

    iterated from (m0, q = 1); the iteration stops early once m < give_up_below (used when
    only the existence of a retrieval state matters). For T = 0 the T = 0 equations are used
    (q = 1). Returns
    (m, q) of the state the iteration reaches: the retrieval state when it exists and m0 = 1,
    the spin-glass state (m = 0, q > 0) below T_g otherwise, the paramagnet (0, 0) above.
    """
    if temperature <= 0.0:
        m = ags_overlap_t0(alpha)
        return (0.0, 1.0) if math.isnan(m) else (m, 1.0)
    beta = 1.0 / temperature
    m, q = m0, 1.0
    for it in range(max_iter):
        chi = beta * (1.0 - q)
        if chi >= 1.0:
            chi = 1.0 - 1e-9
        r = q / (1.0 - chi) ** 2
        width = math.sqrt(alpha * r)
        t = np.tanh(beta * (m + width * _NODES))
        m_new = float(np.dot(_WEIGHTS, t))
        q_new = float(np.dot(_WEIGHTS, t * t))
        # Light damping keeps the iteration stable near the transition lines.
        m_new = 0.5 * (m + m_new) if it > 50 else m_new
        q_new = 0.5 * (q + q_new) if it > 50 else q_new
        if abs(m_new - m) < tol and abs(q_new - q) < tol or m_new < give_up_below:
            return m_new, q_new
        m, q = m_new, q_new
    return m, q


def ags_retrieval_overlap(alpha, temperature):
    """Retrieval overlap m(α, T) of the replica-symmetric theory, NaN where no retrieval state."""
    m, _ = ags_rs(alpha, temperature, give_up_below=0.04)
    return m if m > 0.05 else float("nan")


def ags_t_m(alpha, tol=1e-3):
    """T_M(α): the highest temperature at which a retrieval state exists (bisection in T).

    1 at α = 0 (Curie–Weiss), 0 at α_c ≈ 0.138; the retrieval state then disappears
    discontinuously for α > 0. Returns NaN for α above the T = 0 α_c.
    """
    if alpha <= 0.0:
        return 1.0
    if math.isnan(ags_overlap_t0(alpha)):
        return float("nan")
    return last_true(lambda t: not math.isnan(ags_retrieval_overlap(alpha, t)), 0.0, 1.0, tol)


def ags_t_g(alpha):
    """T_g = 1 + √α: the spin-glass transition of the Hebbian network (AGS 1987)."""
    return 1.0 + np.sqrt(np.asarray(alpha, dtype=float))


# --- Sompolinsky 1986: clipped (nonlinear) synapses ------------------------------------------

CLIP_NOISE = math.pi / 2.0 - 1.0  # δ = ⟨φ²⟩/⟨φ'⟩² − 1 for φ = sign (⟨φ'⟩ = √(2/π), ⟨φ²⟩ = 1)


def clipped_overlap_t0(alpha, delta=CLIP_NOISE, tol=1e-13, max_iter=200000):
    """T = 0 retrieval overlap of couplings J_ij = φ(T_ij) (Sompolinsky 1986, PRA 34:2571).

    A nonlinear synapse acts as the Hebbian coupling times ⟨φ'⟩ plus a static Gaussian noise
    of relative variance δ = ⟨φ²⟩/⟨φ'⟩² − 1 (π/2 − 1 for clipping). The noise widens the
    field like αδ extra crosstalk, but without the reaction term of the stored patterns:

        m = erf(y), y = m/√(2σ²), σ² = αr + αδ, C = √(2/(πσ²)) exp(−y²), r = 1/(1 − C)²,

    which is ags_overlap_t0 for δ = 0. NaN where there is no retrieval state.
    """
    if alpha <= 0.0:
        return 1.0
    m, c = 1.0, 0.0
    for _ in range(max_iter):
        r = 1.0 / (1.0 - c) ** 2
        var = alpha * r + alpha * delta
        y = m / math.sqrt(2.0 * var)
        m_new = math.erf(y)
        c_new = math.sqrt(2.0 / (math.pi * var)) * math.exp(-y * y)
        if c_new >= 1.0 or m_new < 1e-6:
            return float("nan")
        if abs(m_new - m) < tol and abs(c_new - c) < tol:
            return m_new
        m, c = m_new, c_new
    return float("nan")


def clipped_alpha_c(delta=CLIP_NOISE, tol=1e-7):
    """α_c of clipped_overlap_t0 (bisection): ≈ 0.102 for clipping, 0.138 for δ = 0."""
    return last_true(lambda a: not math.isnan(clipped_overlap_t0(a, delta)), 0.01, 0.20, tol)


def clipped_one_step_error_limit(alpha):
    """Φ(−1/√(πα/2)): one-step error per bit of clipped Hebbian couplings, N → ∞ (the
    Hebbian rate at the effective load α(1 + δ) = απ/2)."""
    alpha = np.asarray(alpha, dtype=float)
    return normal_cdf(-1.0 / np.sqrt(alpha * math.pi / 2.0))


def clipped_one_step_error_exact(n, p):
    """The exact one-step error rate of clipped Hebbian couplings sign(Σ_μ ξ_i^μ ξ_j^μ), w_ii = 0.

    At stored pattern ν, in its gauge, coupling j contributes c_j = sign(1 + X_j) to the aligned
    field, X_j = 2B − (P − 1), B ~ Binomial(P − 1, ½); given the patterns at neuron i the c_j
    are independent over j. c_j = 0 (a tie of the Hebbian sum, even P) with probability
    p₀ = P(B = (P − 2)/2), +1 with p₊ = P(B > (P − 2)/2). The bit flips when the field is
    negative (a zero field keeps it): Σ_{k₀} P(K₀ = k₀) P(K₊ < (N − 1 − k₀)/2) with
    K₀ ~ Binomial(N − 1, p₀), K₊ ~ Binomial(N − 1 − k₀, p₊/(1 − p₀)).
    """
    if p < 2:
        return 0.0
    m = p - 1
    b = np.arange(m + 1)
    pb = np.exp(binomial_log_pmf(b, m))
    half = (p - 2) / 2.0
    p_plus = float(pb[b > half].sum())
    p_zero = float(pb[b == half].sum()) if float(half).is_integer() else 0.0
    q = p_plus / (1.0 - p_zero)
    total = 0.0
    for k0 in range(n):
        if p_zero == 0.0 and k0 > 0:
            break
        w = math.exp(math.lgamma(n) - math.lgamma(k0 + 1) - math.lgamma(n - k0)
                     + (k0 * math.log(p_zero) if k0 else 0.0)
                     + (n - 1 - k0) * math.log1p(-p_zero)) if p_zero > 0.0 else 1.0
        if w < 1e-17 and k0 > (n - 1) * p_zero:
            break
        if w < 1e-17:
            continue
        k = n - 1 - k0
        total += w * _binomial_cdf_below_p((k) / 2.0, k, q)
    return total


def _binomial_cdf_below_p(limit, n, prob):
    """P(B < limit) for B ~ Binomial(n, prob)."""
    b_max = min(math.ceil(limit) - 1, n)
    if b_max < 0:
        return 0.0
    k = np.arange(b_max + 1, dtype=float)
    log_pmf = (math.lgamma(n + 1) - _lgamma(k + 1) - _lgamma(n - k + 1)
               + k * math.log(prob) + (n - k) * math.log1p(-prob))
    return float(np.exp(log_pmf).sum())


# --- Symmetric mixture states at α → 0 (AGS 1985) --------------------------------------------


def _sign_patterns(k):
    """All 2^k rows ξ ∈ {±1}^k."""
    idx = np.arange(2 ** k)[:, None]
    return 1.0 - 2.0 * ((idx >> np.arange(k)[None, :]) & 1)


def mixture_overlap_t0(k):
    """Overlap of the symmetric k-mixture sign(ξ^1 + … + ξ^k) with each component, α → 0.

    ⟨ξ^1 sign(Σ ξ)⟩ over ξ ∈ {±1}^k: for odd k, 2^{1−k} C(k−1, (k−1)/2) (½, 3/8, 5/16 for
    k = 3, 5, 7), computed here by enumeration.
    """
    xi = _sign_patterns(k)
    total = xi.sum(axis=1)
    return float(np.mean(xi[:, 0] * np.sign(total)))


def mixture_energy_t0(k):
    """Energy per neuron −½ k m_k² of the symmetric k-mixture at α → 0 (AGS 1985)."""
    m = mixture_overlap_t0(k)
    return -0.5 * k * m * m


def mixture_overlap(k, temperature, tol=1e-13, max_iter=100000):
    """Symmetric k-mixture overlap at temperature T, α → 0: m = ⟨ξ^1 tanh(β m Σ ξ)⟩."""
    if temperature <= 0.0:
        return mixture_overlap_t0(k)
    beta = 1.0 / temperature
    xi = _sign_patterns(k)
    total = xi.sum(axis=1)
    m = 1.0
    for _ in range(max_iter):
        m_new = float(np.mean(xi[:, 0] * np.tanh(beta * m * total)))
        if abs(m_new - m) < tol:
            return m_new
        m = m_new
    return m


def mixture_stability(k, temperature):
    """Smallest eigenvalue of the free-energy Hessian at the symmetric k-mixture (α → 0).

    f(m) = ½ Σ m_μ² − T ⟨ln 2cosh(β m·ξ)⟩; its Hessian is
    A_μν = δ_μν − β⟨ξ^μ ξ^ν (1 − tanh²(β m·ξ))⟩. For the k condensed patterns it is computed by
    enumerating ξ ∈ {±1}^k; a non-condensed pattern adds the eigenvalue 1 − β(1 − q),
    q = ⟨tanh²(β m·ξ)⟩. The mixture is a stable state (a local minimum) when every eigenvalue
    is positive. Needs T > 0 (at T = 0 odd mixtures are stable and even ones are not).
    """
    beta = 1.0 / temperature
    m = mixture_overlap(k, temperature)
    xi = _sign_patterns(k)
    field = beta * m * xi.sum(axis=1)
    sech2 = 1.0 - np.tanh(field) ** 2
    hessian = np.eye(k) - beta * (xi.T * sech2) @ xi / xi.shape[0]
    q = float(np.mean(np.tanh(field) ** 2))
    eigen = np.linalg.eigvalsh(hessian)
    return float(min(eigen.min(), 1.0 - beta * (1.0 - q)))


def mixture_stability_temperature(k, t_lo=0.02, t_hi=0.99, tol=1e-6):
    """The temperature below which the symmetric k-mixture is stable (α → 0), by bisection.

    NaN when it is unstable at every T in [t_lo, t_hi] (the even mixtures).
    """
    def stable(t):
        return mixture_overlap(k, t) > 1e-6 and mixture_stability(k, t) > 0.0

    if not stable(t_lo):
        return float("nan")
    if stable(t_hi):
        return t_hi
    return last_true(stable, t_lo, t_hi, tol)


# --- Synchronous dynamics and dilute networks ------------------------------------------------


def sync_first_step(m0, alpha):
    """m₁ = erf(m₀/√(2α)): the overlap after one synchronous step from a cue of overlap m₀
    (Hebbian, zero diagonal, N → ∞; Gaussian crosstalk of variance α)."""
    return erf(np.asarray(m0, dtype=float) / np.sqrt(2.0 * alpha))


def dgz_map(m, alpha):
    """Derrida, Gardner & Zippelius (1987): m_{t+1} = erf(m_t/√(2α)) at every step, α = P/C."""
    return sync_first_step(m, alpha)


def dgz_map_finite(m, inputs, patterns):
    """The DGZ map at finite K, exact for a tree (no correlated inputs).

    The aligned field of a neuron is Y = S + X: the signal S = 2B − K over its K inputs,
    B ~ Binomial(K, (1 + m_t)/2), and the crosstalk X = 2B' − K(P − 1) of the other P − 1
    patterns, B' ~ Binomial(K(P − 1), ½), both exact (integer fields). A neuron takes the sign
    of Y, and at a tie (Y = 0) keeps its state, which agrees with the pattern with probability
    (1 + m_t)/2: m_{t+1} = P(Y > 0) − P(Y < 0) + m_t P(Y = 0). Tends to erf(m/√(2α)) for
    K → ∞ at α = P/K.
    """
    k = int(inputs)
    kx = k * (int(patterns) - 1)
    b = np.arange(k + 1)
    p_on = min(max((1.0 + m) / 2.0, 1e-300), 1 - 1e-16)
    pb = np.exp(math.lgamma(k + 1) - _lgamma(b + 1) - _lgamma(k - b + 1)
                + b * math.log(p_on) + (k - b) * math.log(1 - p_on))
    bx = np.arange(kx + 1)
    px = np.exp(binomial_log_pmf(bx, kx)) if kx > 0 else np.array([1.0])
    cdf = np.concatenate([[0.0], np.cumsum(px)])  # cdf[j] = P(B' < j)
    half = k * int(patterns)  # Y = 2(B + B') − K·P: Y = 0 iff B + B' = KP/2
    total = 0.0
    for bi, w in zip(b, pb):
        if w < 1e-300:
            continue
        # Y > 0 iff B' > KP/2 − b; Y < 0 iff B' < KP/2 − b.
        thr = half / 2.0 - bi
        below = cdf[int(np.clip(math.ceil(thr), 0, kx + 1))]
        tie = px[int(thr)] if float(thr).is_integer() and 0 <= thr <= kx else 0.0
        above = 1.0 - below - tie
        total += w * (above - below + m * tie)
    return float(total)


def dgz_fixed_point_finite(inputs, patterns, m0=1.0, tol=1e-10, max_iter=20000):
    """The fixed point of dgz_map_finite reached from m0."""
    m = m0
    for _ in range(max_iter):
        m_new = dgz_map_finite(m, inputs, patterns)
        if abs(m_new - m) < tol:
            return m_new
        m = m_new
    return m


def dgz_fixed_point(alpha, m0=1.0, tol=1e-13, max_iter=1000000):
    """The stable fixed point of the DGZ map reached from m0 (0 above α_c = 2/π)."""
    m = m0
    for _ in range(max_iter):
        m_new = float(dgz_map(m, alpha))
        if abs(m_new - m) < tol:
            return m_new
        m = m_new
    return m


# --- Gardner capacity ------------------------------------------------------------------------


def gardner_alpha_c(kappa):
    """α_c(κ) = [∫_{−κ}^∞ Dt (t + κ)²]^{−1} (Gardner 1988); 2 at κ = 0."""
    def integrand(t):
        return np.where(t > -kappa, (t + kappa) ** 2, 0.0)

    # The integrand has a kink at −κ: integrate on a fine grid instead of by quadrature.
    t = np.linspace(-kappa, 12.0, 200001)
    f = integrand(t) * np.exp(-0.5 * t * t) / math.sqrt(2.0 * math.pi)
    return 1.0 / float(np.trapz(f, t))


def cover_probability(p, n):
    """Cover (1965): probability that P random ±1 patterns in general position in N dimensions
    with random labels are linearly separable through the origin, 2^{1−P} Σ_{k<N} C(P−1, k)."""
    if p <= n:
        return 1.0
    ks = np.arange(n)
    return float(np.exp(binomial_log_pmf(ks, p - 1)).sum())


# --- Fitting helpers -------------------------------------------------------------------------


def weighted_line(x, y, sigma):
    """Weighted least-squares line y = a + b x; returns (a, b, sa, sb), standard errors from σ."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    w = 1.0 / np.asarray(sigma, dtype=float) ** 2
    design = np.stack([np.ones_like(x), x], axis=1)
    cov = np.linalg.inv(design.T @ (design * w[:, None]))
    a, b = cov @ (design.T @ (w * y))
    return float(a), float(b), float(math.sqrt(cov[0, 0])), float(math.sqrt(cov[1, 1]))


# --- Sherrington–Kirkpatrick metastable states -------------------------------------------------


def sk_metastable_rate():
    """(1/N) ln ⟨number of one-flip-stable states⟩ of the SK model at T = 0, N → ∞
    (Tanaka & Edwards 1980; Bray & Moore 1980): max_z [ln 2Φ(z) − z²/2], found by bisection
    on the stationarity condition φ(z)/Φ(z) = z. ≈ 0.1992."""
    def derivative(z):
        phi = math.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
        return phi / float(normal_cdf(z)) - z

    z = bisect(derivative, 0.0, 2.0)
    return math.log(2.0 * float(normal_cdf(z))) - 0.5 * z * z
