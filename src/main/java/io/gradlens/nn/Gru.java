package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Gated recurrent unit (Cho et al. 2014) in Keras' formulation, gates in the order z, r, h:
 * {@code z = σ(x_z + h·U_z)}, {@code r = σ(x_r + h·U_r)}, {@code h_t = z ⊙ h_{t-1} + (1 − z) ⊙ h̃}.
 * With {@code reset_after} (Keras 2.x default, cuDNN-compatible) {@code h̃ = tanh(x_h + r ⊙ (h·U_h +
 * b_rec,h))} and bias [2, 3H] (input row, recurrent row); without it {@code h̃ = tanh(x_h + (r ⊙ h) ·
 * U_h)} and bias [3H]. Kernel [E, 3H], recurrent_kernel [H, 3H].
 */
public final class Gru extends RecurrentLayer {

    private final Activation recurrentActivation;
    private final boolean resetAfter;
    private final Tensor kernel;
    private final Tensor recurrentKernel;
    private final Tensor bias;
    private Tensor inputBias;
    private Tensor recurrentBias;
    private Tensor recurrentZr;
    private Tensor recurrentH;

    public Gru(String name, long inputDim, int units, boolean returnSequences, boolean resetAfter,
               Activation activation, Activation recurrentActivation, Random random, DataType dtype) {
        super(name, units, returnSequences, activation);
        this.recurrentActivation = recurrentActivation;
        this.resetAfter = resetAfter;
        this.kernel = Initializers.glorotUniform(name + "/kernel", random, dtype, inputDim, 3L * units,
                inputDim, 3L * units);
        this.recurrentKernel = Initializers.glorotUniform(name + "/recurrent_kernel", random, dtype, units,
                3L * units, units, 3L * units);
        this.bias = resetAfter ? Initializers.zeros(name + "/bias", dtype, 2, 3L * units)
                : Initializers.zeros(name + "/bias", dtype, 3L * units);
    }

    @Override
    public String type() {
        return "gru";
    }

    public boolean resetAfter() {
        return resetAfter;
    }

    @Override
    protected Tensor kernel() {
        return kernel;
    }

    @Override
    protected void beginPass() {
        if (resetAfter) {
            inputBias = Ops.reshape(Ops.slice(bias, 0, 0, 1), 3L * units);
            recurrentBias = Ops.reshape(Ops.slice(bias, 0, 1, 2), 3L * units);
        } else {
            inputBias = bias;
            recurrentZr = Ops.slice(recurrentKernel, 1, 0, 2L * units);
            recurrentH = Ops.slice(recurrentKernel, 1, 2L * units, 3L * units);
        }
    }

    @Override
    protected Tensor inputBias() {
        return inputBias;
    }

    @Override
    protected State step(Tensor xt, State previous) {
        Tensor h = previous.h();
        Tensor xz = Ops.slice(xt, 1, 0, units);
        Tensor xr = Ops.slice(xt, 1, units, 2L * units);
        Tensor xh = Ops.slice(xt, 1, 2L * units, 3L * units);
        Tensor z;
        Tensor candidate;
        if (resetAfter) {
            Tensor rec = Ops.add(Ops.matmul(h, recurrentKernel), recurrentBias);
            z = recurrentActivation.apply(Ops.add(xz, Ops.slice(rec, 1, 0, units)));
            Tensor r = recurrentActivation.apply(Ops.add(xr, Ops.slice(rec, 1, units, 2L * units)));
            candidate = activation.apply(Ops.add(xh, Ops.mul(r, Ops.slice(rec, 1, 2L * units, 3L * units))));
        } else {
            Tensor rec = Ops.matmul(h, recurrentZr);
            z = recurrentActivation.apply(Ops.add(xz, Ops.slice(rec, 1, 0, units)));
            Tensor r = recurrentActivation.apply(Ops.add(xr, Ops.slice(rec, 1, units, 2L * units)));
            candidate = activation.apply(Ops.add(xh, Ops.matmul(Ops.mul(r, h), recurrentH)));
        }
        // h_t = z ⊙ h + (1 − z) ⊙ h̃ = h̃ + z ⊙ (h − h̃)
        Tensor next = Ops.add(candidate, Ops.mul(z, Ops.sub(h, candidate)));
        return new State(next, null);
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("kernel", kernel);
        p.put("recurrent_kernel", recurrentKernel);
        p.put("bias", bias);
        return p;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = super.config();
        c.put("recurrent_activation", recurrentActivation.kerasName());
        c.put("reset_after", resetAfter);
        return c;
    }
}
