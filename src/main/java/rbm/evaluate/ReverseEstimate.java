package rbm.evaluate;

/**
 * A RAISE estimate of the mean log-likelihood of some data rows: the mean over the rows of each row's estimate,
 * a stochastic lower bound (see {@link ReverseAnnealing}), and the standard error of that mean, sd/√rows.
 *
 * @param meanLogLikelihood the mean over the rows of log p̂(v), nats
 * @param stderr            the standard error of the mean over the rows (NaN for a single row)
 * @param rows              the number of data rows
 * @param chainsPerRow      reverse chains started at each row
 * @param steps             K, the number of inverse temperatures after β_0 = 0
 */
public record ReverseEstimate(double meanLogLikelihood, double stderr, int rows, int chainsPerRow, int steps) {}
