/**
 * The Java API: train a stack of RBMs ({@link rbm.api.Network#train}, from {@link rbm.api.Data} and
 * {@link rbm.api.Stack}), read out and measure its layers ({@link rbm.api.Network#readout}, giving
 * {@link rbm.api.Relevance}), and generate patterns ({@link rbm.api.Network#sample}); and what the command line's
 * commands do ({@link rbm.api.Training}, {@link rbm.api.Analysis}, {@link rbm.api.Bound},
 * {@link rbm.api.Reproduction}). It hands out values (records and enums) and keeps the mutable internals inside.
 */
package rbm.api;
