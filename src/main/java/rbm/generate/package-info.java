/**
 * Samples from a trained stack: Gibbs chains or parallel tempering in one RBM, passed down to the pixels, the
 * diagnostics that show whether they mixed, and pictures of them.
 */
package rbm.generate;
