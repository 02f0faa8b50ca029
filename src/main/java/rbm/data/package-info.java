/** Training data: IDX and text readers, binarisation, and the bundled MNIST; a {@code Dataset} is a row-major float array. */
package rbm.data;
