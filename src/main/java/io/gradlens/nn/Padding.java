package io.gradlens.nn;

import java.util.Locale;

/**
 * Convolution and pooling padding, as in Keras: {@code valid} uses only full windows; {@code same}
 * pads with zeros so the output has {@code ceil(n / stride)} positions, the odd extra zero going at
 * the end (bottom/right), as TensorFlow does.
 */
public enum Padding {
    VALID, SAME;

    /** Zeros before and after along one axis of length {@code n}. */
    int[] amounts(int n, int kernel, int stride, int dilation) {
        if (this == VALID) {
            return new int[] {0, 0};
        }
        int out = (n + stride - 1) / stride;
        int total = Math.max((out - 1) * stride + (kernel - 1) * dilation + 1 - n, 0);
        return new int[] {total / 2, total - total / 2};
    }

    public String kerasName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Padding fromKerasName(String name) {
        for (Padding p : values()) {
            if (p.kerasName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unsupported padding '" + name + "'; supported: valid, same");
    }
}
