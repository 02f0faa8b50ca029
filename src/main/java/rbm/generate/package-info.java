/** Samples from a trained stack: Gibbs chains in one RBM passed down to the pixels, and pictures of them. */
package rbm.generate;
