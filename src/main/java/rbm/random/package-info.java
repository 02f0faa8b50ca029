/** Every random number: one Commons RNG generator per purpose, derived from the seed, and a stream per worker thread. */
package rbm.random;
