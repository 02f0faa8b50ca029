package rbm.readout;

import rbm.io.BadInputException;

/**
 * States written as lines of 0s and 1s, all of one length: character i of a line is bit i of its state. A line of
 * the first line's length followed by '\n' or "\r\n" takes the fast path, eight characters at a time (see
 * {@link #pack}); any other line (surrounding spaces, blank, the last one, one that crosses a block) is stripped
 * and checked first.
 */
final class BitLines extends LineStates {
    private static final long ZEROS = 0x3030303030303030L;
    /** Bit 56 + k of x·GATHER is byte k of x, when every byte of x is 0 or 1: the partial products never overlap. */
    private static final long GATHER = 0x0102040810204080L;
    private static final long NOT_BIT = 0xfefefefefefefefeL;

    private final String hint;
    private final int width;
    private final long firstLine;
    private boolean pending = true;

    /**
     * The states from the current line of {@code lines} on; {@code hint} ends the message about a line that is not
     * 0s and 1s (how to read other tokens, say), or is empty.
     */
    BitLines(ByteLines lines, String hint) {
        super(lines);
        this.hint = hint;
        this.width = lines.end() - lines.start();
        this.firstLine = lines.line();
        if (!isBits(lines)) {
            throw badLine();
        }
    }

    /** Whether the current line is a string of 0s and 1s. */
    static boolean isBits(ByteLines lines) {
        byte[] b = lines.buffer();
        for (int i = lines.start(); i < lines.end(); i++) {
            if (b[i] != '0' && b[i] != '1') {
                return false;
            }
        }
        return true;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public String binarization() {
        return "0/1";
    }

    @Override
    public boolean next(long[] words) {
        if (pending) {
            pending = false;
            pack(lines.buffer(), lines.start(), width, words);
            return true;
        }
        while (lines.nextOfLength(width)) {
            if (pack(lines.buffer(), lines.start(), width, words)) {
                return true;
            }
            // a line of the right length that is not 0s and 1s: blank, or spaces around a shorter state, or wrong
            lines.strip();
            if (lines.start() < lines.end()) {
                throw badLine();
            }
        }
        if (!lines.next()) {
            return false;
        }
        if (lines.end() - lines.start() != width || !pack(lines.buffer(), lines.start(), width, words)) {
            throw badLine();
        }
        return true;
    }

    /** The error for the current line, stripped, which is not {@link #width} 0s and 1s. */
    private BadInputException badLine() {
        byte[] b = lines.buffer();
        int s = lines.start();
        int e = lines.end();
        String like = lines.line() == firstLine ? "" : " like line " + firstLine;
        for (int i = s; i < e; i++) {
            if (b[i] != '0' && b[i] != '1') {
                return new BadInputException(lines.where() + " ('" + lines.quote() + "') is not a string of 0s and 1s"
                        + like + ": " + ByteLines.shown(b[i]) + " at character " + (i - s + 1) + hint);
            }
        }
        return new BadInputException(lines.where() + " ('" + lines.quote() + "') has " + (e - s) + " bits but line "
                + firstLine + " has " + width + "; bit strings must all have the same length");
    }

    /**
     * Packs the {@code n} characters {@code b[p .. p + n)} into {@code words}, character i into bit i % 64 of word
     * i / 64, the unused high bits zero; returns whether every character was '0' or '1'. Eight characters make one
     * little-endian long whose bytes, less '0', are 0 or 1, and one multiplication gathers them into a byte.
     */
    static boolean pack(byte[] b, int p, int n, long[] words) {
        long bad = 0;
        int w = 0;
        for (; (w + 1) << 6 <= n; w++) {
            long word = 0;
            int q = p + (w << 6);
            for (int k = 0; k < 8; k++) {
                long x = (long) ByteLines.LONGS.get(b, q + (k << 3)) ^ ZEROS;
                bad |= x;
                word |= ((x * GATHER) >>> 56) << (k << 3);
            }
            words[w] = word;
        }
        int done = w << 6;
        if (done < n) {
            long word = 0;
            int i = done;
            for (; i + 8 <= n; i += 8) {
                long x = (long) ByteLines.LONGS.get(b, p + i) ^ ZEROS;
                bad |= x;
                word |= ((x * GATHER) >>> 56) << (i - done);
            }
            for (; i < n; i++) {
                long x = (b[p + i] ^ '0') & 0xff;
                bad |= x;
                word |= x << (i - done);
            }
            words[w] = word;
        }
        return (bad & NOT_BIT) == 0;
    }
}
