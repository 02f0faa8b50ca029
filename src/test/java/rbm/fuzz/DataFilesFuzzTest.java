package rbm.fuzz;

import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rbm.data.DataLoader;

/** Training data ({@code rbm.data.IdxReader}, {@code rbm.data.TextReader} through {@link DataLoader}): IDX files (plain and gzipped) and text tables, edited and at random, as {@link Reading} says. */
class DataFilesFuzzTest {
    private final Path dir = FuzzFiles.directory("fuzz-data");

    @Property(tries = Reading.TRIES)
    void idxFilesReadOrAreRefused(@ForAll("idx") byte[] bytes) {
        // DataLoader tells IDX from text by content and hands IDX to IdxReader, so these reach IdxReader too
        Reading.check(dir.resolve("images-idx3-ubyte"), bytes, DataLoader::load, DataLoader::loadLabels);
    }

    @Property(tries = Reading.TRIES)
    void textDataReadsOrIsRefused(@ForAll("text") byte[] bytes) {
        Reading.check(dir.resolve("data.csv"), bytes, DataLoader::load, DataLoader::loadLabels);
    }

    @Provide
    Arbitrary<byte[]> idx() {
        return Mutants.of(Seeds.idxFiles());
    }

    @Provide
    Arbitrary<byte[]> text() {
        return Mutants.of(Seeds.dataText());
    }
}
