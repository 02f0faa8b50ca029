package rbm.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-core data caches of the machine, read once from Linux's {@code /sys/devices/system/cpu/cpu0/cache}, so that
 * the products choose their blocks from the sizes of the caches they must fit, not from the name of the CPU. Where
 * the files are missing (another system, a container that hides them), the sizes of the machine the blocks were tuned
 * on stand in: 48 KB of L1 and 1 MB of L2 (AMD EPYC, Zen 5). The blocks change how the work is cut, never the order
 * in which an element's products are summed, so results do not depend on the cache sizes.
 */
public final class CacheSizes {
    /** Bytes of L1 data cache per core. */
    public static final long L1 = read(1, 48 * 1024);
    /** Bytes of L2 per core. */
    public static final long L2 = read(2, 1024 * 1024);

    private CacheSizes() {}

    private static long read(int level, long fallback) {
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path index = dir.resolve("index" + i);
            try {
                if (!Files.isDirectory(index) || Integer.parseInt(text(index, "level")) != level) {
                    continue;
                }
                String type = text(index, "type").toLowerCase(Locale.ROOT);
                if (type.equals("instruction")) {
                    continue;
                }
                long size = parseSize(text(index, "size"));
                if (size > 0) {
                    return size;
                }
            } catch (IOException | RuntimeException e) {
                return fallback;
            }
        }
        return fallback;
    }

    private static String text(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name)).trim();
    }

    /** "48K", "2048K", "32M" or a plain count of bytes; 0 when it is none of these. */
    static long parseSize(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        char unit = Character.toUpperCase(s.charAt(s.length() - 1));
        long scale = unit == 'K' ? 1024 : unit == 'M' ? 1024 * 1024 : unit == 'G' ? 1024L * 1024 * 1024 : 1;
        String digits = scale == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return Long.parseLong(digits) * scale;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
