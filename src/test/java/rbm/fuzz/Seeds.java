package rbm.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small valid files of each format, the starting points of the edits. */
final class Seeds {
    private Seeds() {
    }

    /** An IDX file: magic 0 0 type dims, the dimensions big-endian, then {@code data}. */
    static byte[] idx(int type, int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    static List<byte[]> idxFiles() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(idx(0x08, new int[] {3, 2, 2}, new byte[] {0, 1, 2, (byte) 255, 9, 8, 7, 6, 5, 4, 3, 2}));
        seeds.add(idx(0x08, new int[] {4}, new byte[] {0, 1, 9, 3}));
        seeds.add(idx(0x0D, new int[] {2, 2}, floats(ByteOrder.BIG_ENDIAN, 0f, 0.5f, 1f, 0.25f)));
        seeds.add(idx(0x0E, new int[] {1, 2}, doubles(ByteOrder.BIG_ENDIAN, 0.5, 1)));
        seeds.add(idx(0x0B, new int[] {2}, new byte[] {0, 1, 0, 7}));
        seeds.add(idx(0x0C, new int[] {1, 1, 1}, new byte[] {0, 0, 0, 1}));
        seeds.add(idx(0x09, new int[] {2, 1}, new byte[] {0, 1}));
        return withGzipped(seeds);
    }

    static List<byte[]> dataText() {
        return withGzipped(texts("0 1 0 1\n1 0 1 0\n", "# comment\na,b,c\n0,0.5,1\n1;0;0.25\n", "0110\n1001\n\n",
                "x y\n0.1\t0.9\n", "1\n2\n3\n", "0\n"));
    }

    static List<byte[]> bitLines() {
        return withGzipped(texts("0101\n1100\n0101\n", "\uFEFF01\r\n10\r\n", "  0000000000000000000000000000000000"
                + "000000000000000000000000000000001  \n", "hello\nworld\nhello\n", "1\n\n0\n"));
    }

    static List<byte[]> tables() {
        return withGzipped(texts("a,b,c\n0,1,1\n1,0,0\n", "a\tb\n1.0\t0\ntrue\tfalse\n",
                "\"x\",\"y,z\"\n1,\"0\"\n", "u,v\n0.5,-1\n2,3\n"));
    }

    static List<byte[]> texts(String... texts) {
        List<byte[]> seeds = new ArrayList<>();
        for (String t : texts) {
            seeds.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return seeds;
    }

    /** An .npy file, version 1.0, with the header dictionary {@code dict} padded as numpy pads it. */
    static byte[] npy(String dict, byte[] data) {
        String header = dict;
        int total = 10 + header.length() + 1;
        header += " ".repeat((64 - total % 64) % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        b.putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        return b.put(data).array();
    }

    static List<byte[]> npyFiles() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }",
                floats(ByteOrder.LITTLE_ENDIAN, 0, 1, 0.5f, 1, 0, 0)));
        seeds.add(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
                doubles(ByteOrder.LITTLE_ENDIAN, 1, 0)));
        seeds.add(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (3, 2), }", new byte[] {0, 1, 1, 0, 1, 1}));
        seeds.add(npy("{'descr': '|b1', 'fortran_order': True, 'shape': (2, 2), }", new byte[] {0, 1, 1, 0}));
        seeds.add(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", new byte[16]));
        seeds.add(npy("{'descr': '>i4', 'fortran_order': False, 'shape': (1, 2), }", new byte[] {0, 0, 0, 1, 0, 0, 0, 0}));
        seeds.add(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", floats(ByteOrder.LITTLE_ENDIAN, 1)));
        seeds.add(npy("{'descr': '<i2', 'fortran_order': True, 'shape': (3, 1), }", new byte[] {1, 0, 0, 0, 1, 0}));
        seeds.add(npy("{'descr': '|u1', 'fortran_order': False, 'shape': (0, 4), }", new byte[0]));
        List<byte[]> all = withGzipped(seeds);
        all.add(npz(false, seeds.get(0), seeds.get(2)));
        all.add(npz(true, seeds.get(3), seeds.get(4)));
        return all;
    }

    /** An .npz: a zip of .npy entries, stored or deflated. */
    static byte[] npz(boolean deflated, byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < arrays.length; i++) {
                ZipEntry e = new ZipEntry("a" + i + ".npy");
                if (!deflated) {
                    CRC32 crc = new CRC32();
                    crc.update(arrays[i]);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(arrays[i].length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(arrays[i]);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The files of a test resource directory, each a seed. */
    static List<byte[]> resources(String... paths) {
        List<byte[]> seeds = new ArrayList<>();
        for (String p : paths) {
            seeds.add(file(Path.of("src/test/resources", p)));
        }
        return seeds;
    }

    /** The JSON text {@code json} with every array cut to its first {@code keep} elements, pretty-printed. */
    static byte[] thinned(byte[] json, int keep) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode root = mapper.readTree(json);
            thin(root, keep);
            return (mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void thin(JsonNode node, int keep) {
        if (node instanceof ArrayNode array) {
            while (array.size() > keep) {
                array.remove(array.size() - 1);
            }
        }
        for (JsonNode child : node) {
            thin(child, keep);
        }
    }

    /** A file as a seed: one the program wrote, say. */
    static byte[] file(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<byte[]> withGzipped(List<byte[]> seeds) {
        List<byte[]> all = new ArrayList<>(seeds);
        for (byte[] s : seeds) {
            all.add(Mutants.gzip(s));
        }
        return all;
    }

    static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] doubles(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }
}
