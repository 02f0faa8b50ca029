package rbm.io;

/**
 * What a file is, told by its first bytes rather than its name: gzip (1f 8b), a zip archive such as an .npz
 * ({@code PK\3\4}), a NumPy array ({@code \x93NUMPY}, {@link NpyPreamble#hasMagic}). Every reader asks here.
 */
public final class FileMagic {
    private FileMagic() {}

    /** Whether the first {@code length} bytes of {@code head} begin a gzip stream. */
    public static boolean gzip(byte[] head, int length) {
        return length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
    }

    public static boolean gzip(byte[] head) {
        return gzip(head, head.length);
    }

    /** Whether {@code head} begins a zip archive's first local file header. */
    public static boolean zip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Whether {@code head} begins a NumPy .npy array. */
    public static boolean npy(byte[] head) {
        return NpyPreamble.hasMagic(head);
    }
}
