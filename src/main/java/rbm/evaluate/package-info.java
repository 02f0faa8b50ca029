/** Scoring what a layer generates: the softmax classifier, the generation score, the distance to the training set. */
package rbm.evaluate;
