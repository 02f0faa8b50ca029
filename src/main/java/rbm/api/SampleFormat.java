package rbm.api;

import rbm.readout.SampleFile;

/** How a text sample is read: strings of 0s and 1s of one length, arbitrary tokens, a CSV table, or as it looks. */
public enum SampleFormat {
    /** Bits when the first state is a string of 0s and 1s, else tokens. */
    AUTO(SampleFile.Format.AUTO),
    /** Every line a string of 0s and 1s, all of one length. */
    BITS(SampleFile.Format.BITS),
    /** Every line a token, compared byte for byte. */
    TOKENS(SampleFile.Format.TOKENS),
    /** A CSV or TSV table with a header line; --columns picks the units. */
    CSV(SampleFile.Format.CSV);

    final SampleFile.Format format;

    SampleFormat(SampleFile.Format format) {
        this.format = format;
    }
}
