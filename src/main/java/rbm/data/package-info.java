/**
 * Training data: IDX and text readers, binarisation, the bundled MNIST and Fashion-MNIST ({@code ImageSet}); a
 * {@code Dataset} is a row-major float array.
 */
package rbm.data;
