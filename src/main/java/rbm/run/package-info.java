/**
 * A training run on disk: the greedy layer-by-layer training of a stack, its checkpoints, manifest, configuration,
 * metrics and provenance.
 */
package rbm.run;
