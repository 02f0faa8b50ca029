package rbm.readout;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import rbm.io.AtomicFiles;
import rbm.io.BadInputException;
import rbm.io.FileMagic;

/**
 * The lines of a text file or stream as ranges of bytes, for parsers that never make a String of a line. Bytes are
 * read in blocks of {@link #BLOCK} into one array, and a line is {@code buffer()[start() .. end())}, stripped of
 * surrounding white space (space, tab, '\r', '\f', '\v'); a line longer than a block grows the array. A stream that
 * starts with the gzip magic (1f 8b) is inflated, whatever its name; a UTF-8 byte-order mark is skipped; a stream
 * whose first bytes are binary (a NUL byte, the magic of a .npy array or a zip archive) is refused unless its lines
 * are to be taken as bytes, and read errors are refused, each with a one-line {@link BadInputException} that names
 * the stream.
 */
final class ByteLines implements Closeable {
    /**
     * Bytes per read: a read then costs little per line, and the block stays in the L2 cache while it is parsed
     * (blocks of 64 KB and 1 MB parse no faster).
     */
    static final int BLOCK = 1 << 18;
    /** How much of the start is looked at for binary data. */
    private static final int SNIFF = 1 << 13;
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final String name;
    private InputStream in;
    private byte[] buf = new byte[BLOCK];
    private int pos;
    private int limit;
    /** Where the search for the current line's '\n' resumes after a refill. */
    private int scanned;
    private boolean eof;
    private boolean gzipped;
    private long line;
    /** The current line, as read and stripped. */
    private int rawStart;
    private int rawEnd;
    private int start;
    private int end;
    private boolean keepTabs;

    private ByteLines(InputStream raw, String name) {
        this.in = raw;
        this.name = name;
    }

    /** Opens a file; a missing file, a directory or one that cannot be read gets a one-line error. */
    static ByteLines open(Path file) {
        return open(file, false);
    }

