package rbm.fuzz;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rbm.data.DataLoader;
import rbm.data.IdxReader;
import rbm.data.TextReader;

/** Training data: IDX files (plain and gzipped) and text tables, edited and at random, as {@link Reading} says. */
class DataFilesFuzzTest {
    private final Path dir = FuzzFiles.directory("fuzz-data");

    @Property(tries = 10_000)
    void idxFilesReadOrAreRefused(@ForAll("idx") byte[] bytes) {
        Reading.check(dir.resolve("images-idx3-ubyte"), bytes, DataLoader::load, DataLoader::loadLabels,
                IdxReader::readImages, IdxReader::readLabels);
    }

    @Property(tries = 10_000)
    void textDataReadsOrIsRefused(@ForAll("text") byte[] bytes) {
        Reading.check(dir.resolve("data.csv"), bytes, DataLoader::load, DataLoader::loadLabels, TextReader::read,
                TextReader::readLabels);
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
