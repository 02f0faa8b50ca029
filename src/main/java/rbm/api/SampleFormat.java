package rbm.api;

import rbm.readout.SampleFile;

/** How the lines of a sample file are read: strings of 0s and 1s of one length, arbitrary tokens, or either. */
public enum SampleFormat {
    /** Bits when the first state is a string of 0s and 1s, else tokens. */
    AUTO(SampleFile.Format.AUTO),
    /** Every line a string of 0s and 1s, all of one length. */
    BITS(SampleFile.Format.BITS),
    /** Every line a token, compared byte for byte. */
    TOKENS(SampleFile.Format.TOKENS);

    final SampleFile.Format format;

    SampleFormat(SampleFile.Format format) {
        this.format = format;
    }
}
