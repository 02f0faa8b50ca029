package rbm.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The χ² test's incomplete gamma function against closed forms and table values, and its pooling of cells. */
class ChiSquareTest {

    /** For integer k, Q(k, y) = e^−y Σ_{i<k} y^i / i! (the Poisson tail), summed directly. */
    private static double poissonTail(int k, double y) {
        double term = Math.exp(-y);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += term;
            term *= y / (i + 1);
        }
        return sum;
    }

    @Test
    void integerShapesMatchThePoissonTail() {
        for (int k = 1; k <= 60; k += 7) {
            for (double y : new double[] {0.01, 0.5, 1, 3, 7.5, 20, 45, 80}) {
                double exact = poissonTail(k, y);
                assertEquals(exact, ChiSquare.upperRegularizedGamma(k, y), 1e-12 + 1e-10 * exact, "Q(" + k + ", " + y + ")");
            }
        }
    }

    @Test
    void chiSquareTableValues() {
        // critical values of the χ² distribution (to 16 digits): P(χ²_df > x) = 0.05, or 0.001 for the last
        double[][] table = {{1, 3.841458820694124, 0.05}, {2, 5.991464547107979, 0.05},
            {3, 7.814727903251178, 0.05}, {5, 11.070497693516351, 0.05}, {1, 10.827566170662733, 0.001}};
        for (double[] row : table) {
            Double df = row[0];
            assertEquals(row[2], new ChiSquare.Result(row[1], df.intValue(), df.intValue() + 1).pValue(), 1e-10,
                    "df " + df);
        }
    }

    @Test
    void logGammaOfKnownValues() {
        assertEquals(Math.log(24), ChiSquare.logGamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), ChiSquare.logGamma(0.5), 1e-13);
        assertEquals(Math.log(0.75 * Math.sqrt(Math.PI)), ChiSquare.logGamma(2.5), 1e-13);
    }

    @Test
    void smallCellsArePooled() {
        // n = 100: expected 50, 45, 3, 2; the last two (below 5) become one cell of expected 5
        ChiSquare.Result r = ChiSquare.test(new long[] {52, 43, 1, 4}, new double[] {0.5, 0.45, 0.03, 0.02});
        assertEquals(3, r.cells());
        assertEquals(2, r.degreesOfFreedom());
        assertEquals(4.0 / 50 + 4.0 / 45 + 0.0 / 5, r.statistic(), 1e-12);
        assertTrue(r.pValue() > 0.9);
    }
}
