package io.gradlens.nn;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.Locale;

/**
 * Activation functions by their Keras names. {@link #HARD_SIGMOID} is Keras 2's and TensorFlow.js'
 * {@code clip(0.2x + 0.5, 0, 1)}; {@link #HARD_SIGMOID_KERAS3} ({@code hard_sigmoid_keras3} in model
 * files) is Keras 3's {@code relu6(x + 3) / 6}, which Keras 3 files call {@code hard_sigmoid}.
 */
public enum Activation {
    LINEAR, RELU, TANH, SIGMOID, HARD_SIGMOID, SOFTMAX, HARD_SIGMOID_KERAS3;

    /** Applies the function (softmax over the last axis). */
    public Tensor apply(Tensor x) {
        switch (this) {
            case LINEAR: return x;
            case RELU: return Ops.relu(x);
            case TANH: return Ops.tanh(x);
            case SIGMOID: return Ops.sigmoid(x);
            case HARD_SIGMOID: return Ops.hardSigmoid(x);
            case HARD_SIGMOID_KERAS3: {
                // relu6(x + 3) / 6 = clip(x/6 + 1/2, 0, 1) = relu(y) − relu(y − 1), y = x/6 + 1/2
                Tensor y = Ops.addScalar(Ops.mulScalar(x, 1.0 / 6.0), 0.5);
                return Ops.sub(Ops.relu(y), Ops.relu(Ops.addScalar(y, -1.0)));
            }
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
