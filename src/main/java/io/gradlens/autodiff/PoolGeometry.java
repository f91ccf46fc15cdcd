package io.gradlens.autodiff;

import java.util.Arrays;

/**
 * The geometry of pooling windows over a channels-last batch [N, H, W, C]: window size, strides,
 * and the implicit padding above and to the left ({@code padTop}, {@code padLeft}) of an output
 * grid of {@code outH × outW} windows. Window {@code (i, j)} covers rows
 * {@code i·sh − padTop … i·sh − padTop + kh − 1} (likewise columns), clipped to the image: padded
 * positions take no part in the maximum, as in Keras' and TensorFlow's "same" max pooling.
 */
public record PoolGeometry(int n, int height, int width, int channels, int kh, int kw, int sh, int sw, int padTop,
                           int padLeft, int outH, int outW) {

    public PoolGeometry {
        if (kh < 1 || kw < 1 || sh < 1 || sw < 1 || outH < 1 || outW < 1) {
            throw new IllegalArgumentException("pool size, strides and output size must be positive: " + this);
        }
        if (padTop < 0 || padLeft < 0 || padTop >= kh || padLeft >= kw) {
            throw new IllegalArgumentException("padding must be at least 0 and smaller than the window: " + this);
        }
        if ((outH - 1) * sh - padTop >= height || (outW - 1) * sw - padLeft >= width) {
            throw new IllegalArgumentException("the last window lies entirely in the padding: " + this);
        }
    }

    /**
     * The geometry for input shape [N, H, W, C] with {@code pad = {top, bottom, left, right}}
     * implicit padding (zeros for "valid" pooling).
     */
    public static PoolGeometry of(long[] inputShape, int kh, int kw, int sh, int sw, int[] pad) {
        if (inputShape.length != 4) {
            throw new IllegalArgumentException("expected a [N, H, W, C] input, got " + Arrays.toString(inputShape));
        }
        int h = Math.toIntExact(inputShape[1]);
        int w = Math.toIntExact(inputShape[2]);
        int outH = (h + pad[0] + pad[1] - kh) / sh + 1;
        int outW = (w + pad[2] + pad[3] - kw) / sw + 1;
        if (h + pad[0] + pad[1] < kh || w + pad[2] + pad[3] < kw) {
            throw new IllegalArgumentException("a " + kh + "x" + kw + " pool window does not fit a " + h + "x" + w
                    + " input");
        }
        return new PoolGeometry(Math.toIntExact(inputShape[0]), h, w, Math.toIntExact(inputShape[3]), kh, kw, sh,
                sw, pad[0], pad[2], outH, outW);
    }

    /** The input shape [N, H, W, C]. */
    public long[] inputShape() {
        return new long[] {n, height, width, channels};
    }

    /** The output shape [N, OH, OW, C]. */
    public long[] outputShape() {
        return new long[] {n, outH, outW, channels};
    }

    void check(long[] shape) {
        if (!Arrays.equals(shape, inputShape())) {
            throw new IllegalArgumentException("max pooling: input shape " + Arrays.toString(shape)
                    + " does not match the geometry " + Arrays.toString(inputShape()));
        }
    }
}
