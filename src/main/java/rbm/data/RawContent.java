package rbm.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import rbm.io.BadInputException;
import rbm.io.FileMagic;

/**
 * The whole content of a data file as the readers parse it: gunzipped when the file starts with the gzip magic
 * (whatever its name), together with the sha256 of those uncompressed bytes.
 */
record RawContent(String name, byte[] bytes, boolean gzipped, String sha256) {
    private static final int BUFFER = 1 << 16;

    static RawContent read(Path path) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new BadInputException(name + ": is a directory, expected a data file");
        }
        if (!Files.exists(path)) {
            throw new BadInputException(name + ": file not found");
        }
        boolean gzipped = false;
        byte[] bytes;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(path), BUFFER)) {
            file.mark(2);
            byte[] head = file.readNBytes(2);
            file.reset();
            if (head.length == 0) {
                throw new BadInputException(name + ": file is empty");
            }
            gzipped = FileMagic.gzip(head);
            try (InputStream in = gzipped ? new GZIPInputStream(file, BUFFER) : file) {
                bytes = in.readAllBytes();
            }
        } catch (ZipException e) {
            throw new BadInputException(name + ": corrupt gzip data (" + oneLine(e.getMessage()) + ")", e);
        } catch (EOFException e) {
            String what = gzipped ? "corrupt gzip data: the compressed stream ends early (file cut off?)"
                    : "unexpected end of file";
            throw new BadInputException(name + ": " + what, e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name + ": cannot read, permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + oneLine(String.valueOf(e.getMessage())) + ")", e);
        }
        if (bytes.length == 0) {
            throw new BadInputException(name + ": is empty after gunzip");
        }
        return new RawContent(name, bytes, gzipped, sha256(bytes));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }
}
