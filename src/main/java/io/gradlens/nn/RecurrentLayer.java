package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The time loop shared by SimpleRNN, LSTM and GRU. The input product {@code x · kernel} is one
 * matrix product over all timesteps (the bias added once to all of them, or inside a whole-sequence
 * operation); each step then adds the recurrent part. At padded
 * positions (sequence mask 0) the state is carried over unchanged, so padding changes neither the
 * prediction nor any gradient. Each step's hidden state is recorded in the {@link ForwardContext}
 * under {@code <name>/h}. A subclass may run the whole sequence as one operation instead
 * ({@link #wholeSequence}).
 */
public abstract class RecurrentLayer implements Layer {

    protected final String name;
    protected final int units;
    protected final boolean returnSequences;
    protected final Activation activation;

    protected RecurrentLayer(String name, int units, boolean returnSequences, Activation activation) {
        this.name = name;
        this.units = units;
        this.returnSequences = returnSequences;
        this.activation = activation;
    }

    /** The recurrent state: h, plus c for an LSTM. */
    protected record State(Tensor h, Tensor c) {
    }

    /** The input kernel [E, gates·H]. */
    protected abstract Tensor kernel();

    /** The bias added to the input projection. */
    protected abstract Tensor inputBias();

    /** Prepares per-pass tensors derived from the weights (e.g. slices), once per forward pass. */
    protected void beginPass() {
    }

    /** One step from the projected input {@code xt} [B, gates·H] and the previous state. */
    protected abstract State step(Tensor xt, State previous);

    /**
     * Makes the linearisations of this layer's steps around one recorded pass; called once per
     * {@link RecurrentTrace}, so it may precompute for all steps at once. The default differentiates
     * {@link #step} with the tape ({@link TapedStepLinearization}); a cell with a hand-derived adjoint
     * overrides it.
     *
     * @param kernelT   the input kernel transposed, [gates·H, E]
     * @param projected x_t·kernel + bias for every t, [T, gates·H]
     * @param hPrev     h_{t-1} for every t (row 0 the initial zeros), [T, H]
     * @param cPrev     c_{t-1} likewise, or null for cells without a cell state
     */
    protected StepLinearizer linearizer(INDArray kernelT, INDArray projected, INDArray hPrev, INDArray cPrev) {
        return t -> new TapedStepLinearization(this, kernelT, projected.getRow(t, true), hPrev.getRow(t, true),
                cPrev == null ? null : cPrev.getRow(t, true));
    }

    /** The linearisation of each step of one recorded pass. */
    @FunctionalInterface
    protected interface StepLinearizer {
        /** The linearisation of step t. */
        StepLinearization at(int t);
    }

    /**
     * Runs this layer over one sequence x [1, T, E] without recording and keeps every step, so that
     * batches of cotangents can be pulled back through it step by step (see {@link RecurrentTrace}).
     * Padding is not handled: x must be a sequence without padded steps.
     */
    public RecurrentTrace trace(INDArray x) {
        if (x.rank() != 3 || x.size(2) != kernel().size(0)) {
            throw new IllegalArgumentException(type() + " layer '" + name + "' expects [1, time, "
                    + kernel().size(0) + "], got " + Arrays.toString(x.shape()));
        }
        return new RecurrentTrace(this, x);
    }

    /** Whether the state has a cell part (LSTM). */
    protected boolean hasCell() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    public int units() {
        return units;
    }

    public boolean returnSequences() {
        return returnSequences;
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        if (x.rank() != 3 || x.size(2) != kernel().size(0)) {
            throw new IllegalArgumentException(type() + " layer '" + name + "' expects [batch, time, "
                    + kernel().size(0) + "], got " + Arrays.toString(x.shape()));
        }
        long batch = x.size(0);
        long steps = x.size(1);
        long gates = kernel().size(1);
        beginPass();
        Tensor product = Ops.matmul(Ops.reshape(x, -1, x.size(2)), kernel());
        INDArray mask = context.sequenceMask() == null ? null : context.sequenceMask().value();
        Tensor[] whole = wholeSequence(Ops.reshape(product, batch, steps, gates), inputBias(), mask);
        List<Tensor> hs;
        List<Tensor> cs;
        if (whole != null) {
            hs = Arrays.asList(whole).subList(0, (int) steps);
            cs = hasCell() ? Arrays.asList(whole).subList((int) steps, 2 * (int) steps) : null;
        } else {
            hs = new ArrayList<>((int) steps);
            cs = hasCell() ? new ArrayList<>((int) steps) : null;
            loop(Ops.reshape(Ops.add(product, inputBias()), batch, steps, gates), mask, hs, cs);
        }
        context.recordStates(name + "/h", hs);
        if (cs != null) {
            context.recordStates(name + "/c", cs);
        }
        if (!returnSequences) {
            return hs.isEmpty() ? Tensor.constant(Nd4j.zeros(x.dtype(), batch, units)) : hs.get(hs.size() - 1);
        }
        return Ops.stack(1, hs.toArray(new Tensor[0]));
    }

    /**
     * The whole sequence as one operation, or {@code null} (the default) to run the per-step loop.
     * The input bias comes separately so that the operation can add it itself (see {@link
     * io.gradlens.autodiff.LstmSequence}).
     *
     * @param product the input product {@code x_t · kernel} of every step, without the bias, [B, T, gates·H]
     * @param bias    the input bias, [gates·H]
     * @param mask    real (1) and padding (0) positions [B, T], or {@code null}
     * @return {@code h_1..h_T}, followed by {@code c_1..c_T} when {@link #hasCell()}
     */
    protected Tensor[] wholeSequence(Tensor product, Tensor bias, INDArray mask) {
        return null;
    }

    /** The per-step loop: appends each step's h (and c) to {@code hs} (and {@code cs}). */
    private void loop(Tensor projected, INDArray mask, List<Tensor> hs, List<Tensor> cs) {
        long batch = projected.size(0);
        long steps = projected.size(1);
        // One operation splits the projection into per-step inputs; its backward rule stacks the
        // per-step gradients once (a slice per step would pad each gradient to the full tensor).
        Tensor[] perStepInput = Ops.unstack(projected, 1);
        Tensor zeros = Tensor.constant(Nd4j.zeros(projected.dtype(), batch, units));
        State state = new State(zeros, hasCell() ? zeros : null);
        for (long t = 0; t < steps; t++) {
            Tensor xt = perStepInput[(int) t];
            State next = step(xt, state);
            if (mask != null) {
                Tensor keep = Tensor.constant(mask.getColumn(t).reshape(batch, 1).dup());
                next = new State(Ops.where(keep, next.h(), state.h()),
                        hasCell() ? Ops.where(keep, next.c(), state.c()) : null);
            }
            state = next;
            hs.add(state.h());
            if (cs != null) {
                cs.add(state.c());
            }
        }
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("units", units);
        c.put("return_sequences", returnSequences);
        c.put("activation", activation.kerasName());
        return c;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return returnSequences ? new long[] {inputShape[0], units} : new long[] {units};
    }
}
