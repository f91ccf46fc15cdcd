package io.gradlens.nn;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.Locale;

/** Activation functions by their Keras names. */
public enum Activation {
    LINEAR, RELU, TANH, SIGMOID, HARD_SIGMOID, SOFTMAX;

    /** Applies the function (softmax over the last axis). */
    public Tensor apply(Tensor x) {
        switch (this) {
            case LINEAR: return x;
            case RELU: return Ops.relu(x);
            case TANH: return Ops.tanh(x);
            case SIGMOID: return Ops.sigmoid(x);
            case HARD_SIGMOID: return Ops.hardSigmoid(x);
            default: return NnOps.softmax(x, -1);
        }
    }

    /** The Keras name, e.g. {@code hard_sigmoid}. */
    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Keras name; the message lists the supported ones. */
    public static Activation fromKerasName(String name) {
        for (Activation a : values()) {
            if (a.kerasName().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unsupported activation '" + name + "'; supported: "
                + Arrays.stream(values()).map(Activation::kerasName).toList());
    }
}
