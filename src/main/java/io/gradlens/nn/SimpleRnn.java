package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Elman recurrence {@code h_t = activation(x_t · kernel + h_{t-1} · recurrent_kernel + bias)};
 * kernel [E, H], recurrent_kernel [H, H], bias [H].
 */
public final class SimpleRnn extends RecurrentLayer {

    private final Tensor kernel;
    private final Tensor recurrentKernel;
    private final Tensor bias;

    public SimpleRnn(String name, long inputDim, int units, boolean returnSequences, Activation activation,
                     Random random, DataType dtype) {
        super(name, units, returnSequences, activation);
        this.kernel = Initializers.glorotUniform(name + "/kernel", random, dtype, inputDim, units, inputDim, units);
        this.recurrentKernel = Initializers.glorotUniform(name + "/recurrent_kernel", random, dtype, units, units,
                units, units);
        this.bias = Initializers.zeros(name + "/bias", dtype, units);
    }

    @Override
    public String type() {
        return "simple_rnn";
    }

    @Override
    protected Tensor kernel() {
        return kernel;
    }

    @Override
    protected Tensor inputBias() {
        return bias;
    }

    @Override
    protected State step(Tensor xt, State previous) {
        return new State(activation.apply(Ops.add(xt, Ops.matmul(previous.h(), recurrentKernel))), null);
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("kernel", kernel);
        p.put("recurrent_kernel", recurrentKernel);
        p.put("bias", bias);
        return p;
    }
}
