"""The digits fixture and scikit-learn's own figures for the exact scikit-learn preset.

    /usr/bin/python3 benchmarks/sklearn_digits.py [SEEDS]        default 30; needs Debian's python3-sklearn

Writes, under src/test/resources/rbm/sklearn/:
  digits.csv.gz    scikit-learn's digits (1797 x 64) as test_rbm.py feeds them to BernoulliRBM: X -= X.min();
                   X /= X.max(), i.e. the grey levels 0-16 divided by 16, which are exact in decimal and in float32
  test-fit.csv     score_samples(X).mean() of BernoulliRBM on test_fit's setting (64 components, lr 0.1, batch 10,
                   7 iterations) for random_state 0 .. SEEDS-1
The digits are the test set of the UCI Optical Recognition of Handwritten Digits data set (Alpaydin and Kaynak,
1998), CC BY 4.0, as scikit-learn ships them.
"""
import gzip
import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import load_digits
from sklearn.neural_network import BernoulliRBM
from sklearn.utils import gen_even_slices

seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 30
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "rbm", "sklearn")
os.makedirs(out, exist_ok=True)

X, _ = load_digits(return_X_y=True)
X -= X.min()
X /= X.max()
assert X.shape == (1797, 64) and np.all(X * 16 == np.round(X * 16))

# fit()'s slices are the consecutive runs of 10 rows, the last one short (7 rows): what the Java preset assumes
slices = list(gen_even_slices(180 * 10, 180, n_samples=1797))
assert [(s.start, s.stop) for s in slices] == [(10 * i, min(10 * i + 10, 1797)) for i in range(180)]

with gzip.GzipFile(os.path.join(out, "digits.csv.gz"), "wb", mtime=0) as f:
    f.write(b"# scikit-learn's load_digits() divided by 16: UCI Optical Recognition of Handwritten Digits, CC BY 4.0\n")
    for row in X:
        f.write((",".join(("%.4f" % x).rstrip("0").rstrip(".") for x in row) + "\n").encode())

with open(os.path.join(out, "test-fit.csv"), "w") as f:
    f.write("# /usr/bin/python3 benchmarks/sklearn_digits.py %d: scikit-learn %s, NumPy %s; BernoulliRBM("
            "n_components=64, learning_rate=0.1, batch_size=10, n_iter=7, random_state=seed).fit(X)"
            ".score_samples(X).mean()\n" % (seeds, sklearn.__version__, np.__version__))
    f.write("seed,score\n")
    scores = []
    for seed in range(seeds):
        rbm = BernoulliRBM(n_components=64, learning_rate=0.1, batch_size=10, n_iter=7, random_state=seed).fit(X)
        scores.append(rbm.score_samples(X).mean())
        f.write("%d,%.6f\n" % (seed, scores[-1]))
s = np.array(scores)
print("scikit-learn: mean %.4f, standard error %.4f, sd %.4f over %d seeds" % (
    s.mean(), s.std(ddof=1) / np.sqrt(len(s)), s.std(ddof=1), len(s)))
