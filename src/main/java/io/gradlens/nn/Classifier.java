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
 *
 * <p>The {@link Head} says what the network's last layer outputs. Models trained by GradLens, and
 * imported classifiers, have {@link Head#SOFTMAX}: the last layer outputs logits and the
 * probabilities are their softmax. Imported models can also be multi-label ({@link Head#SIGMOID}:
 * logits, each class's probability is its own sigmoid) or have plain outputs ({@link Head#LINEAR}:
 * regression values or any other tensor, used as they are).
 */
public final class Classifier implements Model {

    /** What the last layer outputs, and how it becomes the model's outputs. */
    public enum Head {
        /** Class logits [B, C]; outputs = probabilities = softmax over classes. */
        SOFTMAX,
        /** Independent label logits [B, C]; outputs = probabilities = elementwise sigmoid. */
        SIGMOID,
        /** The outputs themselves (e.g. regression values), any shape; no probabilities. */
        LINEAR;

        /** The name in model files, e.g. {@code softmax}. */
        public String fileName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Parses {@link #fileName()}; the message lists the known heads. */
        public static Head fromFileName(String name) {
            for (Head h : values()) {
                if (h.fileName().equals(name)) {
                    return h;
                }
            }
            throw new IllegalArgumentException("unknown head '" + name + "'; known: softmax, sigmoid, linear");
        }
    }

    private final Sequential network;
    private final InputSpec input;
    private final List<String> classNames;
    private final Map<String, Object> provenance;
    private final Head head;

    /** A classifier with a {@link Head#SOFTMAX} head (at least two classes). */
    public Classifier(Sequential network, InputSpec input, List<String> classNames, Map<String, Object> provenance) {
        this(network, input, classNames, provenance, Head.SOFTMAX);
    }

    /**
     * @param classNames the class (SOFTMAX, at least two) or label (SIGMOID, at least one) names; for
     *                   LINEAR the names of the output features, or empty
     * @param head       what the last layer outputs
     */
    public Classifier(Sequential network, InputSpec input, List<String> classNames, Map<String, Object> provenance,
                      Head head) {
        if (head == Head.SOFTMAX && classNames.size() < 2) {
            throw new IllegalArgumentException("a classifier needs at least two classes, got " + classNames);
        }
        if (head == Head.SIGMOID && classNames.isEmpty()) {
            throw new IllegalArgumentException("a multi-label model needs at least one label name");
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
        this.head = head;
    }

    /** What the last layer outputs ({@link Head#SOFTMAX} for every model GradLens trains). */
    public Head head() {
        return head;
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

    @Override
    public Map<String, Object> provenance() {
        return provenance;
    }

    /** By head: {@link Kind#CLASSIFIER}, {@link Kind#MULTI_LABEL_CLASSIFIER} or {@link Kind#REGRESSION}. */
    @Override
    public Kind kind() {
        return switch (head) {
            case SOFTMAX -> Kind.CLASSIFIER;
            case SIGMOID -> Kind.MULTI_LABEL_CLASSIFIER;
            case LINEAR -> Kind.REGRESSION;
        };
    }

    /** The class names. */
    @Override
    public List<String> outputNames() {
        return classNames;
    }

    @Override
    public org.nd4j.linalg.api.buffer.DataType dtype() {
        return network.dtype();
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
    @Override
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

    /**
     * Class probabilities [B, C] of a batch (inference mode): the softmax of the logits, or for a
     * {@link Head#SIGMOID} model each label's sigmoid.
     *
     * @throws IllegalArgumentException for a {@link Head#LINEAR} model, whose outputs are not
     *     probabilities (use {@link #outputs})
     */
    public INDArray probabilities(Tensor batch) {
        if (head == Head.LINEAR) {
            throw new IllegalArgumentException("this model's outputs are plain values (e.g. regression), not class "
                    + "probabilities");
        }
        return outputs(batch);
    }

    /**
     * The model's own outputs for a batch (inference mode): what the original model computed, e.g.
     * the softmax probabilities of an imported Keras classifier, the sigmoid of a multi-label one,
     * the values of a regression model.
     */
    public INDArray outputs(Tensor batch) {
        Tensor last = network.forward(batch, ForwardContext.inference());
        return switch (head) {
            case SOFTMAX -> NnOps.softmax(last, 1).value();
            case SIGMOID -> io.gradlens.autodiff.Ops.sigmoid(last).value();
            case LINEAR -> last.value();
        };
    }
}
