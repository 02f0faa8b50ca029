/** The paper's experiment end to end: every seed, control and sweep, its results and the verdict on each claim. */
package rbm.experiment;
