package rbm.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;


/**
 * Writes a file so that readers see either the old content or the complete new content, never a partial file:
 * the bytes go to a temporary file in the same directory, which is synced to disk and then renamed over the target.
 * A device or a pipe is written in place.
 */
public final class AtomicFiles {
    private static final int BUFFER_SIZE = 1 << 16;
    /** The name of a temporary file, {@code .NAME.tmp-} and 16 hex digits, as {@link #createTemp} makes it. */
    private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp-[0-9a-f]{16}");

    private AtomicFiles() {
    }

    /**
     * Runs {@code body} on a stream into a temporary file, then atomically replaces {@code target} with it. On any
     * failure the temporary file is deleted and {@code target} is left as it was. An unusable directory raises
     * {@link BadInputException}, and so does a full disk (the README promises exit code 2 for it); any other
     * {@link IOException} from the body or the disk is rethrown as {@link UncheckedIOException}; runtime exceptions
     * from the body are rethrown unchanged.
     */
    public static void write(Path target, IoConsumer<OutputStream> body) {
        Path dir = checkDirectory(target);
        if (Files.exists(target) && !Files.isRegularFile(target)) {
            writeInPlace(target, body);
            return;
        }
        Path temp = createTemp(dir, target.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new UncloseableStream(
                        new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE));
                body.accept(out);
                out.flush();
                channel.force(true);
            }
            move(temp, target);
            moved = true;
        } catch (IOException e) {
            throw failure(target, e);
        } catch (UncheckedIOException e) {
            throw noSpace(e.getCause()) ? diskFull(target, e) : e;
        } finally {
            if (!moved) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * A target that exists and is not a regular file (/dev/null, /dev/stdout, /dev/full, a named pipe) is written
     * in place: the rename would replace the device with a file.
     */
    private static void writeInPlace(Path target, IoConsumer<OutputStream> body) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.WRITE),
                BUFFER_SIZE)) {
            body.accept(new UncloseableStream(out));
        } catch (IOException e) {
            throw failure(target, e);
        } catch (UncheckedIOException e) {
            throw noSpace(e.getCause()) ? diskFull(target, e) : e;
        }
    }

    private static RuntimeException failure(Path target, IOException e) {
        return noSpace(e) ? diskFull(target, e) : new UncheckedIOException("cannot write " + target + ": "
                + reason(e), e);
    }

    /** Atomically writes {@code text} as UTF-8. */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Atomically writes {@code bytes}. */
    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** ENOSPC, as Linux words it: a plain IOException from a channel, or the reason of a FileSystemException. */
    private static boolean noSpace(IOException e) {
        String text = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        return text != null && text.contains("No space left on device");
    }

    private static BadInputException diskFull(Path target, Exception e) {
        return new BadInputException(target + ": no space left on device", e);
    }

    private static Path checkDirectory(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || target.getFileName() == null) {
            throw new BadInputException("cannot write " + target + ": not a file name");
        }
        if (Files.isDirectory(absolute)) {
            throw new BadInputException("cannot write " + target + ": it is a directory");
        }
        if (!Files.exists(dir)) {
            throw new BadInputException("cannot write to " + dir + ": no such directory");
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("cannot write to " + dir + ": not a directory");
        }
        return dir;
    }

    /**
     * Creates the temporary file with the default permissions (Files.createTempFile would make it owner-only, and
     * the rename would carry that over to the target).
     */
    private static Path createTemp(Path dir, String name) {
        for (int attempt = 0; ; attempt++) {
            String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            Path temp = dir.resolve("." + name + ".tmp-" + suffix);
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw new BadInputException("cannot write to " + dir + ": cannot create a temporary file", e);
                }
            } catch (IOException e) {
                throw new BadInputException("cannot write to " + dir + ": " + reason(e), e);
            }
        }
    }

    /** Whether {@code file} is a temporary file of {@link #write}, which a process killed while writing leaves. */
    public static boolean isTemporary(Path file) {
        return file.getFileName() != null && TEMPORARY.matcher(file.getFileName().toString()).matches();
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the original failure matters more than a leftover temporary file
        }
    }

    /** Makes the output directory {@code dir} (given by {@code --out}) and its parents, if need be. */
    public static void createOutputDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("--out " + dir + ": cannot create the directory (" + reason(e) + ")");
        }
    }

    /** The one-line error for a file that cannot be read: "FILE: no such file", "FILE: permission denied", .... */
    public static BadInputException unreadable(Path file, IOException e) {
        String what = switch (e) {
            case NoSuchFileException x -> "no such file";
            case AccessDeniedException x -> "permission denied";
            case CharacterCodingException x -> "not valid UTF-8 text";
            default -> "cannot read: " + reason(e);
        };
        return new BadInputException(file + ": " + what, e);
    }

    /** A short, one-line reason for an I/O failure; the exception messages of java.nio.file are often just a path. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.replaceAll("\\R", " ");
    }

    /** Lets the body close its stream (as some writers do) without closing the channel we still have to sync. */
    private static final class UncloseableStream extends FilterOutputStream {
        UncloseableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
