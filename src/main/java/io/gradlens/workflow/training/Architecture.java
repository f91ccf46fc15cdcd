package io.gradlens.workflow.training;

import io.gradlens.train.Architectures;
import java.util.Arrays;

/**
 * The architectures {@code train} builds, by their command-line names. Text and image classifiers
 * come from {@link Architectures}; {@link #PRICE} is the multi-input price regression model a tabular
 * dataset with the price layout trains; {@link #AUTO} picks by the data (the command line's default
 * when {@code --arch} is not given).
 */
public enum Architecture {
    /** {@link #LSTM} for text, {@link #CNN} for images, {@link #PRICE} for a tabular dataset. */
    AUTO("auto"),
    /** Long short-term memory over token embeddings. */
    LSTM("lstm"),
    /** Gated recurrent unit over token embeddings. */
    GRU("gru"),
    /** Elman recurrent network over token embeddings. */
    RNN("rnn"),
    /** One-dimensional convolution with max-over-time pooling. */
    TEXTCNN("textcnn"),
    /** Two convolution blocks and a dense layer (images). */
    CNN("cnn"),
    /** Mean of token embeddings (text) or the flattened pixels (images), then dense layers. */
    MLP("mlp"),
    /** The price regression model of a tabular dataset with the price layout. */
    PRICE("price");

    private final String cliName;

    Architecture(String cliName) {
        this.cliName = cliName;
    }

    /** The name {@code --arch} takes and a bundle records. */
    public String cliName() {
        return cliName;
    }

    /** The architecture named {@code name} (case-insensitive). */
    public static Architecture fromCliName(String name) {
        return CliNames.find(values(), Architecture::cliName, name).orElseThrow(() ->
                new IllegalArgumentException("unknown architecture '" + name + "'; use one of "
                        + Arrays.stream(values()).map(Architecture::cliName).toList() + " (--arch)"));
    }

    /** {@link #AUTO} resolved for the data: lstm for text, cnn for images, price for tables. */
    public Architecture resolve(DataKind kind) {
        if (this != AUTO) {
            return this;
        }
        return switch (kind) {
            case TEXT -> LSTM;
            case IMAGE -> CNN;
            case TABULAR -> PRICE;
        };
    }

    /** The kinds of training data. */
    public enum DataKind {
        /** Token sequences. */
        TEXT,
        /** Images. */
        IMAGE,
        /** Table rows. */
        TABULAR
    }
}
