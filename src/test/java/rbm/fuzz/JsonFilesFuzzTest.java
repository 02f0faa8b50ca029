package rbm.fuzz;

import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rbm.io.JsonFiles;
import rbm.relevance.RelevanceFile;
import rbm.run.ConfigFile;
import rbm.run.RunDirectory;

/** The JSON files of a run and of relevance, read as the program reads them. */
class JsonFilesFuzzTest {
    private final Path run = FuzzFiles.directory("fuzz-run");

    @Property(tries = Reading.TRIES)
    void manifestsReadOrAreRefused(@ForAll("manifests") byte[] bytes) {
        Reading.check(run.resolve("model.json"), bytes, f -> RunDirectory.open(run).readManifest());
    }

    @Property(tries = Reading.TRIES)
    void configsReadOrAreRefused(@ForAll("configs") byte[] bytes) {
        Reading.check(run.resolve("config.json"), bytes,
                f -> JsonFiles.read(f, ConfigFile.class),
                f -> JsonFiles.readLenient(f, ConfigFile.class));
    }

    @Property(tries = Reading.TRIES)
    void relevanceFilesReadOrAreRefused(@ForAll("relevance") byte[] bytes) {
        Reading.check(run.resolve("relevance.json"), bytes,
                f -> JsonFiles.read(f, RelevanceFile.class),
                f -> JsonFiles.readLenient(f, RelevanceFile.class));
    }

    @Provide
    Arbitrary<byte[]> manifests() {
        return Mutants.of(Seeds.resources("fixtures/run/model.json"));
    }

    @Provide
    Arbitrary<byte[]> configs() {
        return Mutants.of(Seeds.resources("fixtures/run/config.json"));
    }

    @Provide
    Arbitrary<byte[]> relevance() {
        return Mutants.of(Seeds.resources("fixtures/relevance.json"));
    }
}
