/** The restricted Boltzmann machine, the stack of them (a deep belief network), and exact likelihoods of small ones. */
package rbm.model;
