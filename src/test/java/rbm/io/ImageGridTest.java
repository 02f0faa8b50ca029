package rbm.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    @TempDir
    Path dir;

    private static Raster readRaster(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRaster();
    }

    @Test
    void laysOutTilesWithBordersAndScaling() throws IOException {
        int count = 6;
        int height = 4;
        int width = 5;
        int scale = 2;
        float[] pixels = new float[count * height * width];
        // tile 4 sits in row 1, column 1; light its pixel (y 2, x 3) and make its pixel (y 0, x 0) mid grey
        pixels[4 * 20 + 2 * width + 3] = 1f;
        pixels[4 * 20] = 0.5f;
        Path png = dir.resolve("grid.png");
        ImageGrid.writeGrid(png, pixels, count, height, width, 3, scale, false);

        Raster raster = readRaster(png);
        // 3 columns of 5*2 pixels and 2 borders; 2 rows of 4*2 pixels and 1 border
        assertEquals(3 * 10 + 2, raster.getWidth());
        assertEquals(2 * 8 + 1, raster.getHeight());
        assertEquals(1, raster.getNumBands());
        int left = 10 + 1;
        int top = 8 + 1;
        for (int dy = 0; dy < scale; dy++) {
            for (int dx = 0; dx < scale; dx++) {
                assertEquals(255, raster.getSample(left + 3 * scale + dx, top + 2 * scale + dy, 0));
                assertEquals(128, raster.getSample(left + dx, top + dy, 0));
            }
        }
        assertEquals(0, raster.getSample(left + 3 * scale - 1, top + 2 * scale, 0));
        assertEquals(0, raster.getSample(0, 0, 0));
        // the vertical border after column 0 and the horizontal border after row 0
        assertEquals(ImageGrid.BORDER_GREY, raster.getSample(10, 0, 0));
        assertEquals(ImageGrid.BORDER_GREY, raster.getSample(21, 16, 0));
        assertEquals(ImageGrid.BORDER_GREY, raster.getSample(0, 8, 0));
        assertEquals(0, raster.getSample(9, 7, 0));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void clampsValuesOutsideZeroToOne() throws IOException {
        Path png = dir.resolve("clamp.png");
        ImageGrid.writeGrid(png, new float[] {-3f, 7f, Float.NaN, 0.25f}, 1, 1, 4, 1, 1, false);
        Raster raster = readRaster(png);
        assertEquals(0, raster.getSample(0, 0, 0));
        assertEquals(255, raster.getSample(1, 0, 0));
        assertEquals(0, raster.getSample(2, 0, 0));
        assertEquals(64, raster.getSample(3, 0, 0));
    }

    @Test
    void normalizeEachStretchesEveryTileToItsOwnRange() throws IOException {
        // tile 0 spans -3..7, tile 1 spans 100..101, tile 2 is constant
        float[] pixels = {-3f, 2f, 7f, 0f, 100f, 101f, 100.5f, 100f, 4f, 4f, 4f, 4f};
        Path png = dir.resolve("filters.png");
        ImageGrid.writeGrid(png, pixels, 3, 2, 2, 3, 1, true);
        Raster raster = readRaster(png);
        assertEquals(3 * 2 + 2, raster.getWidth());
        assertEquals(2, raster.getHeight());
        assertEquals(0, raster.getSample(0, 0, 0));
        assertEquals(128, raster.getSample(1, 0, 0));
        assertEquals(255, raster.getSample(0, 1, 0));
        assertEquals(0, raster.getSample(3, 0, 0));
        assertEquals(255, raster.getSample(4, 0, 0));
        assertEquals(128, raster.getSample(3, 1, 0));
        assertEquals(0, raster.getSample(6, 0, 0));
    }

    @Test
    void partialLastRowIsGreyAndFewTilesNarrowTheGrid() throws IOException {
        Path five = dir.resolve("five.png");
        ImageGrid.writeGrid(five, new float[5], 5, 1, 1, 3, 1, false);
        Raster raster = readRaster(five);
        assertEquals(5, raster.getWidth());
        assertEquals(3, raster.getHeight());
        assertEquals(0, raster.getSample(2, 2, 0));
        assertEquals(ImageGrid.BORDER_GREY, raster.getSample(4, 2, 0));

        Path two = dir.resolve("two.png");
        ImageGrid.writeGrid(two, new float[8], 2, 2, 2, 10, 1, false);
        assertEquals(2 * 2 + 1, readRaster(two).getWidth());
    }

    @Test
    void rejectsInconsistentArguments() {
        Path png = dir.resolve("bad.png");
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writeGrid(png, new float[10], 1, 4, 4, 1, 1, false));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writeGrid(png, new float[16], 1, 4, 4, 0, 1, false));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.writeGrid(png, new float[16], 1, 4, 4, 1, 0, false));
    }

    @Test
    void squareSideFindsTheMostSquareFactorisation() {
        assertEquals(28, ImageGrid.squareSide(784));
        assertEquals(20, ImageGrid.squareSide(500));
        assertEquals(6, ImageGrid.squareSide(36));
        assertEquals(3, ImageGrid.squareSide(12));
        assertEquals(1, ImageGrid.squareSide(13));
        assertEquals(1, ImageGrid.squareSide(1));
        assertEquals(1, ImageGrid.squareSide(2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.squareSide(0));
    }
}
