package rbm.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Plain-Java kernels: the simplest loops that compute the right answer with a cache-friendly order. Every faster
 * implementation is checked against these.
 */
public final class ReferenceKernels implements Kernels {

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                     float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (transB) {
                // C[i][j] = A[i]·B[j]: both rows are contiguous when A is not transposed
                for (int j = 0; j < n; j++) {
                    float sum = 0f;
                    int bj = bOff + j * ldb;
                    for (int p = 0; p < k; p++) {
                        float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                        sum += aip * b[bj + p];
                    }
                    c[ci + j] = beta == 0f ? alpha * sum : alpha * sum + beta * c[ci + j];
                }
                continue;
            }
            // C[i] = Σ_p A[i][p]·B[p]: the i-k-j order streams through rows of B and C
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0f ? 0f : beta * c[ci + j];
            }
            for (int p = 0; p < k; p++) {
                float aip = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                if (aip == 0f) {
                    continue; // binary inputs are mostly zero
                }
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += aip * b[bp + j];
                }
            }
        }
    }

    @Override
    public void sumRows(int[] start, int[] index, int r0, int r1, float[] b, int bOff, int ldb, int n, float[] c,
                        int cOff, int ldc) {
        for (int r = r0; r < r1; r++) {
            int cr = cOff + r * ldc;
            java.util.Arrays.fill(c, cr, cr + n, 0f);
            for (int t = start[r]; t < start[r + 1]; t++) {
                int bi = bOff + index[t] * ldb;
                for (int j = 0; j < n; j++) {
                    c[cr + j] += b[bi + j];
                }
            }
        }
    }

    @Override
    public void sigmoidBias(float[] x, float[] bias, int biasOff, float[] out, int off, int ld, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int base = off + r * ld;
            for (int j = 0; j < cols; j++) {
                out[base + j] = sigmoid(x[base + j] + bias[biasOff + j]);
            }
        }
    }

    static float sigmoid(float z) {
        return (float) (1.0 / (1.0 + Math.exp(-z)));
    }

    @Override
    public void bernoulli(float[] p, float[] u, int uOff, float[] out, int off, int n) {
        for (int i = 0; i < n; i++) {
            out[off + i] = u[uOff + i] < p[off + i] ? 1f : 0f;
        }
    }

    @Override
    public void packBits(float[] x, int off, int n, float threshold, long[] words, int wordOff) {
        int nWords = (n + 63) >>> 6;
        java.util.Arrays.fill(words, wordOff, wordOff + nWords, 0L);
        for (int i = 0; i < n; i++) {
            if (x[off + i] > threshold) {
                words[wordOff + (i >>> 6)] |= 1L << (i & 63);
            }
        }
    }

    @Override
    public void unpackBits(long[] words, int wordOff, int n, float[] out, int off) {
        // a word at a time, and no branch (random bits would mispredict)
        for (int i0 = 0; i0 < n; i0 += 64) {
            long w = words[wordOff + (i0 >>> 6)];
            int end = Math.min(64, n - i0);
            for (int b = 0; b < end; b++) {
                out[off + i0 + b] = (int) (w >>> b) & 1;
            }
        }
    }

    @Override
    public long hash(long[] words, int off, int nWords) {
        return BitHash.hash(words, off, nWords);
    }

    @Override
    public boolean equalWords(long[] words, int off, MemorySegment seg, long at, int nWords) {
        for (int w = 0; w < nWords; w++) {
            if (seg.get(ValueLayout.JAVA_LONG, at + 8L * w) != words[off + w]) {
                return false;
            }
        }
        return true;
    }
}
