package rbm.readout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A NumPy dtype that can hold states: bool ('b'), signed ('i') and unsigned ('u') integers of 1, 2, 4 or 8 bytes,
 * and floats ('f') of 2, 4 or 8 bytes, in either byte order. An element is handled as its raw bits, the {@code size}
 * bytes read as an unsigned integer from a buffer in the dtype's {@link #order()}, and interpreted from there.
 *
 * @param descr the dtype as the header gives it, for messages
 */
record NpyDtype(String descr, char kind, int size, ByteOrder order) {
    /** The dtype of {@code descr} ('|b1', '<i2', '>f8', '=u4'…), or null when it is not one of the above. */
    static NpyDtype parse(String descr) {
        if (descr.length() < 3 || "<>|=".indexOf(descr.charAt(0)) < 0) {
            return null;
        }
        char kind = descr.charAt(1);
        String digits = descr.substring(2);
        int size = switch (digits) {
            case "1" -> 1;
            case "2" -> 2;
            case "4" -> 4;
            case "8" -> 8;
            default -> 0;
        };
        boolean valid = switch (kind) {
            case 'b' -> size == 1;
            case 'i', 'u' -> size > 0;
            case 'f' -> size > 1;
            default -> false;
        };
        // '|' (byte order not applicable) only fits single bytes
        if (!valid || (descr.charAt(0) == '|' && size > 1)) {
            return null;
        }
        ByteOrder order = switch (descr.charAt(0)) {
            case '>' -> ByteOrder.BIG_ENDIAN;
            case '=' -> ByteOrder.nativeOrder();
            default -> ByteOrder.LITTLE_ENDIAN;
        };
        return new NpyDtype(descr, kind, size, order);
    }

    boolean isFloat() {
        return kind == 'f';
    }

    boolean isInteger() {
        return kind == 'i' || kind == 'u';
    }

    /** The element at byte {@code at} as raw bits; the buffer is in this dtype's order. */
    long raw(ByteBuffer buffer, int at) {
        return switch (size) {
            case 1 -> buffer.get(at) & 0xffL;
            case 2 -> buffer.getShort(at) & 0xffffL;
            case 4 -> buffer.getInt(at) & 0xffffffffL;
            default -> buffer.getLong(at);
        };
    }

    /** The integer an integer element holds, as 64-bit two's complement: signed values are sign-extended. */
    long integer(long raw) {
        int unused = 64 - 8 * size;
        return kind == 'i' ? (raw << unused) >> unused : raw;
    }

    /** The element's value; 64-bit integers beyond 2^53 are rounded to the nearest double. */
    double value(long raw) {
        if (kind == 'f') {
            return switch (size) {
                case 2 -> Float.float16ToFloat((short) raw);
                case 4 -> Float.intBitsToFloat((int) raw);
                default -> Double.longBitsToDouble(raw);
            };
        }
        long integer = integer(raw);
        // an unsigned 64-bit value with the top bit set: halve, convert, double, so no bit is read as a sign
        return kind == 'u' && integer < 0 ? ((integer >>> 1) | (integer & 1)) * 2.0 : integer;
    }

    boolean isNaN(long raw) {
        return kind == 'f' && Double.isNaN(value(raw));
    }

    /**
     * A key in [0, 2^(8·size)) that orders elements as their values do, compared as unsigned integers: signed integers
     * get the sign bit flipped; floats get the sign bit set when positive and all bits flipped when negative.
     */
    long key(long raw) {
        long sign = signBit();
        return switch (kind) {
            case 'i' -> raw ^ sign;
            case 'f' -> (raw & sign) != 0 ? ~raw & mask() : raw | sign;
            default -> raw;
        };
    }

    /** The raw bits of the element with this {@link #key}. */
    long rawOfKey(long key) {
        long sign = signBit();
        return switch (kind) {
            case 'i' -> key ^ sign;
            case 'f' -> (key & sign) != 0 ? key ^ sign : ~key & mask();
            default -> key;
        };
    }

    /** The element as numpy prints it, for messages. */
    String text(long raw) {
        if (kind == 'f') {
            return Double.toString(value(raw));
        }
        return kind == 'u' ? Long.toUnsignedString(raw) : Long.toString(integer(raw));
    }

    private long signBit() {
        return 1L << (8 * size - 1);
    }

    private long mask() {
        return size == 8 ? -1L : (1L << (8 * size)) - 1;
    }
}
