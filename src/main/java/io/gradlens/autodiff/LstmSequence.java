package io.gradlens.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A whole LSTM sequence (Hochreiter &amp; Schmidhuber 1997, Keras gate order i, f, c, o) as one
 * recorded operation with 2T outputs {@code h_1..h_T, c_1..c_T}, and a first-order backward pass
 * that is plain backpropagation through time (Werbos 1990) on raw arrays ({@link LstmKernel}).
 *
 * <p><b>Why.</b> The per-step form ({@link RecurrentOps#lstmCell} plus one recurrent matrix product
 * per step) records ~2T tape entries and, backwards, runs each step's rules through the tape: a
 * product for U's gradient per step and T additions to accumulate it. This operation runs the
 * same arithmetic without tape bookkeeping, writes every step into preallocated [B, T, ·] arrays,
 * runs the gate math of a step as one Java loop (one native call per step each way, the
 * recurrent matrix product), and computes U's gradient as one matrix product
 * {@code Σ_t h_{t-1}ᵀ·dz_t = H_prevᵀ·dZ} over all T·B rows, like PyTorch's
 * {@code create_graph=False} backward.
 *
 * <p><b>Exactness.</b> The fast backward is used only when no tape is recording while it runs, i.e.
 * when nobody can differentiate the gradient. When a tape does record (gradients of gradients),
 * the backward rule is the vector-Jacobian product of {@link #reference}: the per-step recorded
 * form, whose own backward rules are exact to any order. Callers that expect a recorded backward
 * from the start (two or more recording tapes, see {@link #firstOrderExpected}) should use the
 * per-step form directly, which avoids recomputing the forward pass.
 *
 * <p><b>Padding.</b> Where {@code mask[b, t] = 0} the state is carried over ({@code h_t = h_{t-1},
 * c_t = c_{t-1}}), computed as {@code new·m + old·(1 − m)} exactly as {@link Ops#where} does.
 *
 * <p><b>Limitation.</b> The per-step states are outputs of this one entry, so a gradient taken
 * <em>with respect to</em> a middle state h_t (as a source) counts only its direct uses, not the
 * path through later steps; gradients of any function <em>of</em> the states (as targets, as the
 * hidden-state maps take them) are exact.
 */
public final class LstmSequence {

    private LstmSequence() {
    }

    /**
     * Whether the whole-sequence operation fits what is being computed now: at most one tape
     * records, so no tape that sees this forward pass will also record its backward pass.
     */
    public static boolean firstOrderExpected() {
        return ActiveTapes.recordingCount() <= 1;
    }

    /**
     * Runs the LSTM over all steps.
     *
     * @param projected       the input projection {@code x_t·W + b} of every step, [B, T, 4H]
     * @param recurrentKernel U, [H, 4H]
     * @param mask            real (1) and padding (0) positions, [B, T], or {@code null}
     * @param gate            the recurrent activation σ (the cell activation is tanh)
     * @return {@code h_1..h_T} then {@code c_1..c_T}, each [B, H]
     */
    public static Tensor[] apply(Tensor projected, Tensor recurrentKernel, INDArray mask, RecurrentOps.Gate gate) {
        return apply(projected, null, recurrentKernel, mask, gate);
    }

    /**
     * Runs the LSTM over all steps, adding the input bias inside the operation: the same function
     * as {@link #apply(Tensor, Tensor, INDArray, RecurrentOps.Gate)} of {@code projected + bias},
     * without materialising that [B, T, 4H] sum forwards or reducing its gradient over the T·B rows
     * backwards (the kernel adds the bias once, to the gate array it starts from, and sums the
     * bias gradient in the loop that writes the gate gradients). With the fused kernels off
     * ({@link ArrayAccess#hostKernelsAllowed()}) this is {@link #reference(Tensor, Tensor, Tensor,
     * INDArray, RecurrentOps.Gate)}.
     *
     * @param product         the input product {@code x_t·W} of every step, [B, T, 4H]
     * @param bias            the input bias, [4H], or {@code null} for none
     * @param recurrentKernel U, [H, 4H]
     * @param mask            real (1) and padding (0) positions, [B, T], or {@code null}
     * @param gate            the recurrent activation σ (the cell activation is tanh)
     * @return {@code h_1..h_T} then {@code c_1..c_T}, each [B, H]
     */
    public static Tensor[] apply(Tensor product, Tensor bias, Tensor recurrentKernel, INDArray mask,
                                 RecurrentOps.Gate gate) {
        check(product, recurrentKernel, mask);
        checkBias(bias, product);
        if (!ArrayAccess.hostKernelsAllowed()) {
            return reference(product, bias, recurrentKernel, mask, gate);
        }
        int steps = (int) product.size(1);
        LstmKernel.Saved saved = LstmKernel.forward(product.value(), bias == null ? null : bias.value(),
                recurrentKernel.value(), keepColumns(mask, steps), gate);
        INDArray[] outs = new INDArray[2 * steps];
        for (int t = 0; t < steps; t++) {
            outs[t] = saved.hAfter(t);
            outs[steps + t] = saved.cAfter(t);
        }
        Tensor[] inputs = bias == null ? new Tensor[] {product, recurrentKernel}
                : new Tensor[] {product, recurrentKernel, bias};
        return ActiveTapes.recordMulti("lstmSequence", outs, (ups, need) -> {
            if (ActiveTapes.recordingCount() > 0) {
                return RecurrentOps.viaReference(ups, need, inputs,
                        ins -> reference(ins[0], ins.length > 2 ? ins[2] : null, ins[1], mask, gate));
            }
            INDArray[] upstream = new INDArray[ups.length];
            for (int k = 0; k < ups.length; k++) {
                upstream[k] = ups[k] == null ? null : ups[k].value();
            }
            boolean[] wanted = {need[0], need[1], need.length > 2 && need[2]};
            INDArray[] d = LstmKernel.backward(saved, recurrentKernel.value(), upstream, wanted);
            Tensor[] grads = new Tensor[inputs.length];
            for (int k = 0; k < grads.length; k++) {
                grads[k] = d[k] == null ? null : Tensor.constant(d[k]);
            }
            return grads;
        }, inputs);
    }

    /**
     * The same function in per-step recorded operations (one fused cell and one matrix product per
     * step, padding through {@link Ops#where}): the definition of every higher-order derivative.
     */
    public static Tensor[] reference(Tensor projected, Tensor recurrentKernel, INDArray mask, RecurrentOps.Gate gate) {
        return reference(projected, null, recurrentKernel, mask, gate);
    }

    /** {@link #apply(Tensor, Tensor, Tensor, INDArray, RecurrentOps.Gate)} in per-step recorded operations. */
    public static Tensor[] reference(Tensor product, Tensor bias, Tensor recurrentKernel, INDArray mask,
                                     RecurrentOps.Gate gate) {
        check(product, recurrentKernel, mask);
        checkBias(bias, product);
        Tensor projected = bias == null ? product : Ops.add(product, bias);
        int steps = (int) projected.size(1);
        Tensor[] perStep = Ops.unstack(projected, 1);
        Tensor zeros = Tensor.constant(Nd4j.zeros(projected.dtype(), projected.size(0), recurrentKernel.size(0)));
        Tensor h = zeros;
        Tensor c = zeros;
        Tensor[] out = new Tensor[2 * steps];
        for (int t = 0; t < steps; t++) {
            Tensor[] hc = RecurrentOps.lstmCell(perStep[t], Ops.matmul(h, recurrentKernel), c, gate);
            if (mask != null) {
                Tensor keep = Tensor.constant(mask.getColumn(t).reshape(projected.size(0), 1).dup());
                hc = new Tensor[] {Ops.where(keep, hc[0], h), Ops.where(keep, hc[1], c)};
            }
            h = hc[0];
            c = hc[1];
            out[t] = h;
            out[steps + t] = c;
        }
        return out;
    }

    private static void check(Tensor projected, Tensor kernel, INDArray mask) {
        if (projected.rank() != 3 || kernel.rank() != 2 || projected.size(2) != 4 * kernel.size(0)
                || kernel.size(1) != 4 * kernel.size(0)) {
            throw new IllegalArgumentException("lstmSequence needs a projection [B, T, 4H] and a recurrent kernel "
                    + "[H, 4H], got " + Arrays.toString(projected.shape()) + " and " + Arrays.toString(kernel.shape()));
        }
        if (projected.dtype() != kernel.dtype() || !projected.isFloatingPoint()) {
            throw new IllegalArgumentException("lstmSequence needs floating-point operands of one type, got "
                    + projected.dtype() + " and " + kernel.dtype());
        }
        if (mask != null && (mask.rank() != 2 || mask.size(0) != projected.size(0)
                || mask.size(1) != projected.size(1))) {
            throw new IllegalArgumentException("lstmSequence: the mask must be [B, T] = [" + projected.size(0) + ", "
                    + projected.size(1) + "], got " + Arrays.toString(mask.shape()));
        }
    }

    private static void checkBias(Tensor bias, Tensor product) {
        if (bias != null && (bias.rank() != 1 || bias.size(0) != product.size(2) || bias.dtype() != product.dtype())) {
            throw new IllegalArgumentException("lstmSequence needs a bias [" + product.size(2) + "] of type "
                    + product.dtype() + ", got " + Arrays.toString(bias.shape()) + " " + bias.dtype());
        }
    }

    /** Per step: null where no row is padding, else the mask column m[b]. */
    private static double[][] keepColumns(INDArray mask, int steps) {
        double[][] keep = new double[steps][];
        if (mask == null) {
            return keep;
        }
        double[][] m = mask.castTo(DataType.DOUBLE).toDoubleMatrix();
        for (int t = 0; t < steps; t++) {
            boolean padded = false;
            for (double[] row : m) {
                padded |= row[t] != 1.0;
            }
            if (padded) {
                keep[t] = new double[m.length];
                for (int b = 0; b < m.length; b++) {
                    keep[t][b] = m[b][t];
                }
            }
        }
        return keep;
    }
}
