package rbm.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import rbm.kernels.ReferenceKernels;
import rbm.readout.InputOptions;
import rbm.readout.SampleFile;
import rbm.readout.StateInputs;
import rbm.readout.TextStates;

/** Samples of states for relevance: lines of bits, tokens, CSV tables, and whatever {@code --input} is given. */
class TextStatesFuzzTest {
    private static final ReferenceKernels KERNELS = new ReferenceKernels();
    private static final InputOptions THRESHOLD = new InputOptions("threshold:0.5", null, List.of(), List.of("a", "1"));
    private final Path dir = FuzzFiles.directory("fuzz-states");

    @Property(tries = Reading.TRIES)
    void bitLinesReadOrAreRefused(@ForAll("lines") byte[] bytes) {
        Reading.check(dir.resolve("states.txt"), bytes,
                f -> Drain.one(TextStates.bits(f)),
                f -> SampleFile.read(f, SampleFile.Format.AUTO, KERNELS));
    }

    @Property(tries = Reading.TRIES)
    void tablesReadOrAreRefused(@ForAll("tables") byte[] bytes) {
        Reading.check(dir.resolve("states.csv"), bytes,
                f -> Drain.one(TextStates.table(f, InputOptions.NONE)),
                f -> Drain.one(TextStates.table(f, THRESHOLD)));
    }

    @Property(tries = Reading.TRIES)
    void inputsAreCountedOrRefused(@ForAll("inputs") byte[] bytes, @ForAll boolean csv) {
        // text named .csv is read as a table, other text as bits or tokens; NumPy and gzip are told by their bytes
        Reading.check(dir.resolve(csv ? "input.csv" : "input.txt"), bytes,
                f -> StateInputs.count(f.toString(), SampleFile.Format.AUTO, InputOptions.NONE, KERNELS, n -> { }));
    }

    @Provide
    Arbitrary<byte[]> lines() {
        return Mutants.of(Seeds.bitLines());
    }

    @Provide
    Arbitrary<byte[]> tables() {
        return Mutants.of(Seeds.tables());
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        List<byte[]> all = new ArrayList<>(Seeds.bitLines());
        all.addAll(Seeds.tables());
        all.addAll(Seeds.npyFiles());
        return Mutants.of(all);
    }
}
