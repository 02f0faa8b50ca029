package rbm.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What the start of an .npy file says: the dtype, the memory order, the shape and where the data begins. Reading it
 * takes exactly the preamble's bytes from a stream (magic, version, header length, header dictionary), so the stream
 * is left at the first byte of the data. Format versions 1.0 (a 2-byte header length), 2.0 and 3.0 (4 bytes; the
 * 3.0 header is UTF-8) are read.
 *
 * @param source       the file, for messages
 * @param descr        the dtype as numpy writes it ('<f4', '|b1', '>i2', …), or for a structured dtype its list of
 *                     fields, starting with '['
 * @param fortranOrder whether the array is stored column-major
 * @param shape        the dimensions; empty for a 0-d array
 * @param dataOffset   bytes from the start of the file to the data
 */
public record NpyPreamble(String source, String descr, boolean fortranOrder, long[] shape, long dataOffset) {
    /** A header this long is not a real one; the check avoids allocating gigabytes for a corrupt length. */
    private static final int MAX_HEADER = 1 << 20;
    /** Magic (6), version (2) and the version 1.0 header length (2). */
    private static final int LEAD = 10;

    /** Whether {@code prefix} starts with the .npy magic string \x93NUMPY. */
    public static boolean hasMagic(byte[] prefix) {
        int n = NpyHeader.MAGIC.length;
        return prefix.length >= n && Arrays.equals(prefix, 0, n, NpyHeader.MAGIC, 0, n);
    }

    /** Reads the preamble from the start of an .npy file; {@code source} names it in messages. */
    public static NpyPreamble read(InputStream in, String source) throws IOException {
        byte[] lead = in.readNBytes(LEAD);
        if (!hasMagic(lead)) {
            throw new BadInputException(source + ": not an .npy file (bad magic, expected \\x93NUMPY)");
        }
        if (lead.length < LEAD) {
            throw truncated(source, LEAD, lead.length);
        }
        int major = lead[6] & 0xff;
        int minor = lead[7] & 0xff;
        if (major < 1 || major > 3) {
            throw new BadInputException(source + ": unsupported .npy format version " + major + "." + minor
                    + " (1.0, 2.0 and 3.0 are supported)");
        }
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).put(lead, 8, 2);
        int headerStart = LEAD;
        if (major > 1) {
            byte[] high = in.readNBytes(2);
            length.put(high);
            headerStart += high.length;
            if (high.length < 2) {
                throw truncated(source, LEAD + 2, headerStart);
            }
        }
        long headerLength = length.getInt(0) & 0xffffffffL;
        if (headerLength > MAX_HEADER) {
            throw NpyHeader.malformed(source, "header length " + headerLength + " is implausibly large");
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw truncated(source, headerStart + headerLength, headerStart + text.length);
        }
        NpyHeader.Fields fields = NpyHeader.parse(
                new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1), source);
        return new NpyPreamble(source, NpyHeader.descrText(fields.descr()), fields.fortranOrder(), fields.shape(),
                headerStart + headerLength);
    }

    private static BadInputException truncated(String source, long expected, long found) {
        return new BadInputException(source + ": truncated .npy header: expected " + expected + " bytes, found "
                + found);
    }

    /** Whether the dtype is structured (a list of named fields) rather than a single type. */
    public boolean structured() {
        return descr.startsWith("[");
    }

    /** The number of elements, the product of the dimensions. */
    public long elements() {
        long count = 1;
        for (long dim : shape) {
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                throw new BadInputException(source + ": shape " + shapeText() + " is too large");
            }
        }
        return count;
    }

    /** The shape as Python writes it: (), (5,), (2, 3). */
    public String shapeText() {
        return NpyHeader.shapeText(shape);
    }

    /** The dtype and shape as messages give them: "dtype <f4 with shape (10, 3)". */
    public String describe() {
        return "dtype " + descr.replaceAll("\\p{Cntrl}", "?") + " with shape " + shapeText();
    }
}
