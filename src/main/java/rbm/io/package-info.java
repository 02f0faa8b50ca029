/** Files in and out: NumPy .npy arrays, JSON, PNG grids, atomic writes, and the one-line error for bad input. */
package rbm.io;
