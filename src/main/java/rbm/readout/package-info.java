/**
 * Where states come from: every layer of a trained stack, read out stochastically or deterministically, a text file of
 * states, or NumPy arrays.
 */
package rbm.readout;
