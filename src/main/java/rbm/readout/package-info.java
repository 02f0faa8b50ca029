/** Where states come from: every layer of a trained stack, read out stochastically or deterministically, or a file of states. */
package rbm.readout;
