package rbm.fuzz;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rbm.io.Npy;
import rbm.readout.InputOptions;
import rbm.readout.NpyStates;

/** NumPy files: .npy (plain and gzipped) and .npz, edited in their bytes and in their header dictionaries. */
class NpyFuzzTest {
    private static final InputOptions THRESHOLD = new InputOptions("threshold:0.5", null, List.of(), List.of());
    private static final InputOptions PACKED = new InputOptions(null, 12, List.of(), List.of());
    private static final InputOptions QUANTILE = new InputOptions("quantile:0.5", null, List.of(), List.of());
    private final Path dir = FuzzFiles.directory("fuzz-npy");

    @Property(tries = Reading.TRIES)
    void npyArraysReadOrAreRefused(@ForAll("npy") byte[] bytes) {
        Reading.check(dir.resolve("weights.npy"), bytes, Npy::read);
    }

    @Property(tries = Reading.TRIES)
    void npyStatesReadOrAreRefused(@ForAll("npy") byte[] bytes) {
        Reading.check(dir.resolve("states.npy"), bytes,
                f -> Drain.all(NpyStates.open(f, InputOptions.NONE)),
                f -> Drain.all(NpyStates.open(f, THRESHOLD)));
    }

    @Property(tries = Reading.TRIES)
    void npyStatesWithFlagsReadOrAreRefused(@ForAll("npy") byte[] bytes) {
        Reading.check(dir.resolve("states.npz"), bytes,
                f -> Drain.all(NpyStates.open(f, PACKED)),
                f -> Drain.all(NpyStates.open(f, QUANTILE)));
    }

    @Provide
    Arbitrary<byte[]> npy() {
        return Mutants.of(Seeds.npyFiles());
    }
}
