package rbm.data;

/**
 * Where a {@link Dataset} came from, for run records: the file, its format, the sha256 of its content as read
 * (after gunzip), and the shape it had there.
 *
 * @param path   the file as the user named it, or {@code "(in memory)"}
 * @param format {@code "idx/ubyte"}, {@code "idx/float"}, ..., {@code "text"} or {@code "memory"}
 * @param sha256 lowercase hex of the uncompressed bytes; empty when the data was not read from a file
 * @param rows   rows in the file
 * @param cols   values per row in the file
 */
public record DataSource(String path, String format, String sha256, int rows, int cols) {
    static DataSource inMemory(int rows, int cols) {
        return new DataSource("(in memory)", "memory", "", rows, cols);
    }
}
