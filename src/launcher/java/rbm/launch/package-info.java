/** The entry point, compiled for Java 8, that checks the Java version before anything else loads. */
package rbm.launch;
