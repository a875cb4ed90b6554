"""High-precision reference values for the local-statistics tests (betaens, docs/local-statistics).

Independent of the library: the sine kernels are used in their trigonometric form S(x - y) and
S(x - y) +- S(x + y), S(t) = sin(pi t)/(pi t) (Gaudin; Mehta, Random Matrices, 3rd ed., 6.4, 7.5),
discretised by Gauss-Legendre Nystrom (Bornemann, Math. Comp. 79 (2010)) in mpmath at 50 digits
with m nodes, m raised until the values stop changing; derivatives by mpmath's numerical
differentiation of the 50-digit determinants.
    E_2(0; s) = det(I - S)_(0,s),  E_1(0; s) = det(I - K_+)_(0,s/2),
    E_4(0; s) = [det(I - K_+)_(0,s) + det(I - K_-)_(0,s)]/2.
Run: python3 docs/local-statistics/references.py [section ...]  (prints JSON)
"""
import json
import sys
import mpmath as mp

mp.mp.dps = 50


def legendre_rule(m):
    """Gauss-Legendre nodes/weights on (0, 1) by Newton's method on P_m (mpmath)."""
    nodes, weights = [], []
    for k in range(1, m + 1):
        x = mp.cos(mp.pi * (k - mp.mpf(1) / 4) / (m + mp.mpf(1) / 2))
        for _ in range(100):
            p0, p1 = mp.mpf(1), x
            for j in range(2, m + 1):
                p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
            dp = m * (x * p1 - p0) / (x * x - 1)
            dx = p1 / dp
            x -= dx
            if abs(dx) < mp.mpf(10) ** (-mp.mp.dps + 5):
                break
        p0, p1 = mp.mpf(1), x
        for j in range(2, m + 1):
            p0, p1 = p1, ((2 * j - 1) * x * p1 - (j - 1) * p0) / j
        dp = m * (x * p1 - p0) / (x * x - 1)
        nodes.append((1 + x) / 2)
        weights.append(1 / ((1 - x * x) * dp * dp))
    return nodes, weights


_rules = {}


def rule(m):
    if m not in _rules:
        _rules[m] = legendre_rule(m)
    return _rules[m]


def S(t):
    return mp.mpf(1) if t == 0 else mp.sin(mp.pi * t) / (mp.pi * t)


def det_kernel(kernel, length, m):
    nodes, weights = rule(m)
    x = [length * u for u in nodes]
    w = [length * v for v in weights]
    A = mp.matrix(m, m)
    for i in range(m):
        for j in range(m):
            A[i, j] = (1 if i == j else 0) - mp.sqrt(w[i] * w[j]) * kernel(x[i], x[j])
    return mp.det(A)


def converged(f, m0=24, step=8, tol=mp.mpf(10) ** -30):
    m = m0
    prev = f(m)
    while True:
        m += step
        cur = f(m)
        if abs(cur - prev) <= tol * max(1, abs(cur)):
            return cur
        prev = cur
        if m > 200:
            raise RuntimeError("no convergence")


def E2(s, m):
    return det_kernel(lambda x, y: S(x - y), s, m)


def Eplus(s, m):  # det(I - K_+) on (0, s/2)
    return det_kernel(lambda x, y: S(x - y) + S(x + y), s / 2, m)


def Eminus(s, m):
    return det_kernel(lambda x, y: S(x - y) - S(x + y), s / 2, m)


def gap(beta, s, m):
    if beta == 1:
        return Eplus(s, m)
    if beta == 2:
        return E2(s, m)
    return (Eplus(2 * s, m) + Eminus(2 * s, m)) / 2


def spacing_section():
    out = []
    for beta in (1, 2, 4):
        for s in ["0.05", "0.3", "0.7", "1", "1.5", "2", "3", "4", "5", "6"]:
            s = mp.mpf(s)
            m = 24 + int(6 * s * (2 if beta == 4 else 1))
            f = lambda x: gap(beta, x, m)
            E = f(s)
            d1 = mp.diff(f, s, 1)
            d2 = mp.diff(f, s, 2)
            out.append({"beta": beta, "s": float(s), "E": mp.nstr(E, 25), "dE": mp.nstr(d1, 25), "d2E": mp.nstr(d2, 25)})
    return out


def tail_section():
    """Far tails (relative accuracy): beta 1, 2 at s = 8, 10 (t = pi s/2 in the double-double and
    asymptotic ranges of the library)."""
    out = []
    for beta in (1, 2):
        for s in ["8", "10"]:
            s = mp.mpf(s)
            m = 40 + int(7 * s)
            f = lambda x: gap(beta, x, m)
            out.append({"beta": beta, "s": float(s), "E": mp.nstr(f(s), 25),
                        "dE": mp.nstr(mp.diff(f, s, 1), 25), "d2E": mp.nstr(mp.diff(f, s, 2), 25)})
    return out


def palm_section():
    """det(I - K0) on (0, t) with the even Palm kernel S(x-y) + S(x+y) - 2 S(x) S(y) (library:
    D_{3/2}((pi t)^2))."""
    out = []
    for t in ["0.25", "0.5", "1", "1.5"]:
        t = mp.mpf(t)
        out.append({"t": float(t), "D": mp.nstr(det_kernel(lambda x, y: S(x - y) + S(x + y) - 2 * S(x) * S(y), t, 48), 25)})
    return out


SECTIONS = {"spacing": spacing_section, "tail": tail_section, "palm": palm_section}

if __name__ == "__main__":
    names = sys.argv[1:] or list(SECTIONS)
    print(json.dumps({name: SECTIONS[name]() for name in names}, indent=1))
