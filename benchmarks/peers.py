"""One CD-1 epoch of a 784-500 RBM on the 60,000 MNIST training images, batch 100, float32, in NumPy, PyTorch and
scikit-learn, with the same hyperparameters as `rbm train` (Hinton's recipe: learning rate 0.1, momentum 0.5, weight
decay 2e-4). Run by peers.sh, one peer per process:  python3 peers.py PEER EPOCHS  prints one JSON line."""
import gzip
import json
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
LR, MOMENTUM, DECAY = 0.1, 0.5, 2e-4
BATCH = int(os.environ.get("RBM_BATCH", 100))    # scaling.sh varies these two
HIDDEN = int(os.environ.get("RBM_HIDDEN", 500))


def mnist():
    with gzip.open(os.path.join(HERE, "..", "data", "train-images-idx3-ubyte.gz")) as f:
        raw = f.read()
    x = np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(60000, 784)
    return (x > 127.5).astype(np.float32)  # threshold 0.5 on grey/255, as rbm train does


def numpy_epochs(x, epochs):
    """Written as a NumPy user who cares about speed would: every product and element-wise step writes into buffers
    allocated once, since a fresh 784x500 temporary per step costs page faults (about 3 ms a batch here)."""
    rng = np.random.default_rng(1)
    n, nv = x.shape
    w = (0.01 * rng.standard_normal((nv, HIDDEN))).astype(np.float32)
    p = np.clip(x.mean(axis=0), 1e-4, 1 - 1e-4)
    b = np.log(p / (1 - p)).astype(np.float32)
    c = np.zeros(HIDDEN, np.float32)
    vw, vb, vc = np.zeros_like(w), np.zeros_like(b), np.zeros_like(c)
    gw, tmp = np.empty_like(w), np.empty_like(w)
    v0 = np.empty((BATCH, nv), np.float32)
    v1 = np.empty_like(v0)
    h0, hs, h1 = (np.empty((BATCH, HIDDEN), np.float32) for _ in range(3))
    u = np.empty_like(h0)

    def sigmoid_(z):  # in place: 1 / (1 + exp(-z))
        np.negative(z, out=z)
        np.exp(z, out=z)
        z += 1
        np.reciprocal(z, out=z)

    times = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        order = rng.permutation(n)
        for i in range(0, n - BATCH + 1, BATCH):
            np.take(x, order[i:i + BATCH], axis=0, out=v0)
            np.matmul(v0, w, out=h0)
            h0 += c
            sigmoid_(h0)
            rng.random(out=u, dtype=np.float32)
            np.less(u, h0, out=hs)
            np.matmul(hs, w.T, out=v1)
            v1 += b
            sigmoid_(v1)
            np.matmul(v1, w, out=h1)
            h1 += c
            sigmoid_(h1)
            np.matmul(v0.T, h0, out=gw)
            np.matmul(v1.T, h1, out=tmp)
            gw -= tmp
            gw *= 1.0 / BATCH
            np.multiply(w, DECAY, out=tmp)
            gw -= tmp
            vw *= MOMENTUM
            gw *= LR
            vw += gw
            w += vw
            vb *= MOMENTUM
            vb += LR * (v0.mean(axis=0) - v1.mean(axis=0))
            vc *= MOMENTUM
            vc += LR * (h0.mean(axis=0) - h1.mean(axis=0))
            b += vb
            c += vc
        times.append(time.perf_counter() - t0)
    return times


def torch_epochs(x, epochs):
    import torch
    torch.set_num_threads(2)
    torch.manual_seed(1)
    with torch.no_grad():
        xt = torch.from_numpy(x)
        n, nv = xt.shape
        w = 0.01 * torch.randn(nv, HIDDEN)
        p = xt.mean(0).clamp(1e-4, 1 - 1e-4)
        b = torch.log(p / (1 - p))
        c = torch.zeros(HIDDEN)
        vw, vb, vc = torch.zeros_like(w), torch.zeros_like(b), torch.zeros_like(c)
        times = []
        for _ in range(epochs):
            t0 = time.perf_counter()
            order = torch.randperm(n)
            for i in range(0, n, BATCH):
                v0 = xt[order[i:i + BATCH]]
                h0 = torch.sigmoid(v0 @ w + c)
                hs = (torch.rand_like(h0) < h0).float()
                v1 = torch.sigmoid(hs @ w.t() + b)
                h1 = torch.sigmoid(v1 @ w + c)
                gw = (v0.t() @ h0 - v1.t() @ h1) / v0.shape[0]
                vw.mul_(MOMENTUM).add_(LR * (gw - DECAY * w))
                vb.mul_(MOMENTUM).add_(LR * (v0 - v1).mean(0))
                vc.mul_(MOMENTUM).add_(LR * (h0 - h1).mean(0))
                w += vw
                b += vb
                c += vc
            times.append(time.perf_counter() - t0)
    return times


