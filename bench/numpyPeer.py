"""Peer timings for bench/kernels.ts: numpy's Generator (PCG64) and RandomState (MT19937) draws of
the same coefficient arrays, and scipy's LAPACK bisection (dstebz) for λ_max. Reads one JSON
request per line on stdin, runs it once, and prints {"cpu": s, "wall": s} (process CPU time and
wall clock of that run), so the caller can interleave these runs with its own."""
import json
import sys
import time

import numpy as np

try:
    from scipy.linalg import eigvalsh_tridiagonal
except ImportError:  # scipy is optional: the λ_max peer is then reported missing
    eigvalsh_tridiagonal = None

generator = np.random.default_rng(1)
legacy = np.random.RandomState(1)
matrices = {}


def hermite(rng, n, beta):
    a = rng.standard_normal(n)
    b = rng.standard_gamma(beta * np.arange(n - 1, 0, -1) / 2.0)
    return a, b


def laguerre(rng, n, beta):
    half = beta * np.arange(n - 1, -1, -1) / 2.0
    q = rng.standard_gamma(half + 1.0)
    e = rng.standard_gamma(half[:-1])
    return q, e


def jacobi(rng, n, beta):
    half = beta * np.arange(n - 1, -1, -1) / 2.0
    c_odd = rng.beta(half + 1.0, half + 1.0)
    c_even = rng.beta(half[:-1], beta * np.arange(n - 2, -1, -1) / 2.0 + 2.0)
    return c_odd, c_even


def run(request):
    task = request["task"]
    n = int(request["n"])
    if task in ("hermite", "laguerre", "jacobi"):
        rng = generator if request.get("generator", "Generator") == "Generator" else legacy
        {"hermite": hermite, "laguerre": laguerre, "jacobi": jacobi}[task](rng, n, request["beta"])
    elif task == "stebz":
        if eigvalsh_tridiagonal is None:
            raise RuntimeError("scipy missing")
        a, e = matrices[n]
        eigvalsh_tridiagonal(a, e, select="i", select_range=(n - 1, n - 1), lapack_driver="stebz")
    else:
        raise ValueError(task)


for line in sys.stdin:
    request = json.loads(line)
    if request["task"] == "load":
        # The matrix for the λ_max peer: float64 files written by the caller (a, then √b).
        n = int(request["n"])
        a = np.fromfile(request["a"], dtype=np.float64)
        e = np.sqrt(np.fromfile(request["b"], dtype=np.float64))
        matrices[n] = (a, e)
        print(json.dumps({"ok": True}), flush=True)
        continue
    try:
        c0, w0 = time.process_time(), time.perf_counter()
        run(request)
        print(json.dumps({"cpu": time.process_time() - c0, "wall": time.perf_counter() - w0}), flush=True)
    except Exception as error:  # reported, the row shows no peer
        print(json.dumps({"error": str(error)}), flush=True)
