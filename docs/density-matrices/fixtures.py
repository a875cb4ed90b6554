"""High-precision reference values for test/theory/fixedTraceDensity.test.ts (mpmath, 60 digits).

The one-eigenvalue density of a random density matrix at beta = 2 (N x N, environment M, real
M > N - 1), as the Beta mixture of docs/density-matrices/README.md section 3 evaluated in exact
(high-precision) arithmetic, where its cancellation does no harm; the CDF is the same mixture of
regularized incomplete Beta functions. Run: python3 docs/density-matrices/fixtures.py
"""
from mpmath import mp, mpf, binomial, gamma, factorial, betainc, beta as B

mp.dps = 60


def mixture(n, m):
    a = mpf(m) - n
    k = n * mpf(m)
    c = [mpf(0)] * (2 * n - 1)
    for j in range(n):
        lag = [(-1) ** i * binomial(j + a, j - i) / factorial(i) for i in range(j + 1)]
        f = factorial(j) / gamma(j + a + 1)
        for p in range(j + 1):
            for q in range(j + 1):
                c[p + q] += f * lag[p] * lag[q]
    # weights and Beta parameters of the components
    return [(c[i] * gamma(a + i + 1) / n, a + i + 1, k - a - i - 1) for i in range(2 * n - 1)]


def pdf(n, m, u):
    u = mpf(u)
    return sum(w * u ** (p - 1) * (1 - u) ** (q - 1) / B(p, q) for w, p, q in mixture(n, m))


def cdf(n, m, u):
    return sum(w * betainc(p, q, 0, mpf(u), regularized=True) for w, p, q in mixture(n, m))


CASES = [
    (3, 3, [0.05, 0.2, 0.5, 0.8]),
    (3, 2.5, [0.05, 0.3, 0.6]),
    (4, 7.25, [0.1, 0.25, 0.4]),
    (6, 6, [0.02, 0.1, 0.3]),
    (10, 10, [0.02, 0.1, 0.25]),
    (12, 11.5, [0.01, 0.08, 0.2]),
    (20, 20, [0.01, 0.05, 0.125, 0.175]),
    (30, 45, [0.01, 0.04, 0.07]),
]

if __name__ == "__main__":
    for n, m, us in CASES:
        pdfs = ", ".join(f"[{u}, {mp.nstr(pdf(n, m, u), 17)}]" for u in us)
        cdfs = ", ".join(f"[{u}, {mp.nstr(cdf(n, m, u), 17)}]" for u in us)
        print(f"  {{ n: {n}, m: {m}, pdf: [{pdfs}], cdf: [{cdfs}] }},")
