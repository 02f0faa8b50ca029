package rbm.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import rbm.io.BadInputException;

/**
 * The lock on a run directory's {@value RunDirectory#CLAIM} file, held by the one process that writes the run for as
 * long as it lives. The operating system drops it when the process ends, however it ends, so a killed run never
 * leaves its directory locked. The file holds the process id of the last holder, for messages.
 *
 * <p>Within one JVM the directories held are also kept in a set and checked before the file is opened: on Linux,
 * closing any descriptor of a file drops the process's lock on it, so a second open in the same process must never
 * happen.
 */
final class RunLock {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code root}'s claim file, or null when another process (or this one) holds it. */
    static RunLock tryAcquire(Path root) {
        Path key = key(root);
        if (!HELD.add(key)) {
            return null;
        }
        Path file = root.resolve(RunDirectory.CLAIM);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD.remove(key);
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            return new RunLock(key, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            HELD.remove(key);
            return null;
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw new BadInputException(root + ": cannot claim the run directory (" + RunDirectory.reason(e) + ")");
        }
    }

    /** The process id written by the last holder of {@code root}'s lock, or "another process". */
    static String holder(Path root) {
        if (HELD.contains(key(root))) {
            return "this process";
        }
        try {
            String pid = Files.readString(root.resolve(RunDirectory.CLAIM), StandardCharsets.UTF_8).trim();
            return pid.matches("\\d{1,10}") ? "process " + pid : "another process";
        } catch (IOException | RuntimeException e) {
            return "another process";
        }
    }

    /** Drops the lock; the claim file stays. */
    void release() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel closes below, which drops the lock anyway
        }
        closeQuietly(channel);
        HELD.remove(key);
    }

    private static Path key(Path root) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root.toAbsolutePath().normalize();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was written that matters
            }
        }
    }
}