    /** Opens a file as {@link #open(Path)} does; with {@code anyBytes}, binary data is lines of bytes too. */
    static ByteLines open(Path file, boolean anyBytes) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new BadInputException(name + ": is a directory, expected a file with one state per line");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(name + ": file not found");
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (AccessDeniedException e) {
            throw new BadInputException(name + ": cannot read, permission denied", e);
        } catch (IOException e) {
            throw new BadInputException(name + ": cannot read (" + AtomicFiles.reason(e) + ")", e);
        }
        return of(raw, name, anyBytes);
    }

    /** Reads a stream (standard input, say), called {@code name} in errors; closing the lines closes it. */
    static ByteLines of(InputStream raw, String name) {
        return of(raw, name, false);
    }

    private static ByteLines of(InputStream raw, String name, boolean anyBytes) {
        ByteLines lines = new ByteLines(raw, name);
        try {
            lines.begin(anyBytes);
            return lines;
        } catch (RuntimeException e) {
            lines.closeQuietly();
            throw e;
        }
    }

    private void begin(boolean anyBytes) {
        fillTo(2);
        if (FileMagic.gzip(buf, limit)) {
            InputStream seen = new ByteArrayInputStream(Arrays.copyOf(buf, limit));
            gzipped = true;
            try {
                in = new GZIPInputStream(new SequenceInputStream(seen, in), 1 << 16);
            } catch (IOException e) {
                throw failure(e);
            }
            limit = 0;
            eof = false;
        }
        fillTo(SNIFF);
        if (limit >= 3 && buf[0] == (byte) 0xef && buf[1] == (byte) 0xbb && buf[2] == (byte) 0xbf) {
            pos = 3;
        }
        if (!anyBytes) {
            refuseBinary();
        }
        scanned = pos;
    }

    /** Reads until the buffer holds {@code n} bytes or the stream ends. */
    private void fillTo(int n) {
        while (limit < n && !eof) {
            read();
        }
    }

    private void read() {
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private BadInputException failure(IOException e) {
        String reason;
        if (e instanceof ZipException) {
            reason = "corrupt gzip data: " + AtomicFiles.reason(e);
        } else if (e instanceof EOFException && gzipped) {
            reason = "corrupt gzip data: the compressed stream ends early (file cut off?)";
        } else {
            reason = AtomicFiles.reason(e);
        }
        return new BadInputException(name + ": cannot read (" + reason + ")", e);
    }

    private void refuseBinary() {
        String what = null;
        if (startsWith(0x93, 'N', 'U', 'M', 'P', 'Y')) {
            what = "a NumPy .npy array";
        } else if (startsWith('P', 'K', 3, 4)) {
            what = "a zip archive (.npz?)";
        } else if (startsWith(0xff, 0xfe) || startsWith(0xfe, 0xff)) {
            throw new BadInputException(name + ": is UTF-16 text (it starts with a UTF-16 byte-order mark); "
                    + "save it as UTF-8 or ASCII");
        } else {
            int n = Math.min(limit, pos + SNIFF);
            for (int i = pos; i < n; i++) {
                if (buf[i] == 0) {
                    what = "a NUL byte at offset " + i;
                    break;
                }
            }
        }
        if (what != null) {
            throw new BadInputException(name + ": looks like binary data (" + what
                    + "), not text with one state per line");
        }
    }

    private boolean startsWith(int... magic) {
        if (limit - pos < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (buf[pos + i] != (byte) magic[i]) {
                return false;
            }
        }
        return true;
    }

    String name() {
        return name;
    }

    /** The bytes of the current line: {@code buffer()[start() .. end())}, valid until the next call of a next method. */
    byte[] buffer() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The 1-based number of the current line in the file. */
    long line() {
        return line;
    }

    /**
     * The fast path of a file of lines of one length: when the next line holds exactly {@code n} bytes before its
     * '\n' or "\r\n" and lies whole in the buffer, makes it the current line, unstripped, and returns true; else
     * changes nothing and returns false.
     */
    boolean nextOfLength(int n) {
        int p = pos;
        int e = p + n;
        if (e >= limit - 1) {
            return false;
        }
        byte b = buf[e];
        if (b == '\n') {
            pos = e + 1;
        } else if (b == '\r' && buf[e + 1] == '\n') {
            pos = e + 2;
        } else {
            return false;
        }
        scanned = pos;
        rawStart = start = p;
        rawEnd = end = e;
        line++;
        return true;
    }

    /** Makes the next non-blank line, stripped, the current one and returns true; false at the end. */
    boolean next() {
        while (true) {
            int nl = newline(scanned, limit);
            if (nl < 0) {
                scanned = limit;
                if (!eof) {
                    refill();
                    continue;
                }
                if (pos == limit) {
                    return false;
                }
                nl = limit;
            }
            rawStart = pos;
            rawEnd = nl;
            pos = Math.min(nl + 1, limit);
            scanned = pos;
            line++;
            strip();
            if (start < end) {
                return true;
            }
        }
    }

    /** Strips the current line of surrounding white space. */
    void strip() {
        int s = rawStart;
        int e = rawEnd;
        while (s < e && isSpace(buf[s]) && !(keepTabs && buf[s] == '\t')) {
            s++;
        }
        while (e > s && isSpace(buf[e - 1]) && !(keepTabs && buf[e - 1] == '\t')) {
            e--;
        }
        start = s;
        end = e;
    }

    /** Moves the unread bytes to the front, growing the array when a line fills it, and reads more after them. */
    private void refill() {
        int kept = limit - pos;
        if (kept == buf.length) {
            if (buf.length > Integer.MAX_VALUE / 2 - 16) {
                throw new BadInputException(name + ": line " + (line + 1) + " is longer than 1 GB");
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
        }
        scanned -= pos;
        pos = 0;
        limit = kept;
        read();
    }

    /** The index of the first '\n' in {@code buf[from .. to)}, or −1; eight bytes at a time. */
    private int newline(int from, int to) {
        byte[] b = buf;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            // the lowest byte that was '\n' is the lowest high bit set: a borrow only runs upwards from a zero byte
            long zeros = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Tabs are fields' delimiters from here on, not white space: strips the current line again without them. */
    void keepTabs() {
        keepTabs = true;
        strip();
    }

    static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    /** "NAME: line N" for an error about the current line. */
    String where() {
        return name + ": line " + line;
    }

    /** The current line as text for a one-line error message: cut to 40 characters, control characters as '?'. */
    String quote() {
        int n = end - start;
        String s = new String(buf, start, Math.min(n, 40), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
        return n <= 40 ? s : s.substring(0, Math.min(s.length(), 37)) + "...";
    }

    /** A byte for an error message: the character, or its code when it is not printable ASCII. */
    static String shown(byte c) {
        return c >= ' ' && c < 0x7f ? "'" + (char) c + "'" : "byte 0x" + HexFormat.of().toHexDigits(c);
    }

    void closeQuietly() {
        try {
            in.close();
        } catch (IOException ignored) {
            // the error that made us close is the one to report
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
