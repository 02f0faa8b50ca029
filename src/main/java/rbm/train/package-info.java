/** Contrastive divergence for one RBM, its configuration and per-epoch metrics; nothing here touches the disk. */
package rbm.train;