def sklearn_epochs(x, epochs):
    from sklearn.neural_network import BernoulliRBM
    times = []
    for e in range(epochs):
        rbm = BernoulliRBM(n_components=HIDDEN, learning_rate=LR, batch_size=BATCH, n_iter=1, random_state=e)
        t0 = time.perf_counter()
        rbm.fit(x)  # float32 input stays float32; one epoch of PCD-1
        times.append(time.perf_counter() - t0)
    return times


SHAPES = {"NN:100x500x784": ((100, 784), (784, 500), False, False),
          "NT:100x784x500": ((100, 500), (784, 500), False, True),
          "TN:784x500x100": ((100, 784), (100, 500), True, False),
          "TN:784x500x200": ((200, 784), (200, 500), True, False)}


def sgemm(repeats=400):
    """GFLOP/s of NumPy's sgemm (OpenBLAS) at the shapes of GemmBenchmark, median of 5 rounds."""
    rng = np.random.default_rng(0)
    out = {}
    for name, (sa, sb, ta, tb) in SHAPES.items():
        a = rng.random(sa, dtype=np.float32)
        b = rng.random(sb, dtype=np.float32)
        op_a = a.T if ta else a
        op_b = b.T if tb else b
        c = np.empty((op_a.shape[0], op_b.shape[1]), np.float32)
        flops = 2.0 * op_a.shape[0] * op_a.shape[1] * op_b.shape[1]
        rounds = []
        for _ in range(5):
            t0 = time.perf_counter()
            for _ in range(repeats):
                np.matmul(op_a, op_b, out=c)
            rounds.append(flops * repeats / (time.perf_counter() - t0) / 1e9)
        out[name] = sorted(rounds)[2]
    return out


def blas_info():
    try:
        from threadpoolctl import threadpool_info
        return [{k: i.get(k) for k in ("internal_api", "version", "num_threads", "architecture")}
                for i in threadpool_info()]
    except Exception as e:  # threadpoolctl missing: say so rather than fail
        return [{"error": str(e)}]


def report(path):
    """Median seconds per epoch of each run, and each run's time as a ratio of rbm's best."""
    rows = [json.loads(line) for line in open(path) if line.strip()]
    med = lambda ts: sorted(ts)[len(ts) // 2]
    ours = min(med(r["times"]) for r in rows if r["peer"].startswith("rbm"))
    print(f"{'':52} {'s/epoch':>8} {'x rbm':>7}")
    for r in rows:
        m = med(r["times"])
        print(f"{r['peer']:52} {m:8.2f} {m / ours:7.2f}")
        for b in r.get("blas", []):
            if "internal_api" in b:
                print(f"{'':4}{b['internal_api']} {b.get('version')} {b.get('architecture')} threads={b.get('num_threads')}")
    versions = {k: v for r in rows for k, v in r.get("versions", {}).items()}
    print("versions:", ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))


if __name__ == "__main__":
    if sys.argv[1] == "report":
        report(sys.argv[2])
        sys.exit(0)
    if sys.argv[1] == "sgemm":
        print(json.dumps({"gflops": sgemm(), "blas": blas_info()}))
        sys.exit(0)
    peer, epochs = sys.argv[1], int(sys.argv[2])
    label = sys.argv[3] if len(sys.argv) > 3 else peer
    x = mnist()
    run = {"numpy": numpy_epochs, "torch": torch_epochs, "sklearn": sklearn_epochs}[peer]
    times = run(x, epochs)
    versions = {"numpy": np.__version__}
    if peer == "torch":
        import torch
        versions["torch"] = torch.__version__
    if peer == "sklearn":
        import sklearn
        versions["sklearn"] = sklearn.__version__
    print(json.dumps({"peer": label, "times": times, "versions": versions, "blas": blas_info()}))
