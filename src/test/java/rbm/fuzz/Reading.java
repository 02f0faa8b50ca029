package rbm.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import rbm.io.BadInputException;

/**
 * The property every reader keeps: a read ends, soon, in a result or in a one-line {@link BadInputException} naming
 * the file, and allocates no more heap than a few-KB file can justify (a size field is checked against the file,
 * not believed). The read runs on a worker thread, so that a hang fails the try instead of the build.
 */
final class Reading {
    /** Tries per property and pass: the suite runs twice (with and without the Vector API), 10,000 inputs in all. */
    static final int TRIES = 5_000;
    /** Far more than any try needs; a reader that waits on a loop that never ends exceeds it. */
    private static final long TIMEOUT_MS = 10_000;
    /** Heap a read of a few KB may allocate: the readers' fixed buffers, never a header's claim. */
    static final long MAX_ALLOCATED = 64L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** One worker for every try: a thread per try would cost more than most reads. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-reader");
        t.setDaemon(true);
        return t;
    });

    @FunctionalInterface
    interface Read {
        void run(Path file) throws Exception;
    }

    private Reading() {
    }

    /** Writes {@code bytes} to {@code file} and checks the property for each of {@code reads}, one after another. */
    static void check(Path file, byte[] bytes, Read... reads) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Future<Long> run = WORKER.submit(() -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (Read read : reads) {
                try {
                    read.run(file);
                } catch (BadInputException e) {
                    checkMessage(file, e);
                }
            }
            return THREADS.getCurrentThreadAllocatedBytes() - before;
        });
        long allocated;
        try {
            allocated = run.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            throw new AssertionError("the read of " + bytes.length + " bytes did not end in " + TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError("the read threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (allocated > MAX_ALLOCATED) {
            throw new AssertionError("the read of " + bytes.length + " bytes allocated " + allocated + " bytes");
        }
    }

    private static void checkMessage(Path file, BadInputException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.contains("\n") || message.contains("\r")) {
            throw new AssertionError("not a one-line message: " + message, e);
        }
        if (!message.contains(file.getFileName().toString())) {
            throw new AssertionError("the message does not name the file: " + message, e);
        }
    }
}
