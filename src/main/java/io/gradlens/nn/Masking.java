package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Marks the time steps of [B, T, F] inputs whose features all equal {@code mask_value} as padding
 * (Keras {@code Masking}): it sets the batch's sequence mask, so recurrent layers carry their state
 * over those steps and masked pooling skips them, and outputs the input with those steps zeroed.
 */
public final class Masking implements Layer {

    private final String name;
    private final double maskValue;

    /**
     * @param name      the layer name
     * @param maskValue the value that marks a padded step when every feature of the step has it
     */
    public Masking(String name, double maskValue) {
        this.name = name;
        this.maskValue = maskValue;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "masking";
    }

    /** The padding value. */
    public double maskValue() {
        return maskValue;
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException("masking layer '" + name + "' expects [batch, time, features], got "
                    + Arrays.toString(x.shape()));
        }
        INDArray differs = x.value().neq(maskValue).castTo(x.dtype());
        INDArray keep = differs.max(2).castTo(x.dtype()); // [B, T]: 1 where any feature differs
        context.setSequenceMask(Tensor.constant(keep));
        return Ops.mul(x, Tensor.constant(keep.reshape(keep.size(0), keep.size(1), 1)));
    }

    @Override
    public Map<String, Tensor> parameters() {
        return Map.of();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mask_value", maskValue);
        return c;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return inputShape.clone();
    }
}
