/** The {@code rbm} command line (picocli): each subcommand parses its flags and calls the Java API. */
package rbm.cli;
