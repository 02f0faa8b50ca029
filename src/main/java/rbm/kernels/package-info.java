/**
 * The hot loops: matrix products, sigmoid, Bernoulli sampling, bit packing and hashing, in plain Java and on the Vector
 * API, spread over worker threads by {@code Compute}.
 */
package rbm.kernels;
