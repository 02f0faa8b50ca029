"""Writes the .npy and .npz fixtures of NpyStatesTest with NumPy: python3 make_fixtures.py (in this folder).

X is the 9 x 70 matrix of 0/1 states that the test spells out too: X[r, c] = 1 when (r + 1)(c + 3) mod 7 < 3.
Seventy units take two 64-bit words, eight full bytes and a tail, and nine packed bytes with two padding bits.
G holds normal random numbers; the expected-*.txt files give NumPy's own binarisation of G, one 0/1 line per row.
A quantile is the value at 0-based rank floor(q (M - 1)) of the sorted column, and a unit is on above it.
"""
import gzip
import io

import numpy as np

R, C = np.meshgrid(np.arange(9), np.arange(70), indexing="ij")
X = ((R + 1) * (C + 3)) % 7 < 3
G = np.random.default_rng(7).normal(size=(9, 70))
# float32 halves the files; the cast keeps the order of every column, so the expected states are the same
G32 = G.astype("<f4")
assert (np.argsort(G, axis=0) == np.argsort(G32, axis=0)).all()
LABELS = np.array([3, -1, 3, 7, 2**31 - 1, -(2**31), 3], dtype="<i4")


def save(name, array):
    np.save(name, array, allow_pickle=True)


def save_lines(name, states):
    with open(name, "w") as f:
        f.writelines("".join("1" if v else "0" for v in row) + "\n" for row in states)


# the same states in every dtype the reader takes
save("bool.npy", X)
save("uint8.npy", X.astype("|u1"))
save("int16_be.npy", X.astype(">i2"))
save("int64_le.npy", X.astype("<i8"))
save("packed.npy", np.packbits(X, axis=1))
# reals: the sign gives X; above 0.555 are the ones of X in columns c > 5
save("float32.npy", np.where(X, 0.5 + C / 100, -0.5 - C / 100).astype("<f4"))
save("float16.npy", np.where(X, 1.0, -1.0).astype("<f2"))
save("gauss_be.npy", G.astype(">f8"))
save_lines("expected-gauss-threshold.txt", G > 0)
for q in (0.3, 0.5):
    k = int(np.floor(q * (G.shape[0] - 1)))
    save_lines(f"expected-gauss-quantile-{q}.txt", G > np.sort(G, axis=0)[k])
# integers of both signs, for a quantile over integer keys
COUNTS = np.round(G * 300).astype(">i2")
save("counts_be.npy", COUNTS)
save_lines("expected-counts-quantile-0.5.txt", COUNTS > np.sort(COUNTS, axis=0)[4])
save("labels.npy", LABELS)
save("labels_u8.npy", np.array([2**64 - 1, 5, 2**63], dtype="<u8"))
# Fortran order
save("fortran_uint8.npy", np.asfortranarray(X.astype("|u1")))
save("fortran_int32_le.npy", np.asfortranarray(X.astype("<i4")))
save("fortran_int32_be.npy", np.asfortranarray(X.astype(">i4")))
save("fortran_gauss.npy", np.asfortranarray(G32))
# archives and other encodings
np.savez("two.npz", bits=X, labels=LABELS)
np.savez_compressed("compressed.npz", packed=np.packbits(X, axis=1), fortran=np.asfortranarray(X.astype("|u1")),
                    gauss=G32)
buffer = io.BytesIO()
np.save(buffer, X.astype("|u1"))
with open("gzipped.npy", "wb") as f:
    f.write(gzip.compress(buffer.getvalue(), mtime=0))
for version in ((2, 0), (3, 0)):
    with open(f"version{version[0]}.npy", "wb") as f:
        np.lib.format.write_array(f, X.astype("|u1"), version=version)
# arrays that are not samples of states
save("three_d.npy", np.zeros((2, 3, 4), dtype=bool))
save("scalar.npy", np.array(5))
save("structured.npy", np.zeros(3, dtype=[("a", "<i4"), ("b", "<f8")]))
save("complex.npy", np.zeros((10, 3), dtype="<c8"))
save("strings.npy", np.array([["a", "b"]]))
save("objects.npy", np.array([[1, None]], dtype=object))
save("empty_rows.npy", np.zeros((0, 5), dtype="|u1"))
save("empty_columns.npy", np.zeros((4, 0), dtype=bool))
save("float_labels.npy", np.array([0.5, 1.5]))
TWO = X.astype("|u1")
TWO[3, 5] = 2
save("two_at_3_5.npy", TWO)
MINUS = X.astype(">i2")
MINUS[8, 69] = -1
save("minus_one_at_8_69.npy", MINUS)
NAN = G32[:3, :5].copy()
NAN[2, 4] = np.nan
save("nan_at_2_4.npy", NAN)
