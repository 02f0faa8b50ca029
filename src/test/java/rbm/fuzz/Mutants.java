package rbm.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Bad files for the readers: valid seeds with a few edits (before or after gzip, so that both the data and the
 * compressed stream break), and bytes at random.
 */
final class Mutants {
    private Mutants() {
    }

    /** Mostly edited seeds, some random bytes; a few KB at most. */
    static Arbitrary<byte[]> of(List<byte[]> seeds) {
        return Arbitraries.frequencyOf(
                Tuple.of(8, edited(seeds)),
                Tuple.of(1, randomBytes()));
    }

    static Arbitrary<byte[]> edited(List<byte[]> seeds) {
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(Mutation.Kind.class), Arbitraries.integers(), Arbitraries.integers())
                .as(Mutation::new);
        return Combinators.combine(Arbitraries.of(seeds), mutation.list().ofMinSize(0).ofMaxSize(4),
                        Arbitraries.integers().between(0, 5))
                .as((seed, edits, wrap) -> {
                    byte[] bytes = seed;
                    for (Mutation m : edits) {
                        bytes = m.apply(bytes);
                    }
                    // one time in six the edited bytes are gzipped: the readers see a valid stream of bad data
                    return wrap == 0 ? gzip(bytes) : bytes;
                });
    }

    static Arbitrary<byte[]> randomBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
