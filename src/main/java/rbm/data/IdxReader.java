package rbm.data;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import rbm.io.BadInputException;

/**
 * Reads IDX files, the format of MNIST, plain or gzipped (recognised by content, not name). Images (2 or more
 * dimensions) become a {@link Dataset} with one row per entry of the first dimension; unsigned bytes are grey
 * levels scaled by 1/255, the other types are taken as they are and must lie in [0,1]. Labels (1 dimension, an
 * integer type) become an {@code int[]}.
 */
public final class IdxReader {
    private static final String EXPECTED =
            "expected an IDX file (0x00000803 images or 0x00000801 labels)";

    /** The IDX element types: the third magic byte and the size of one value in bytes. */
    enum Type {
        UBYTE(0x08, 1), BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4), DOUBLE(0x0E, 8);

        final int code;
        final int size;

        Type(int code, int size) {
            this.code = code;
            this.size = size;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }

        String label() {
            return name().toLowerCase();
        }
    }

    /** A parsed header: element type, dimensions and where the data starts. */
    private record Header(Type type, int[] dims, int dataOffset, int count) {
        String shape() {
            return Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("×"));
        }
    }

    private IdxReader() {
    }

    public static Dataset readImages(Path path) {
        return images(RawContent.read(path));
    }

    public static int[] readLabels(Path path) {
        return labels(RawContent.read(path));
    }

    static Dataset images(RawContent content) {
        Header h = header(content);
        String name = content.name();
        if (h.dims.length < 2) {
            throw new BadInputException(name + ": has 1 dimension (" + h.shape()
                    + "); an image file has 2 or more (is this a label file?)");
        }
        if (h.count == 0) {
            throw new BadInputException(name + ": holds no images (dimensions " + h.shape() + ")");
        }
        int rows = h.dims[0];
        int cols = h.count / rows;
        byte[] bytes = content.bytes();
        float[] values = new float[h.count];
        if (h.type == Type.UBYTE) {
            greyLevels(bytes, h.dataOffset, values);
        } else {
            ByteBuffer data = ByteBuffer.wrap(bytes); // big-endian, as IDX is
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) number(data, h, i);
            }
        }
        DataSource source = new DataSource(name, "idx/" + h.type.label(), content.sha256(), rows, cols);
        return new Dataset(values, rows, cols, null, source);
    }

    /** Unsigned bytes 0..255 as grey levels g/255. */
    private static void greyLevels(byte[] bytes, int offset, float[] values) {
        float[] grey = new float[256];
        for (int g = 0; g < 256; g++) {
            grey[g] = g / 255f;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = grey[bytes[offset + i] & 0xff];
        }
    }

    static int[] labels(RawContent content) {
        Header h = header(content);
        String name = content.name();
        if (h.dims.length != 1) {
            throw new BadInputException(name + ": has " + h.dims.length + " dimensions (" + h.shape()
                    + "); a label file has 1 (is this an image file?)");
        }
        if (h.type == Type.FLOAT || h.type == Type.DOUBLE) {
            throw new BadInputException(name + ": holds " + h.type.label()
                    + " values; labels must be of an integer type (ubyte, byte, short or int)");
        }
        ByteBuffer data = ByteBuffer.wrap(content.bytes());
        int[] labels = new int[h.count];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (int) number(data, h, i);
            if (labels[i] < 0) {
                throw new BadInputException(name + ": label " + labels[i] + " at index " + i
                        + " is negative; labels must be 0 or more");
            }
        }
        return labels;
    }

    private static double number(ByteBuffer data, Header h, int i) {
        int at = h.dataOffset + i * h.type.size;
        return switch (h.type) {
            case UBYTE -> data.get(at) & 0xff;
            case BYTE -> data.get(at);
            case SHORT -> data.getShort(at);
            case INT -> data.getInt(at);
            case FLOAT -> data.getFloat(at);
            case DOUBLE -> data.getDouble(at);
        };
    }

    /** Checks the magic number and that the file holds exactly as many bytes as its dimensions say. */
    private static Header header(RawContent content) {
        String name = content.name();
        byte[] b = content.bytes();
        if (b.length < 4) {
            throw new BadInputException(name + ": truncated, expected at least 4 bytes for the IDX magic number, found "
                    + b.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        int magic = buf.getInt(0);
        if (b[0] != 0 || b[1] != 0) {
            throw new BadInputException(name + ": wrong magic number " + hex(magic) + ", " + EXPECTED);
        }
        Type type = Type.of(b[2] & 0xff);
        if (type == null) {
            throw new BadInputException(name + ": unsupported IDX data type 0x" + String.format("%02X", b[2] & 0xff)
                    + " (magic " + hex(magic) + "); supported: 0x08 ubyte, 0x09 byte, 0x0B short, 0x0C int,"
                    + " 0x0D float, 0x0E double");
        }
        int nDims = b[3] & 0xff;
        if (nDims == 0) {
            throw new BadInputException(name + ": IDX header declares 0 dimensions (magic " + hex(magic) + ")");
        }
        int dataOffset = 4 + 4 * nDims;
        if (b.length < dataOffset) {
            throw new BadInputException(name + ": truncated, expected " + dataOffset + " bytes of header for "
                    + nDims + " dimensions, found " + b.length);
        }
        int[] dims = new int[nDims];
        long count = 1;
        for (int d = 0; d < nDims; d++) {
            long size = Integer.toUnsignedLong(buf.getInt(4 + 4 * d));
            count *= size;
            if (size > Integer.MAX_VALUE || count * type.size > Integer.MAX_VALUE - 64) {
                throw new BadInputException(name + ": dimensions too large for one array (dimension " + d + " is "
                        + size + ")");
            }
            dims[d] = (int) size;
        }
        Header h = new Header(type, dims, dataOffset, (int) count);
        long expected = dataOffset + count * type.size;
        if (b.length < expected) {
            throw new BadInputException(name + ": truncated, expected " + expected + " bytes (" + h.shape() + " "
                    + type.label() + " values after a " + dataOffset + "-byte header), found " + b.length);
        }
        if (b.length > expected) {
            throw new BadInputException(name + ": trailing garbage, expected " + expected + " bytes (" + h.shape()
                    + " " + type.label() + " values after a " + dataOffset + "-byte header), found " + b.length
                    + " (" + (b.length - expected) + " extra)");
        }
        return h;
    }

    private static String hex(int magic) {
        return String.format("0x%08X", magic);
    }
}
