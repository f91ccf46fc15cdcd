package io.gradlens.nn;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A fully connected layer {@code activation(x · kernel + bias)} over the last axis; kernel [in,
 * out], bias [out].
 */
public final class Dense implements Layer {

    private final String name;
    private final int units;
    private final Activation activation;
    private final Tensor kernel;
    private final Tensor bias;

    public Dense(String name, long inputDim, int units, Activation activation, Random random, DataType dtype) {
        this.name = name;
        this.units = units;
        this.activation = activation;
        this.kernel = Initializers.glorotUniform(name + "/kernel", random, dtype, inputDim, units, inputDim, units);
        this.bias = Initializers.zeros(name + "/bias", dtype, units);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        long in = kernel.size(0);
        if (x.size(-1) != in) {
            throw new IllegalArgumentException("dense layer '" + name + "' expects " + in + " input features, got "
                    + x.size(-1));
        }
        // one fused op for product, bias and (when it is the activation) the rectifier
        boolean relu = activation == Activation.RELU;
        Tensor y;
        if (x.rank() == 2) {
            y = NnOps.dense(x, kernel, bias, relu);
        } else {
            long[] shape = x.shape().clone();
            shape[shape.length - 1] = units;
            y = Ops.reshape(NnOps.dense(Ops.reshape(x, -1, in), kernel, bias, relu), shape);
        }
        return relu ? y : activation.apply(y);
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("kernel", kernel);
        p.put("bias", bias);
        return p;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("units", units);
        c.put("activation", activation.kerasName());
        return c;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }
}
