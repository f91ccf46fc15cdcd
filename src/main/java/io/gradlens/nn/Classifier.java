package io.gradlens.nn;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Tensor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A network that maps inputs to class logits, with what it needs to be used and explained: its
 * input specification (vocabulary or image shape), class names, and provenance (dataset,
 * hyperparameters, seed, versions, date).
 */
public final class Classifier {

    private final Sequential network;
    private final InputSpec input;
    private final List<String> classNames;
    private final Map<String, Object> provenance;

    public Classifier(Sequential network, InputSpec input, List<String> classNames, Map<String, Object> provenance) {
        if (classNames.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classNames);
        }
        if (input instanceof InputSpec.Tokens tokens) {
            if (!network.takesTokenIds()) {
                throw new IllegalArgumentException("a text classifier's first layer must be an embedding");
            }
            Embedding e = (Embedding) network.layer(0);
            if (e.vocabularySize() != tokens.vocabulary().size()) {
                throw new IllegalArgumentException("the vocabulary has " + tokens.vocabulary().size()
                        + " entries but the embedding layer '" + e.name() + "' has " + e.vocabularySize() + " rows");
            }
        }
        this.network = network;
        this.input = input;
        this.classNames = List.copyOf(classNames);
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    public Sequential network() {
        return network;
    }

    public InputSpec input() {
        return input;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    public Map<String, Object> provenance() {
        return provenance;
    }

    /** Whether this classifier reads text. */
    public boolean isText() {
        return input instanceof InputSpec.Tokens;
    }

    /** The token input specification; an exception naming the model kind if it does not read text. */
    public InputSpec.Tokens tokens() {
        if (input instanceof InputSpec.Tokens t) {
            return t;
        }
        throw new IllegalArgumentException("this model reads " + describeInput() + ", not text");
    }

    /** A short description of the input, e.g. {@code images 28x28x1}. */
    public String describeInput() {
        if (input instanceof InputSpec.Image img) {
            return "images " + img.height() + "x" + img.width() + "x" + img.channels();
        }
        if (input instanceof InputSpec.Numeric n) {
            return "numeric tensors " + java.util.Arrays.toString(n.shape());
        }
        return "text (" + tokens().vocabulary().size() + " words)";
    }

    /** The id tensor [1, T] of one text. */
    public Tensor encodeText(String text) {
        int[] ids = tokens().encode(text);
        return Tensor.constant(Nd4j.createFromArray(new int[][] {ids}));
    }

    /** Class probabilities [B, C] of a batch (inference mode). */
    public INDArray probabilities(Tensor batch) {
        Tensor logits = network.forward(batch, ForwardContext.inference());
        return NnOps.softmax(logits, 1).value();
    }
}
