package rbm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    @TempDir
    Path dir;

    @Test
    void headerForShape2x3IsExactlyWhatNumpyWrites() throws IOException {
        Path file = dir.resolve("a.npy");
        Npy.write(file, new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        byte[] bytes = Files.readAllBytes(file);

        // magic (6) + version (2) + length (2) + dict (59) + 20 spaces numpy reserves for the first dimension to
        // grow + 38 spaces of padding + '\n' = 128 bytes, the next multiple of 64; the length field holds 118 ('v').
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        String expected = "\u0093NUMPY\u0001\u0000v\u0000" + dict + " ".repeat(58) + "\n";
        assertEquals(128, expected.length());
        assertEquals(expected, new String(bytes, 0, 128, StandardCharsets.ISO_8859_1));
        assertEquals(128 + 6 * 4, bytes.length);
        // 1.0f little-endian is 00 00 80 3f
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, Arrays.copyOfRange(bytes, 128, 132));
    }

    @Test
    void oneDimensionalShapeHasTrailingComma() throws IOException {
        Path file = dir.resolve("v.npy");
        Npy.write(file, new float[5], 5);
        String header = new String(Files.readAllBytes(file), 10, 118, StandardCharsets.ISO_8859_1);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }" + " ".repeat(60) + "\n", header);
    }

    @Test
    void headerGrowsByWholeBlocksOf64Bytes() throws IOException {
        // numpy gives 128 bytes for 14 ones and 192 for 15 (the dict no longer fits in two blocks)
        int[] fourteen = new int[14];
        int[] fifteen = new int[15];
        Arrays.fill(fourteen, 1);
        Arrays.fill(fifteen, 1);
        Npy.write(dir.resolve("14.npy"), new float[1], fourteen);
        Npy.write(dir.resolve("15.npy"), new float[1], fifteen);
        assertEquals(128 + 4, Files.size(dir.resolve("14.npy")));
        assertEquals(192 + 4, Files.size(dir.resolve("15.npy")));
    }

    @Test
    void roundTripsArraysOfSeveralShapes() {
        Random random = new Random(42);
        int[][] shapes = {{2, 3}, {784, 500}, {7}, {0}, {0, 5}, {3, 4, 2}, {}, {1, 1, 1}};
        for (int[] shape : shapes) {
            float[] data = new float[Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (float) random.nextGaussian();
            }
            Path file = dir.resolve("r" + Arrays.toString(shape) + ".npy");
            Npy.write(file, data, shape);
            NpyArray read = Npy.read(file);
            assertArrayEquals(shape, read.shape(), Arrays.toString(shape));
            assertArrayEquals(data, read.data(), Arrays.toString(shape));
        }
    }

    @Test
    void specialValuesSurviveBitForBit() {
        float[] data = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE,
                Float.MAX_VALUE};
        Path file = dir.resolve("special.npy");
        Npy.write(file, data, 6);
        float[] read = Npy.read(file).data();
        for (int i = 0; i < data.length; i++) {
            assertEquals(Float.floatToRawIntBits(data[i]), Float.floatToRawIntBits(read[i]), "index " + i);
        }
    }

    @Test
    void writeRejectsDataThatDoesNotMatchTheShape() {
        assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("x.npy"), new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Npy.write(dir.resolve("x.npy"), new float[0], -1, 0));
    }

    @Test
    void readsFloat64AsFloat() throws IOException {
        Path file = dir.resolve("f8.npy");
        ByteBuffer data = ByteBuffer.allocate(3 * 8).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-2.5)
                .putDouble(1e30);
        Files.write(file, npyFile(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", data.array()));
        NpyArray read = Npy.read(file);
        assertArrayEquals(new int[] {3}, read.shape());
        assertArrayEquals(new float[] {0.1f, -2.5f, 1e30f}, read.data());
    }

    @Test
    void readsVersions2And3WithFourByteHeaderLength() throws IOException {
        byte[] data = floats(1.5f, -2f);
        for (int major : new int[] {2, 3}) {
            Path file = dir.resolve("v" + major + ".npy");
            // keys in another order and double quotes are legal Python too
            Files.write(file, npyFile(major, "{\"shape\": (1, 2), 'fortran_order': False, 'descr': '<f4'}", data));
            NpyArray read = Npy.read(file);
            assertArrayEquals(new int[] {1, 2}, read.shape());
            assertArrayEquals(new float[] {1.5f, -2f}, read.data());
        }
    }

    @Test
    void checksTheExpectedShape() {
        Path file = dir.resolve("w.npy");
        Npy.write(file, new float[6], 2, 3);
        assertArrayEquals(new int[] {2, 3}, Npy.read(file, 2, 3).shape());
        assertArrayEquals(new int[] {2, 3}, Npy.read(file, -1, 3).shape());
        BadInput.assertBadInput(file, ": shape (2, 3), expected (3, 2)", () -> Npy.read(file, 3, 2));
        BadInput.assertBadInput(file, ": shape (2, 3), expected (6,)", () -> Npy.read(file, 6));
        BadInput.assertBadInput(file, ": shape (2, 3), expected (?, 4)", () -> Npy.read(file, -1, 4));
    }

    @Test
    void rejectsFilesThatAreNotNpy() throws IOException {
        Path text = Files.writeString(dir.resolve("text.npy"), "hello, this is text");
        BadInput.assertBadInput(text, ": not an .npy file (bad magic", () -> Npy.read(text));
        Path empty = Files.createFile(dir.resolve("empty.npy"));
        BadInput.assertBadInput(empty, ": not an .npy file (bad magic", () -> Npy.read(empty));
        Path missing = dir.resolve("missing.npy");
        BadInput.assertBadInput(missing, ": no such file", () -> Npy.read(missing));
        BadInput.assertBadInput(dir, ": is a directory", () -> Npy.read(dir));
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        Path file = dir.resolve("t.npy");
        Npy.write(file, new float[6], 2, 3);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        BadInput.assertBadInput(file, ": truncated data: expected 24 bytes, found 19", () -> Npy.read(file));

        Files.write(file, Arrays.copyOf(bytes, 60));
        BadInput.assertBadInput(file, ": truncated .npy header: expected 128 bytes, found 60", () -> Npy.read(file));
        Files.write(file, Arrays.copyOf(bytes, 8));
        BadInput.assertBadInput(file, ": truncated .npy header", () -> Npy.read(file));
    }

    @Test
    void rejectsTrailingData() throws IOException {
        Path file = dir.resolve("long.npy");
        Files.write(file, npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", floats(1, 2)));
        BadInput.assertBadInput(file, ": unexpected trailing data: expected 4 bytes, found 8", () -> Npy.read(file));
    }

    @Test
    void rejectsUnsupportedDtypes() throws IOException {
        Path file = dir.resolve("i4.npy");
        Files.write(file, npyFile(1, "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }", new byte[8]));
        BadInput.assertBadInput(file, ": unsupported dtype '<i4'", () -> Npy.read(file));
        Files.write(file, npyFile(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", new byte[8]));
        BadInput.assertBadInput(file, ": unsupported dtype '>f4'", () -> Npy.read(file));
        Files.write(file, npyFile(1, "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }",
                new byte[8]));
        BadInput.assertBadInput(file, ": unsupported dtype (a structured dtype)", () -> Npy.read(file));
    }

    @Test
    void rejectsFortranOrder() throws IOException {
        Path file = dir.resolve("f.npy");
        Files.write(file, npyFile(1, "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", new byte[16]));
        BadInput.assertBadInput(file, ": fortran_order True is not supported", () -> Npy.read(file));
    }

    @Test
    void rejectsUnknownVersion() throws IOException {
        Path file = dir.resolve("v4.npy");
        byte[] bytes = npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", new byte[4]);
        bytes[6] = 4;
        Files.write(file, bytes);
        BadInput.assertBadInput(file, ": unsupported .npy format version 4.0", () -> Npy.read(file));
    }

    @Test
    void rejectsMalformedHeaders() throws IOException {
        String[][] cases = {
                {"{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3}", "expected ',' or ')'"},
                {"{'descr': '<f4', 'fortran_order': False}", "missing key 'shape'"},
                {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", "unexpected key 'x'"},
                {"{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", "'fortran_order' should be True or False"},
                {"{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}", "non-negative integers"},
                {"{'descr': '<f4', 'fortran_order': False, 'shape': 'abc'}", "'shape' should be a tuple"},
                {"{'descr': '<f4, 'fortran_order': False, 'shape': (2,)}", "malformed .npy header"},
                {"[1, 2]", "the header is not a dictionary"},
                {"{'descr': '<f4', 'fortran_order': Flase, 'shape': (2,)}", "unexpected word 'Flase'"},
                {"{'descr': '<f4'\n, 'fortran_order': False, 'shape': (2,)} extra", "unexpected text after"},
        };
        for (String[] c : cases) {
            Path file = dir.resolve("bad.npy");
            Files.write(file, npyFile(1, c[0], new byte[8]));
            BadInput.assertBadInput(file, c[1], () -> Npy.read(file));
        }
    }

    @Test
    void rejectsShapesTooLargeForAnArray() throws IOException {
        Path file = dir.resolve("huge.npy");
        Files.write(file, npyFile(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (100000, 100000), }",
                new byte[8]));
        BadInput.assertBadInput(file, ": shape (100000, 100000) is too large", () -> Npy.read(file));
    }

    /** A file with the given version and dict, padded with spaces to a multiple of 64 as the format asks. */
    static byte[] npyFile(int major, String dict, byte[] data) {
        int lengthBytes = major == 1 ? 2 : 4;
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int unpadded = 8 + lengthBytes + text.length + 1;
        int padding = (64 - unpadded % 64) % 64;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(text.length + padding + 1);
        out.write(length.array(), 0, lengthBytes);
        out.writeBytes(text);
        out.writeBytes(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] floats(float... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        return buffer.array();
    }
}
