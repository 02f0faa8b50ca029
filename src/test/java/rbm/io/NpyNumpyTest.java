package rbm.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks against the real numpy, when python3 with numpy is installed; skipped otherwise. */
class NpyNumpyTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requireNumpy() {
        boolean available;
        try {
            Process process = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            available = process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            available = false;
        }
        assumeTrue(available, "python3 with numpy is not available");
    }

    @Test
    void numpyReadsWhatWeWriteAndWritesTheSameBytes() throws Exception {
        int[][] shapes = {{2, 3}, {5}, {0}, {3, 4, 2}, {}, {123, 7}, ones(14), ones(15), {10_000_000, 0}};
        Random random = new Random(7);
        List<String> args = new ArrayList<>();
        List<float[]> arrays = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            float[] data = new float[Arrays.stream(shapes[i]).reduce(1, (a, b) -> a * b)];
            for (int j = 0; j < data.length; j++) {
                data[j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-8, 9)));
            }
            Path file = dir.resolve(i + ".npy");
            Npy.write(file, data, shapes[i]);
            args.add(file.toString());
            arrays.add(data);
        }
        // for each file: its shape, whether numpy's own np.save gives identical bytes, and the exact values
        String script = """
                import io, sys, numpy as np
                for path in sys.argv[1:]:
                    a = np.load(path)
                    assert a.dtype == np.float32, a.dtype
                    buf = io.BytesIO()
                    np.save(buf, a)
                    same = open(path, 'rb').read() == buf.getvalue()
                    print(','.join(map(str, a.shape)) + '|' + str(same) + '|' + ' '.join(repr(float(x)) for x in a.ravel()))
                """;
        List<String> lines = python(script, args);
        assertEquals(shapes.length, lines.size());
        for (int i = 0; i < shapes.length; i++) {
            String[] parts = lines.get(i).split("\\|", -1);
            assertEquals(Arrays.stream(shapes[i]).mapToObj(Integer::toString).reduce((a, b) -> a + "," + b)
                    .orElse(""), parts[0], "shape of " + Arrays.toString(shapes[i]));
            assertEquals("True", parts[1], "numpy writes different bytes for shape " + Arrays.toString(shapes[i]));
            assertArrayEquals(arrays.get(i), parseFloats(parts[2]), "values of " + Arrays.toString(shapes[i]));
        }
    }

    @Test
    void weReadWhatNumpyWrites() throws Exception {
        String script = """
                import sys, numpy as np
                d = sys.argv[1]
                rng = np.random.default_rng(3)
                def show(name, a):
                    print(name + '|' + ','.join(map(str, a.shape)) + '|'
                          + ' '.join(repr(float(np.float32(x))) for x in a.ravel()))
                a = rng.standard_normal((4, 6)).astype('<f4'); np.save(d + '/f4.npy', a); show('f4', a)
                a = rng.standard_normal(5); np.save(d + '/f8.npy', a); show('f8', a)
                a = np.zeros((0, 5), '<f4'); np.save(d + '/empty.npy', a); show('empty', a)
                a = np.array(3.5, '<f4'); np.save(d + '/scalar.npy', a); show('scalar', a)
                for version in (2, 3):
                    a = rng.standard_normal((2, 3)).astype('<f4')
                    with open(d + '/v%d.npy' % version, 'wb') as f:
                        np.lib.format.write_array(f, a, version=(version, 0))
                    show('v%d' % version, a)
                np.save(d + '/fortran.npy', np.asfortranarray(rng.standard_normal((3, 4)).astype('<f4')))
                np.save(d + '/int.npy', np.arange(6, dtype='<i4'))
                np.save(d + '/big.npy', np.arange(6, dtype='>f4'))
                np.save(d + '/record.npy', np.zeros(3, dtype=[('a', '<f4')]))
                """;
        List<String> lines = python(script, List.of(dir.toString()));
        assertEquals(6, lines.size());
        for (String line : lines) {
            String[] parts = line.split("\\|", -1);
            NpyArray read = Npy.read(dir.resolve(parts[0] + ".npy"));
            int[] shape = parts[1].isEmpty() ? new int[0]
                    : Arrays.stream(parts[1].split(",")).mapToInt(Integer::parseInt).toArray();
            assertArrayEquals(shape, read.shape(), parts[0]);
            assertArrayEquals(parseFloats(parts[2]), read.data(), parts[0]);
        }
        Path fortran = dir.resolve("fortran.npy");
        BadInput.assertBadInput(fortran, "fortran_order True is not supported", () -> Npy.read(fortran));
        Path ints = dir.resolve("int.npy");
        BadInput.assertBadInput(ints, "unsupported dtype '<i4'", () -> Npy.read(ints));
        Path bigEndian = dir.resolve("big.npy");
        BadInput.assertBadInput(bigEndian, "unsupported dtype '>f4'", () -> Npy.read(bigEndian));
        Path record = dir.resolve("record.npy");
        BadInput.assertBadInput(record, "unsupported dtype (a structured dtype)", () -> Npy.read(record));
    }

    private static List<String> python(String script, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, process.exitValue(), () -> "python failed:\n" + output);
        return output.lines().toList();
    }

    private static float[] parseFloats(String text) {
        if (text.isEmpty()) {
            return new float[0];
        }
        String[] words = text.split(" ");
        float[] values = new float[words.length];
        for (int i = 0; i < words.length; i++) {
            double value = Double.parseDouble(words[i]);
            values[i] = (float) value;
            assertEquals(value, values[i], 0.0, "python printed a value that is not a float32: " + words[i]);
        }
        return values;
    }

    private static int[] ones(int n) {
        int[] shape = new int[n];
        Arrays.fill(shape, 1);
        return shape;
    }
}
