package rbm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static rbm.data.TestFiles.assertBadInput;
import static rbm.data.TestFiles.concat;
import static rbm.data.TestFiles.floatsBigEndian;
import static rbm.data.TestFiles.gzip;
import static rbm.data.TestFiles.idxHeader;
import static rbm.data.TestFiles.write;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** Two 2×3 "images" of unsigned bytes, grey levels chosen by hand. */
    private static final byte[] UBYTE_PIXELS = {0, (byte) 255, 51, 102, (byte) 204, 1, 0, 0, 17, 0, (byte) 128, 0};
    private static final byte[] UBYTE_IMAGES = concat(idxHeader(0x08, 2, 2, 3), UBYTE_PIXELS);

    @Test
    void readsPlainUnsignedByteImagesScaledBy255() throws Exception {
        Path file = write(dir, "images.idx", UBYTE_IMAGES);
        Dataset d = IdxReader.readImages(file);
        assertEquals(2, d.rows());
        assertEquals(6, d.cols());
        for (int i = 0; i < UBYTE_PIXELS.length; i++) {
            assertEquals((UBYTE_PIXELS[i] & 0xff) / 255f, d.values()[i], "value " + i);
        }
        assertEquals(1f, d.get(0, 1));
        assertEquals(0.2f, d.get(0, 2), 1e-7);
        assertNull(d.labels());
        assertEquals(new DataSource(file.toString(), "idx/ubyte", sha256(UBYTE_IMAGES), 2, 6), d.source());
    }

    @Test
    void readsGzippedIdxWhateverItsNameAndHashesTheUncompressedBytes() throws Exception {
        Path plain = write(dir, "plain.idx", UBYTE_IMAGES);
        Path gz = write(dir, "no-gz-suffix.idx", gzip(UBYTE_IMAGES));
        Dataset a = IdxReader.readImages(plain);
        Dataset b = IdxReader.readImages(gz);
        assertArrayEquals(a.values(), b.values());
        assertEquals(sha256(UBYTE_IMAGES), b.source().sha256());
    }

    @Test
    void readsFloatImagesAsTheyAre() {
        float[] values = {0f, 0.25f, 1f, 0.125f, 0.75f, 1e-6f};
        byte[] idx = concat(idxHeader(0x0D, 3, 2), floatsBigEndian(values));
        for (Path file : new Path[] {write(dir, "f.idx", idx), write(dir, "f.idx.gz", gzip(idx))}) {
            Dataset d = IdxReader.readImages(file);
            assertEquals(3, d.rows());
            assertEquals(2, d.cols());
            assertArrayEquals(values, d.values());
            assertEquals("idx/float", d.source().format());
        }
    }

    @Test
    void readsDoubleAndShortImages() {
        ByteBuffer doubles = ByteBuffer.allocate(4 * 8);
        for (double v : new double[] {0.5, 0, 1, 0.0625}) {
            doubles.putDouble(v);
        }
        Dataset d = IdxReader.readImages(write(dir, "d.idx", concat(idxHeader(0x0E, 1, 2, 2), doubles.array())));
        assertArrayEquals(new float[] {0.5f, 0f, 1f, 0.0625f}, d.values());

        byte[] shorts = {0, 1, 0, 0, 0, 0, 0, 1}; // big-endian 1, 0, 0, 1
        Dataset s = IdxReader.readImages(write(dir, "s.idx", concat(idxHeader(0x0B, 2, 2), shorts)));
        assertArrayEquals(new float[] {1f, 0f, 0f, 1f}, s.values());
    }

    @Test
    void readsLabelsOfIntegerTypes() {
        byte[] ubyte = concat(idxHeader(0x08, 4), new byte[] {5, 0, 9, (byte) 200});
        assertArrayEquals(new int[] {5, 0, 9, 200}, IdxReader.readLabels(write(dir, "l.idx", ubyte)));
        assertArrayEquals(new int[] {5, 0, 9, 200}, IdxReader.readLabels(write(dir, "l.idx.gz", gzip(ubyte))));
        byte[] ints = concat(idxHeader(0x0C, 2), new byte[] {0, 0, 1, 0, 0, 0, 0, 7}); // 256, 7
        assertArrayEquals(new int[] {256, 7}, IdxReader.readLabels(write(dir, "i.idx", ints)));
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.idx");
        assertBadInput(() -> IdxReader.readImages(missing), missing.toString(), "not found");
    }

    @Test
    void directoryInsteadOfFile() {
        assertBadInput(() -> IdxReader.readImages(dir), dir.toString(), "directory");
    }

    @Test
    void emptyFile() {
        Path file = write(dir, "empty.idx", new byte[0]);
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "empty");
    }

    @Test
    void emptyAfterGunzip() {
        Path file = write(dir, "empty.idx.gz", gzip(new byte[0]));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "empty");
    }

    @Test
    void wrongMagicShowsItInHex() {
        Path file = write(dir, "x.idx", concat(new byte[] {0x12, 0x34, 0x08, 0x03}, new byte[20]));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "wrong magic number 0x12340803",
                "expected an IDX file");
    }

    @Test
    void unsupportedType() {
        Path file = write(dir, "t.idx", concat(idxHeader(0x07, 2), new byte[2]));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "unsupported IDX data type 0x07");
    }

    @Test
    void truncatedDataSaysBytesExpectedAndFound() {
        // header 4 + 3*4 = 16 bytes, then 2*2*2 = 8 pixels: 24 bytes expected; give 5 pixels
        Path file = write(dir, "cut.idx", concat(idxHeader(0x08, 2, 2, 2), new byte[5]));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "truncated", "expected 24 bytes",
                "found 21");
    }

    @Test
    void truncatedHeader() {
        byte[] header = idxHeader(0x08, 60000, 28, 28);
        Path file = write(dir, "head.idx", Arrays.copyOf(header, 9));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "truncated", "expected 16", "found 9");
        Path tiny = write(dir, "tiny.idx", new byte[] {0, 0});
        assertBadInput(() -> IdxReader.readImages(tiny), tiny.toString(), "truncated", "found 2");
    }

    @Test
    void trailingGarbage() {
        Path file = write(dir, "long.idx", concat(UBYTE_IMAGES, new byte[] {1, 2, 3}));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "trailing garbage", "3 extra");
    }

    @Test
    void corruptGzip() {
        byte[] gz = gzip(UBYTE_IMAGES);
        byte[] damaged = gz.clone();
        for (int i = 10; i < damaged.length - 8; i++) {
            damaged[i] ^= (byte) 0x5A; // scramble the deflate stream
        }
        Path file = write(dir, "bad.idx.gz", damaged);
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "corrupt gzip");

        Path cut = write(dir, "cut.idx.gz", Arrays.copyOf(gz, gz.length / 2));
        assertBadInput(() -> IdxReader.readImages(cut), cut.toString(), "corrupt gzip", "ends early");

        byte[] badCrc = gz.clone();
        badCrc[badCrc.length - 8] ^= 1; // CRC32 in the gzip trailer
        Path crc = write(dir, "crc.idx.gz", badCrc);
        assertBadInput(() -> IdxReader.readImages(crc), crc.toString(), "corrupt gzip");
    }

    @Test
    void floatValueOutsideUnitIntervalNamesRowAndColumn() {
        Path file = write(dir, "big.idx", concat(idxHeader(0x0D, 2, 2), floatsBigEndian(0f, 0.5f, 1f, 1.5f)));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "1.5", "row 1, column 1", "[0,1]");
        Path nan = write(dir, "nan.idx", concat(idxHeader(0x0D, 1, 2), floatsBigEndian(Float.NaN, 0f)));
        assertBadInput(() -> IdxReader.readImages(nan), nan.toString(), "NaN", "row 0, column 0");
    }

    @Test
    void labelFileAsImagesAndImagesAsLabelsAreRefused() {
        Path labels = write(dir, "labels.idx", concat(idxHeader(0x08, 3), new byte[] {1, 2, 3}));
        Path images = write(dir, "images.idx", UBYTE_IMAGES);
        assertBadInput(() -> IdxReader.readImages(labels), labels.toString(), "1 dimension", "label file");
        assertBadInput(() -> IdxReader.readLabels(images), images.toString(), "3 dimensions", "label file has 1");
    }

    @Test
    void floatLabelsAndNegativeLabelsAreRefused() {
        Path floats = write(dir, "fl.idx", concat(idxHeader(0x0D, 1), floatsBigEndian(1f)));
        assertBadInput(() -> IdxReader.readLabels(floats), floats.toString(), "float", "integer");
        Path negative = write(dir, "neg.idx", concat(idxHeader(0x09, 2), new byte[] {3, -1}));
        assertBadInput(() -> IdxReader.readLabels(negative), negative.toString(), "label -1 at index 1");
    }

    @Test
    void imagesWithZeroRowsAreRefused() {
        Path file = write(dir, "none.idx", idxHeader(0x08, 0, 28, 28));
        assertBadInput(() -> IdxReader.readImages(file), file.toString(), "no images");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

}
