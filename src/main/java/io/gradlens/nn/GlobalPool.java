package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Global max or average pooling over the time axis of [N, T, C] or the spatial axes of [N, H, W,
 * C]. Over padded sequences only real positions count.
 */
public final class GlobalPool implements Layer {

    /** The reduction. */
    public enum Kind { MAX, AVERAGE }

    private static final double FAR_BELOW = -1e9;

    private final String name;
    private final Kind kind;
    private final int dims;

    public GlobalPool(String name, Kind kind, int dims) {
        this.name = name;
        this.kind = kind;
        this.dims = dims;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "global_" + (kind == Kind.MAX ? "max" : "average") + "_pool" + dims + "d";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        if (x.rank() != dims + 2) {
            throw new IllegalArgumentException(type() + " layer '" + name + "' expects rank " + (dims + 2)
                    + ", got " + Arrays.toString(x.shape()));
        }
        Tensor mask = dims == 1 ? context.sequenceMask() : null;
        if (mask != null && mask.size(1) != x.size(1)) {
            mask = null; // a valid convolution shortened the sequence: no per-position mask applies
        }
        if (dims == 2) {
            return kind == Kind.MAX ? Ops.max(x, false, 1, 2) : Ops.mean(x, false, 1, 2);
        }
        if (mask == null) {
            return kind == Kind.MAX ? Ops.max(x, false, 1) : Ops.mean(x, false, 1);
        }
        INDArray m = mask.value().reshape(mask.size(0), mask.size(1), 1).castTo(x.dtype());
        Tensor keep = Tensor.constant(m);
        if (kind == Kind.MAX) {
            Tensor floor = Tensor.constant(org.nd4j.linalg.factory.Nd4j.valueArrayOf(new long[] {1}, FAR_BELOW,
                    x.dtype()));
            return Ops.max(Ops.where(keep, x, floor), false, 1);
        }
        Tensor counts = Tensor.constant(m.sum(true, 1));
        return Ops.div(Ops.sum(Ops.mul(x, keep), false, 1), Ops.reshape(counts, counts.size(0), 1));
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> config() {
        return new LinkedHashMap<>();
    }

    @Override
    public long[] outputShape(long[] in) {
        return new long[] {in[in.length - 1]};
    }
}
