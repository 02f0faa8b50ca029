package rbm.train;

/**
 * The part of a trainer's state that is not the model: momentum velocities, the PCD chains, and the generators'
 * states. Saved with every checkpoint so that {@code --resume} continues bit for bit.
 */
public record TrainerState(float[] velocityW, float[] velocityB, float[] velocityC, float[] chains,
                           byte[] shuffleRng, byte[][] sampleStreams) {
}
