package io.gradlens.autodiff;

import java.util.Arrays;

/**
 * The geometry of sliding windows over a channels-last batch [N, H, W, C]: kernel size, strides
 * and dilations, no padding. The output grid is {@code OH = (H - ((KH-1)·DH + 1)) / SH + 1}, and
 * likewise for width.
 */
public record PatchGeometry(int n, int height, int width, int channels, int kh, int kw, int sh, int sw, int dh,
                            int dw) {

    public PatchGeometry {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || dh < 1 || dw < 1) {
            throw new IllegalArgumentException("kernel, strides and dilations must be positive: " + this);
        }
        if ((kh - 1) * dh + 1 > height || (kw - 1) * dw + 1 > width) {
            throw new IllegalArgumentException("a " + kh + "x" + kw + " window (dilation " + dh + "x" + dw
                    + ") does not fit a " + height + "x" + width + " input");
        }
    }

    /** The geometry for input shape [N, H, W, C]. */
    public static PatchGeometry of(long[] inputShape, int kh, int kw, int sh, int sw, int dh, int dw) {
        if (inputShape.length != 4) {
            throw new IllegalArgumentException("expected a [N, H, W, C] input, got " + Arrays.toString(inputShape));
        }
        return new PatchGeometry(Math.toIntExact(inputShape[0]), Math.toIntExact(inputShape[1]),
                Math.toIntExact(inputShape[2]), Math.toIntExact(inputShape[3]), kh, kw, sh, sw, dh, dw);
    }

    public int outH() {
        return (height - ((kh - 1) * dh + 1)) / sh + 1;
    }

    public int outW() {
        return (width - ((kw - 1) * dw + 1)) / sw + 1;
    }

    void check(long[] shape) {
        long[] expected = {n, height, width, channels};
        if (!Arrays.equals(shape, expected)) {
            throw new IllegalArgumentException("patches: input shape " + Arrays.toString(shape)
                    + " does not match the geometry " + Arrays.toString(expected));
        }
    }
}
