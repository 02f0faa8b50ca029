package rbm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static rbm.data.TestFiles.assertBadInput;
import static rbm.data.TestFiles.gzip;
import static rbm.data.TestFiles.write;
import static rbm.data.TestFiles.writeText;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReaderTest {
    @TempDir
    Path dir;

    @Test
    void csvWithHeader() {
        Path file = writeText(dir, "a.csv", "x,y,z\n0,0.5,1\n1, 0 ,0.25\n");
        Dataset d = TextReader.read(file);
        assertEquals(2, d.rows());
        assertEquals(3, d.cols());
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1f, 0f, 0.25f}, d.values());
        assertEquals("text", d.source().format());
        assertEquals(2, d.source().rows());
    }

    @Test
    void whitespaceAndSemicolonSeparated() {
        Path spaces = writeText(dir, "s.txt", "0.1   0.2\t0.3\n  1 1e-1 .5  \n");
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 1f, 0.1f, 0.5f}, TextReader.read(spaces).values());
        Path semis = writeText(dir, "semi.txt", "0;1\r\n1 ; 0\r\n");
        assertArrayEquals(new float[] {0f, 1f, 1f, 0f}, TextReader.read(semis).values());
    }

    @Test
    void bareBitStrings() {
        Path file = writeText(dir, "bits.txt", "0110100\n1000001\n");
        Dataset d = TextReader.read(file);
        assertEquals(2, d.rows());
        assertEquals(7, d.cols());
        assertArrayEquals(new float[] {0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1}, d.values());
    }

    @Test
    void commentsAndBlankLinesAreSkipped() {
        Path file = writeText(dir, "c.txt", "# patterns for a tiny RBM\n\n  # indented comment\nnames a b\n101\n\n# more\n010\n");
        Dataset d = TextReader.read(file);
        assertEquals(2, d.rows());
        assertArrayEquals(new float[] {1, 0, 1, 0, 1, 0}, d.values());
    }

    /** A UTF-8 byte-order mark, which some editors write, is not part of the first row's value or label. */
    @Test
    void byteOrderMarkIsSkipped() {
        Path data = writeText(dir, "bom.csv", "\uFEFF0,1\n1,0\n");
        assertArrayEquals(new float[] {0, 1, 1, 0}, TextReader.read(data).values());
        Path bits = writeText(dir, "bom.txt", "\uFEFF0110\n1001\n");
        assertArrayEquals(new float[] {0, 1, 1, 0, 1, 0, 0, 1}, TextReader.read(bits).values());
        Path labels = writeText(dir, "bom-labels.txt", "\uFEFF3\n7\n");
        assertArrayEquals(new int[] {3, 7}, TextReader.readLabels(labels));
    }

    @Test
    void gzippedText() {
        byte[] text = "0,1\n1,0\n".getBytes(StandardCharsets.UTF_8);
        Dataset d = TextReader.read(write(dir, "t.csv.gz", gzip(text)));
        assertArrayEquals(new float[] {0, 1, 1, 0}, d.values());
    }

    @Test
    void nonNumericTokenIsQuotedWithLineNumber() {
        Path file = writeText(dir, "bad.csv", "# header-less\n0,1,0\n1,abc,0\n");
        assertBadInput(() -> TextReader.read(file), file.toString(), "line 3", "column 2", "'abc' is not a number");
    }

    @Test
    void firstRowWithSomeNumbersIsNotTakenForAHeader() {
        Path file = writeText(dir, "typo.csv", "0.5,O.5,1\n0,0,1\n");
        assertBadInput(() -> TextReader.read(file), file.toString(), "line 1", "'O.5' is not a number", "header");
    }

    @Test
    void nanAndInfinityAreRefused() {
        Path nan = writeText(dir, "nan.txt", "0 1\n0 NaN\n");
        assertBadInput(() -> TextReader.read(nan), nan.toString(), "line 2", "'NaN'", "finite");
        Path inf = writeText(dir, "inf.txt", "-Infinity 1\n");
        assertBadInput(() -> TextReader.read(inf), inf.toString(), "line 1", "'-Infinity'", "finite");
        Path huge = writeText(dir, "huge.txt", "1e999 1\n");
        assertBadInput(() -> TextReader.read(huge), huge.toString(), "line 1", "finite");
    }

    @Test
    void raggedRowsSayExpectedAndFound() {
        Path file = writeText(dir, "rag.csv", "0,1,0\n\n1,0\n");
        assertBadInput(() -> TextReader.read(file), file.toString(), "line 3", "found 2 values", "expected 3");
        Path bits = writeText(dir, "rag.txt", "0110\n011\n");
        assertBadInput(() -> TextReader.read(bits), bits.toString(), "line 2", "found 3", "expected 4");
    }

    @Test
    void valuesOutsideUnitIntervalAreRefused() {
        Path grey = writeText(dir, "grey.txt", "0 128 255\n");
        assertBadInput(() -> TextReader.read(grey), grey.toString(), "line 1", "128", "must lie in [0,1]");
        Path negative = writeText(dir, "neg.txt", "0.5\n-0.1\n");
        assertBadInput(() -> TextReader.read(negative), negative.toString(), "line 2", "-0.1", "[0,1]");
    }

    @Test
    void emptyValueBetweenSeparators() {
        Path file = writeText(dir, "gap.csv", "0,,1\n");
        assertBadInput(() -> TextReader.read(file), file.toString(), "line 1", "column 2", "empty value");
    }

    @Test
    void emptyFiles() {
        Path empty = write(dir, "empty.txt", new byte[0]);
        assertBadInput(() -> TextReader.read(empty), empty.toString(), "empty");
        Path onlyComments = writeText(dir, "comments.txt", "# nothing here\n\n   \n");
        assertBadInput(() -> TextReader.read(onlyComments), onlyComments.toString(), "no data rows");
        Path onlyHeader = writeText(dir, "header.csv", "a,b,c\n");
        assertBadInput(() -> TextReader.read(onlyHeader), onlyHeader.toString(), "no data rows");
    }

    @Test
    void binaryJunkIsNotText() {
        Path file = write(dir, "junk.bin", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, (byte) 0xfe});
        assertBadInput(() -> TextReader.read(file), file.toString(), "neither an IDX file nor UTF-8 text");
    }

    @Test
    void labelsOnePerLine() {
        Path file = writeText(dir, "labels.txt", "label\n5\n0\n\n# a comment\n12\n");
        assertArrayEquals(new int[] {5, 0, 12}, TextReader.readLabels(file));
        Path bad = writeText(dir, "bad-labels.txt", "5\n2.5\n");
        assertBadInput(() -> TextReader.readLabels(bad), bad.toString(), "line 2", "'2.5'", "whole numbers");
        Path two = writeText(dir, "two.txt", "5 3\n");
        assertBadInput(() -> TextReader.readLabels(two), two.toString(), "line 1", "one whole number per line");
    }
}
