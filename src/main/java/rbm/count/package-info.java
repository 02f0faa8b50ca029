/** Counting states exactly: the off-heap open-addressing map of bit vectors, and the frequency profile m_k it yields. */
package rbm.count;
