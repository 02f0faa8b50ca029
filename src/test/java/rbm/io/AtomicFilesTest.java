package rbm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesWithoutLeavingTemporaryFiles() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second, é");
        assertEquals("second, é", Files.readString(target));
        AtomicFiles.writeBytes(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        assertEquals(List.of("out.txt"), filesInDir());
    }

    @Test
    void bodyThrowingHalfwayLeavesOldContentAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.npy");
        AtomicFiles.writeString(target, "old content");
        IllegalStateException failure = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target,
                out -> {
                    out.write("new content that never lands".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of("model.npy"), filesInDir());
    }

    @Test
    void ioExceptionFromBodyIsRethrownUncheckedAndOldContentKept() throws IOException {
        Path target = dir.resolve("a.json");
        AtomicFiles.writeString(target, "{}");
        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target,
                out -> {
                    out.write(new byte[100_000]);
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", thrown.getCause().getMessage());
        assertEquals("{}", Files.readString(target));
        assertEquals(List.of("a.json"), filesInDir());
    }

    @Test
    void bodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            out.write('x');
            out.close();
        });
        assertEquals("x", Files.readString(target));
    }

    @Test
    void missingDirectoryIsReported() {
        Path missing = dir.resolve("no-such-dir");
        BadInput.assertBadInput("cannot write to " + missing, ": no such directory",
                () -> AtomicFiles.writeString(missing.resolve("x.txt"), "x"));
    }

    @Test
    void parentThatIsAFileIsReported() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        BadInput.assertBadInput("cannot write to " + file, ": not a directory",
                () -> AtomicFiles.writeString(file.resolve("x.txt"), "x"));
    }

    @Test
    void targetThatIsADirectoryIsReported() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        BadInput.assertBadInput("cannot write " + sub, "it is a directory", () -> AtomicFiles.writeString(sub, "x"));
    }

    @Test
    void unwritableDirectoryIsReported() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeFalse(Files.isWritable(locked), "running as root: permissions are not enforced");
            BadInput.assertBadInput("cannot write to " + locked, ": permission denied",
                    () -> AtomicFiles.writeString(locked.resolve("x.txt"), "x"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void newFileGetsTheUsualPermissionsNotOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path atomic = dir.resolve("atomic");
        AtomicFiles.writeString(atomic, "x");
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(atomic));
    }

    /**
     * A full disk: the bytes go to /dev/full, whose every write fails with ENOSPC, so the failure is the system's own.
     * It becomes the one-line error of bad input, naming the file; the old content stays and no temporary file does.
     */
    @Test
    void fullDiskIsBadInputNamingTheFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.isWritable(full), "needs /dev/full (Linux)");
        Path target = dir.resolve("weights.npy");
        AtomicFiles.writeString(target, "old content");
        BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.write(target, out -> {
            out.write("a few bytes".getBytes(StandardCharsets.UTF_8));
            try (var disk = Files.newOutputStream(full)) {
                disk.write(new byte[4096]);
            }
        }));
        assertEquals(target + ": no space left on device", e.getMessage());
        assertEquals("old content", Files.readString(target));
        assertEquals(List.of("weights.npy"), filesInDir());
    }

    /** The same from a file system exception whose reason says so, and from a body that wraps it unchecked. */
    @Test
    void fullDiskInAnyFormIsBadInput() throws IOException {
        Path target = dir.resolve("metrics.csv");
        var reason = new java.nio.file.FileSystemException(target.toString(), null, "No space left on device");
        BadInputException e = assertThrows(BadInputException.class, () -> AtomicFiles.write(target, out -> {
            throw reason;
        }));
        assertEquals(target + ": no space left on device", e.getMessage());
        BadInputException wrapped = assertThrows(BadInputException.class, () -> AtomicFiles.write(target, out -> {
            throw new UncheckedIOException(new IOException("No space left on device"));
        }));
        assertEquals(target + ": no space left on device", wrapped.getMessage());
        assertEquals(List.of(), filesInDir());
    }

    /**
     * A named pipe (like /dev/null or /dev/full) stays what it is: the bytes go through it, where the rename of a
     * temporary file would have put a regular file in its place.
     */
    @Test
    void aPipeIsWrittenInPlace() throws Exception {
        Path pipe = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0, "needs mkfifo");
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        AtomicFiles.writeString(pipe, "through the pipe");
        assertFalse(Files.isRegularFile(pipe), "the pipe was replaced by a file");
        assertEquals("through the pipe", read.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("pipe"), filesInDir());
    }
}
