package rbm.api;

import java.util.ArrayList;
import java.util.List;
import rbm.relevance.LayerReport;

/** The read-out of every layer of a stack over one data set: one {@link LayerRelevance} per layer. */
public record Relevance(List<LayerRelevance> layers) {

    public Relevance {
        layers = List.copyOf(layers);
    }

    /** Layer {@code l}, from 1 (the first hidden layer). */
    public LayerRelevance layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IllegalArgumentException("layer " + l + " is not between 1 and " + layers.size());
        }
        return layers.get(l - 1);
    }

    static Relevance of(List<LayerReport> reports) {
        List<LayerRelevance> layers = new ArrayList<>();
        for (LayerReport r : reports) {
            layers.add(LayerRelevance.of(layers.size() + 1, r));
        }
        return new Relevance(layers);
    }
}
