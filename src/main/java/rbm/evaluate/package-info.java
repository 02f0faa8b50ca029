/**
 * Scoring what a layer generates and how likely it makes the data: the softmax classifier and the generation score;
 * log Z by annealed importance sampling, RAISE, and the lower bound on log p(v) of a DBN cut at each depth.
 */
package rbm.evaluate;
