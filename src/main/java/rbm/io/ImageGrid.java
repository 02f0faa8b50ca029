package rbm.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes greyscale PNG images of many small tiles laid out in a grid: sampled digits, or the weight filters of
 * hidden units. Tiles are separated by a one-pixel mid-grey border.
 */
public final class ImageGrid {
    static final int BORDER_GREY = 128;
    private static final int BORDER = 1;

    private ImageGrid() {
    }

    /** The width and height in pixels of the grid {@link #writeGrid} draws; their product is its byte count. */
    public static long[] imageSize(int count, int height, int width, int columns, int scale) {
        long cols = Math.min(columns, count);
        long rows = Math.ceilDiv(count, cols);
        return new long[] {cols * width * scale + (cols - 1) * BORDER, rows * height * scale + (rows - 1) * BORDER};
    }

    /**
     * Writes {@code count} tiles of {@code height}×{@code width} values (row-major, tile after tile) with
     * {@code columns} tiles per row, each value enlarged to a {@code scale}×{@code scale} square. The image is
     * {@code c*width*scale + (c-1)} pixels wide and {@code r*height*scale + (r-1)} high, where
     * {@code c = min(columns, count)} and {@code r = ceil(count / c)}. Values map 0 → black and 1 → white (clamped;
     * NaN is black); with {@code normalizeEach} every tile is first stretched so its own minimum is black and its
     * maximum white.
     */
    public static void writeGrid(Path png, float[] pixels, int count, int height, int width, int columns, int scale,
            boolean normalizeEach) {
        if (count < 1 || height < 1 || width < 1 || columns < 1 || scale < 1) {
            throw new IllegalArgumentException("count, height, width, columns and scale must be positive");
        }
        if ((long) count * height * width > pixels.length) {
            throw new IllegalArgumentException(count + " tiles of " + height + "x" + width + " need "
                    + (long) count * height * width + " values, found " + pixels.length);
        }
        int cols = Math.min(columns, count);
        long tileWidth = (long) width * scale;
        long tileHeight = (long) height * scale;
        long[] size = imageSize(count, height, width, columns, scale);
        long imageWidth = size[0];
        long imageHeight = size[1];
        if (imageWidth * imageHeight > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image of " + imageWidth + "x" + imageHeight + " is too large");
        }

        BufferedImage image = new BufferedImage((int) imageWidth, (int) imageHeight, BufferedImage.TYPE_BYTE_GRAY);
        // one byte per pixel, row after row, as TYPE_BYTE_GRAY lays it out
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(raster, (byte) BORDER_GREY);
        int tileSize = height * width;
        for (int tile = 0; tile < count; tile++) {
            int offset = tile * tileSize;
            float low = 0;
            float high = 1;
            if (normalizeEach) {
                low = Float.POSITIVE_INFINITY;
                high = Float.NEGATIVE_INFINITY;
                for (int i = offset; i < offset + tileSize; i++) {
                    // comparisons with NaN are false, so NaN values are skipped
                    low = pixels[i] < low ? pixels[i] : low;
                    high = pixels[i] > high ? pixels[i] : high;
                }
            }
            double range = high > low ? high - low : 1;
            int left = (int) ((tile % cols) * (tileWidth + BORDER));
            int top = (int) ((tile / cols) * (tileHeight + BORDER));
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double unit = Math.clamp((pixels[offset + y * width + x] - low) / range, 0.0, 1.0);
                    byte grey = Double.isNaN(unit) ? 0 : (byte) Math.round(unit * 255);
                    for (int dy = 0; dy < scale; dy++) {
                        int start = (top + y * scale + dy) * (int) imageWidth + left + x * scale;
                        Arrays.fill(raster, start, start + scale, grey);
                    }
                }
            }
        }
        AtomicFiles.write(png, out -> {
            // a memory cache: ImageIO's default would put a cache file in the temporary directory
            ImageOutputStream stream = new MemoryCacheImageOutputStream(out);
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer available");
            }
            stream.close();
        });
    }

    /**
     * The side h of the most square tile shape h×w with h*w == n and h ≤ w: 28 for 784 (MNIST), 20 for 500,
     * 1 for a prime. The other side is {@code n / squareSide(n)}.
     */
    public static int squareSide(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, found " + n);
        }
        for (int h = (int) Math.sqrt(n); h > 1; h--) {
            if (n % h == 0) {
                return h;
            }
        }
        return 1;
    }
}
