"""The classic AIS run on the first RBM of a trained stack, in NumPy: an independent implementation of the estimator
that `rbm likelihood` runs, for its time and its estimate side by side. Run by likelihood.sh:

    python3 annealing.py RUN [CHAINS] [BETAS] [SEED]     prints one JSON line

Written as Salakhutdinov and Murray describe it (and pydeep codes it): the chains' state is the visible layer, the
hidden one is summed out, the base model has the data's smoothed marginals as its visible biases (the same Laplace
rule as rbm's BaseRateModel), and the path is geometric. The products run in float32 on OpenBLAS into buffers
allocated once; the log weights and the softplus differences are float64, because a step of 1e-5 in beta changes
each softplus in its sixth digit."""
import gzip
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def schedule(steps):
    """The classic segments: 500, 4,000 and 10,000 of 14,500 steps over [0, .5], [.5, .9], [.9, 1]."""
    ends, shares = (0.5, 0.9, 1.0), (500, 4000, 10000)
    betas, done, classic, start = [0.0], 0, 0, 0.0
    for s, end in enumerate(ends):
        classic += shares[s]
        upto = steps if s == 2 else round(steps * classic / 14500)
        betas += [start + (end - start) * i / (upto - done) for i in range(1, upto - done + 1)]
        done, start = upto, end
    return np.array(betas)


def softplus(z):
    return np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))


def main():
    run = sys.argv[1]
    chains = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 14500
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    layer = os.path.join(run, "layer-01")
    epoch = sorted(d for d in os.listdir(layer) if d.startswith("epoch-"))[-1]
    w = np.load(os.path.join(layer, epoch, "weights.npy")).astype(np.float32)
    bv = np.load(os.path.join(layer, epoch, "visible_bias.npy")).astype(np.float64)
    bh = np.load(os.path.join(layer, epoch, "hidden_bias.npy")).astype(np.float64)
    nv, nh = w.shape
    with gzip.open(os.path.join(HERE, "..", "data", "train-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    p = ((x > 127.5).sum(axis=0) + 1.0) / (x.shape[0] + 2.0)  # threshold 0.5 on grey/255, as rbm train does
    a = np.log(p / (1 - p))
    log_za = nh * np.log(2) + softplus(a).sum()
    betas = schedule(steps)
    rng = np.random.default_rng(seed)
    wt = np.ascontiguousarray(w.T)
    v = (rng.random((chains, nv)) < 1 / (1 + np.exp(-a))).astype(np.float32)
    xw = np.empty((chains, nh), np.float32)
    hw = np.empty((chains, nv), np.float32)
    h = np.empty((chains, nh), np.float32)
    logw = np.zeros(chains)
    slope = bv - a
    start = time.perf_counter()
    for k in range(1, steps + 1):
        b0, b1 = betas[k - 1], betas[k]
        np.matmul(v, w, out=xw)
        u = xw + bh                                  # float64: c + vW
        logw += (b1 - b0) * (v @ slope) + (softplus(b1 * u) - softplus(b0 * u)).sum(axis=1)
        if k == steps:
            break
        h[:] = rng.random((chains, nh)) < 1 / (1 + np.exp(-b1 * u))
        h *= b1
        np.matmul(h, wt, out=hw)
        v[:] = rng.random((chains, nv)) < 1 / (1 + np.exp(-((1 - b1) * a + b1 * bv + hw)))
    seconds = time.perf_counter() - start
    top = logw.max()
    log_mean = top + np.log(np.mean(np.exp(logw - top)))
    wts = np.exp(logw - top)
    ess = wts.sum() ** 2 / (wts ** 2).sum()
    stderr = np.std(wts, ddof=1) / np.sqrt(chains) / np.mean(wts)  # the delta method: se of log mean(w)
    print(json.dumps({"peer": "NumPy AIS", "seconds": seconds, "log_z": float(log_za + log_mean),
                      "stderr": float(stderr), "ess": float(ess), "chains": chains, "steps": steps,
                      "threads": os.environ.get("OPENBLAS_NUM_THREADS", "?")}))


if __name__ == "__main__":
    main()
