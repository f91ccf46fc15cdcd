package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.PoolGeometry;
import io.gradlens.autodiff.PoolingOps;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Max pooling over windows of sequences [N, T, C] (1-D) or images [N, H, W, C] (2-D), valid or
 * same padding ({@link PoolingOps#maxPool2d}; padded positions never win); the gradient goes to each
 * window's maximum.
 */
public final class MaxPool implements Layer {

    private final String name;
    private final int dims;
    private final int[] pool;
    private final int[] strides;
    private final Padding padding;

    /**
     * @param dims    1 for sequences, 2 for images
     * @param pool    window size per spatial axis
     * @param strides step per spatial axis (Keras default: the pool size)
     */
    public MaxPool(String name, int dims, int[] pool, int[] strides, Padding padding) {
        if (dims != 1 && dims != 2 || pool.length != dims || strides.length != dims) {
            throw new IllegalArgumentException("max pool '" + name + "': need " + dims + " pool sizes and strides");
        }
        this.name = name;
        this.dims = dims;
        this.pool = pool.clone();
        this.strides = strides.clone();
        this.padding = padding;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return dims == 1 ? "max_pool1d" : "max_pool2d";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        if (x.rank() != dims + 2) {
            throw new IllegalArgumentException(type() + " layer '" + name + "' expects rank " + (dims + 2)
                    + ", got " + Arrays.toString(x.shape()));
        }
        Tensor image = dims == 1 ? Ops.reshape(x, x.size(0), 1, x.size(1), x.size(2)) : x;
        PoolGeometry g = geometry(image.shape());
        Tensor pooled = PoolingOps.maxPool2d(image, g);
        return dims == 1 ? Ops.reshape(pooled, g.n(), g.outW(), g.channels()) : pooled;
    }

    /** Whether this layer pools images (2-D) rather than sequences. */
    boolean isTwoDimensional() {
        return dims == 2;
    }

    /** The pooling windows over an image batch of {@code imageShape} [N, H, W, C]. */
    PoolGeometry geometry(long[] imageShape) {
        int[] k = dims == 1 ? new int[] {1, pool[0]} : pool;
        int[] s = dims == 1 ? new int[] {1, strides[0]} : strides;
        int[] ph = padding.amounts((int) imageShape[1], k[0], s[0], 1);
        int[] pw = padding.amounts((int) imageShape[2], k[1], s[1], 1);
        return PoolGeometry.of(imageShape, k[0], k[1], s[0], s[1], new int[] {ph[0], ph[1], pw[0], pw[1]});
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("pool_size", dims == 1 ? (Object) pool[0] : List.of(pool[0], pool[1]));
        c.put("strides", dims == 1 ? (Object) strides[0] : List.of(strides[0], strides[1]));
        c.put("padding", padding.kerasName());
        return c;
    }

    @Override
    public long[] outputShape(long[] in) {
        if (dims == 1) {
            return new long[] {Conv2d.outputLength(in[0], pool[0], strides[0], 1, padding), in[1]};
        }
        return new long[] {Conv2d.outputLength(in[0], pool[0], strides[0], 1, padding),
            Conv2d.outputLength(in[1], pool[1], strides[1], 1, padding), in[2]};
    }
}
