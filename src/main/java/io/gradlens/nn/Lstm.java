package io.gradlens.nn;

import io.gradlens.autodiff.LstmSequence;
import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.RecurrentOps;
import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Long short-term memory (Hochreiter &amp; Schmidhuber 1997) in Keras' formulation: with {@code z =
 * x_t · kernel + h_{t-1} · recurrent_kernel + bias} split into gates i, f, c, o,
 * {@code c_t = σ(f) ⊙ c_{t-1} + σ(i) ⊙ tanh(c̃)} and {@code h_t = σ(o) ⊙ tanh(c_t)}, where σ is the
 * recurrent activation (sigmoid, or hard sigmoid in Keras 2 files). Kernel [E, 4H],
 * recurrent_kernel [H, 4H], bias [4H] (forget-gate bias initialised to 1, as Keras does). Records
 * {@code <name>/h} and {@code <name>/c} per step.
 *
 * <p>With tanh and a sigmoid or hard-sigmoid recurrent activation each step is one matrix product
 * {@code h_{t-1}·U} and one fused cell ({@link NnOps#lstmCell}), whose backward is one fused
 * operation; other activations use the generic per-gate operations. When no gradient of a
 * gradient can be taken, the whole sequence runs as one {@link LstmSequence} operation instead.
 */
public final class Lstm extends RecurrentLayer {

    private final Activation recurrentActivation;
    private final Tensor kernel;
    private final Tensor recurrentKernel;
    private final Tensor bias;

    public Lstm(String name, long inputDim, int units, boolean returnSequences, Activation activation,
                Activation recurrentActivation, Random random, DataType dtype) {
        super(name, units, returnSequences, activation);
        this.recurrentActivation = recurrentActivation;
        this.kernel = Initializers.glorotUniform(name + "/kernel", random, dtype, inputDim, 4L * units,
                inputDim, 4L * units);
        this.recurrentKernel = Initializers.glorotUniform(name + "/recurrent_kernel", random, dtype, units,
                4L * units, units, 4L * units);
        double[] b = new double[4 * units];
        for (int k = units; k < 2 * units; k++) {
            b[k] = 1.0;
        }
        this.bias = Tensor.variable(Nd4j.create(b, new long[] {4L * units}, 'c').castTo(dtype), name + "/bias");
    }

    /** An LSTM with tanh and sigmoid, as in current Keras. */
    public Lstm(String name, long inputDim, int units, boolean returnSequences, Random random, DataType dtype) {
        this(name, inputDim, units, returnSequences, Activation.TANH, Activation.SIGMOID, random, dtype);
    }

    @Override
    public String type() {
        return "lstm";
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
    protected boolean hasCell() {
        return true;
    }

    @Override
    protected State step(Tensor xt, State previous) {
        RecurrentOps.Gate gate = fusedGate();
        if (gate != null) {
            Tensor[] hc = NnOps.lstmCell(xt, Ops.matmul(previous.h(), recurrentKernel), previous.c(), gate);
            return new State(hc[0], hc[1]);
        }
        Tensor z = Ops.add(xt, Ops.matmul(previous.h(), recurrentKernel));
        Tensor i = recurrentActivation.apply(Ops.slice(z, 1, 0, units));
        Tensor f = recurrentActivation.apply(Ops.slice(z, 1, units, 2L * units));
        Tensor g = activation.apply(Ops.slice(z, 1, 2L * units, 3L * units));
        Tensor o = recurrentActivation.apply(Ops.slice(z, 1, 3L * units, 4L * units));
        Tensor c = Ops.add(Ops.mul(f, previous.c()), Ops.mul(i, g));
        Tensor h = Ops.mul(o, activation.apply(c));
        return new State(h, c);
    }

    /**
     * With the fused activations and when only a first-order gradient can be asked for (at most
     * one tape records), the whole sequence is one {@link LstmSequence} operation; otherwise (e.g.
     * the double backprop of an explanation penalty) the per-step loop, whose backward rules are
     * recorded.
     */
    @Override
    protected Tensor[] wholeSequence(Tensor product, Tensor bias, INDArray mask) {
        RecurrentOps.Gate gate = fusedGate();
        if (gate == null || product.size(1) == 0 || !LstmSequence.firstOrderExpected()) {
            return null;
        }
        return LstmSequence.apply(product, bias, recurrentKernel, mask, gate);
    }

    /** With the fused cell's activations, the hand-derived adjoint ({@link LstmStepLinearization}). */
    @Override
    protected StepLinearizer linearizer(org.nd4j.linalg.api.ndarray.INDArray kernelT,
                                        org.nd4j.linalg.api.ndarray.INDArray projected,
                                        org.nd4j.linalg.api.ndarray.INDArray hPrev,
                                        org.nd4j.linalg.api.ndarray.INDArray cPrev) {
        RecurrentOps.Gate gate = fusedGate();
        if (gate == null) {
            return super.linearizer(kernelT, projected, hPrev, cPrev);
        }
        return LstmStepLinearization.linearizer(kernel.value(), recurrentKernel.value(), projected, hPrev, cPrev,
                gate);
    }

    /** The gate of the fused cell, or null when the activations need the generic path. */
    private RecurrentOps.Gate fusedGate() {
        if (activation != Activation.TANH) {
            return null;
        }
        if (recurrentActivation == Activation.SIGMOID) {
            return RecurrentOps.Gate.SIGMOID;
        }
        return recurrentActivation == Activation.HARD_SIGMOID ? RecurrentOps.Gate.HARD_SIGMOID : null;
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
        return c;
    }
}
