package io.gradlens.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Fused recurrent cells: one recorded operation per time step instead of a dozen, with a
 * first-order backward rule that is itself one fused operation.
 *
 * <h2>LSTM cell (Keras gate order i, f, c, o)</h2>
 * Inputs: the projected input {@code x} [B, 4H] (= x_t·W + b), the recurrent part {@code r} [B,
 * 4H] (= h_{t-1}·U) and the previous cell state {@code c'} [B, H]. With {@code z = x + r} split
 * column-wise into four [B, H] blocks,
 * <pre>
 *   i = σ(z_i), f = σ(z_f), g = tanh(z_g), o = σ(z_o)
 *   c = f ⊙ c' + i ⊙ g,        h = o ⊙ tanh(c)
 * </pre>
 * where σ is the logistic sigmoid or Keras' hard sigmoid {@code clip(0.2z + 0.5, 0, 1)}.
 * {@link #lstmCell} returns {@code {h, c}}, two outputs of one tape entry.
 *
 * <p><b>First-order backward</b> ({@link #lstmCellGrad}, one fused operation with two outputs):
 * given upstream {@code dh}, {@code dc} (zero where unused),
 * <pre>
 *   τ   = tanh(c),  δc = dc + dh ⊙ o ⊙ (1 − τ²)
 *   dz  = [δc ⊙ g ⊙ σ'(i) | δc ⊙ c' ⊙ σ'(f) | δc ⊙ i ⊙ (1 − g²) | dh ⊙ τ ⊙ σ'(o)]
 *   dc' = δc ⊙ f
 * </pre>
 * with {@code σ'(a) = a(1 − a)} for the sigmoid (a the activation) and {@code 0.2·[−2.5 < z < 2.5]}
 * for the hard sigmoid; {@code dx = dr = dz}. It reuses the gate activations saved by the forward
 * pass and runs as one Java loop over the cells ({@link LstmCellKernel}).
 *
 * <p><b>Higher order.</b> The fused gradient is a function of {@code (x, r, c', dh, dc)}. Its own
 * backward rule is again one fused operation, {@link #lstmCellGradVjp}, derived by hand (see
 * {@link LstmCellKernel}), so double backpropagation (the RRR penalty) costs one recorded
 * operation per cell and order. The backward rule of that operation (third order) recomputes the
 * gradient with generic recorded {@link Ops} ({@link #lstmCellGradReference}) under private tapes
 * and returns their vector-Jacobian product, whose operations every outer tape records; so
 * gradients stay exact to any order.
 */
public final class RecurrentOps {

    /** The gate (recurrent) activation of a fused cell. */
    public enum Gate {
        /** {@code 1 / (1 + e^{−z})}. */
        SIGMOID,
        /** Keras' {@code clip(0.2z + 0.5, 0, 1)}. */
        HARD_SIGMOID
    }

    private RecurrentOps() {
    }

    private static INDArrayIndex[] block(long from, long to) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(from, to)};
    }

    /** Applies the gate function in place on a (possibly strided) view. */
    private static void gateInPlace(INDArray view, Gate gate) {
        if (gate == Gate.SIGMOID) {
            Transforms.sigmoid(view, false);
        } else {
            view.muli(0.2).addi(0.5);
            Transforms.max(view, 0.0, false);
            Transforms.min(view, 1.0, false);
        }
    }

    private static void checkLstm(Tensor x, Tensor r, Tensor cPrev) {
        if (x.rank() != 2 || r.rank() != 2 || cPrev.rank() != 2 || x.size(1) != 4 * cPrev.size(1)
                || !java.util.Arrays.equals(x.shape(), r.shape()) || x.size(0) != cPrev.size(0)) {
            throw new IllegalArgumentException("lstmCell needs x and r of shape [B, 4H] and c of shape [B, H], got "
                    + java.util.Arrays.toString(x.shape()) + ", " + java.util.Arrays.toString(r.shape()) + ", "
                    + java.util.Arrays.toString(cPrev.shape()));
        }
        if (x.dtype() != r.dtype() || x.dtype() != cPrev.dtype() || !x.isFloatingPoint()) {
            throw new IllegalArgumentException("lstmCell needs floating-point operands of one type, got "
                    + x.dtype() + ", " + r.dtype() + ", " + cPrev.dtype());
        }
    }

    /**
     * One fused LSTM step (see the class comment).
     *
     * @param x     projected input x_t·W + b, [B, 4H]
     * @param r     recurrent part h_{t-1}·U, [B, 4H]
     * @param cPrev previous cell state, [B, H]
     * @param gate  the recurrent activation σ
     * @return {@code {h, c}}, each [B, H]
     */
    public static Tensor[] lstmCell(Tensor x, Tensor r, Tensor cPrev, Gate gate) {
        checkLstm(x, r, cPrev);
        long units = cPrev.size(1);
        LstmCache cache = forwardCache(x, r, cPrev, gate);
        INDArray h = cache.act().get(block(3 * units, 4 * units)).mul(cache.tanhC());
        return ActiveTapes.recordMulti("lstmCell", new INDArray[] {h, cache.c()}, (ups, need) -> {
            Tensor dh = ups[0] != null ? ups[0] : Tensor.constant(Nd4j.zeros(x.dtype(), cPrev.shape()));
            Tensor dc = ups[1] != null ? ups[1] : Tensor.constant(Nd4j.zeros(x.dtype(), cPrev.shape()));
            Tensor[] d = lstmCellGrad(x, r, cPrev, dh, dc, gate, cache);
            return new Tensor[] {d[0], d[0], d[1]};
        }, x, r, cPrev);
    }

    /** What the forward pass of a fused LSTM cell keeps for its backward pass. */
    private record LstmCache(INDArray act, INDArray pre, INDArray c, INDArray tanhC) {
    }

    /**
     * The fused first-order gradient of {@link #lstmCell}: {@code {dz, dc'}} (see the class
     * comment) as one operation. Public for tests; use {@link #lstmCell}.
     */
    public static Tensor[] lstmCellGrad(Tensor x, Tensor r, Tensor cPrev, Tensor dh, Tensor dc, Gate gate) {
        checkLstm(x, r, cPrev);
        return lstmCellGrad(x, r, cPrev, dh, dc, gate, forwardCache(x, r, cPrev, gate));
    }

    /** Recomputes what the forward pass of {@link #lstmCell} saves. */
    private static LstmCache forwardCache(Tensor x, Tensor r, Tensor cPrev, Gate gate) {
        long units = cPrev.size(1);
        INDArray act = x.value().add(r.value());
        INDArray pre = gate == Gate.HARD_SIGMOID ? act.dup() : null;
        gateInPlace(act.get(block(0, 2 * units)), gate);
        Transforms.tanh(act.get(block(2 * units, 3 * units)), false);
        gateInPlace(act.get(block(3 * units, 4 * units)), gate);
        INDArray c = act.get(block(units, 2 * units)).mul(cPrev.value())
                .addi(act.get(block(0, units)).mul(act.get(block(2 * units, 3 * units))));
        return new LstmCache(act, pre, c, Transforms.tanh(c, true));
    }

    private static Tensor[] lstmCellGrad(Tensor x, Tensor r, Tensor cPrev, Tensor dh, Tensor dc, Gate gate,
                                         LstmCache cache) {
        if (!ArrayAccess.hostKernelsAllowed()) {
            return lstmCellGradReference(x, r, cPrev, dh, dc, gate);
        }
        INDArray[] d = LstmCellKernel.gradient(cache.act(), cache.pre(), cache.tanhC(), cPrev.value(), dh.value(),
                dc.value(), gate);
        return ActiveTapes.recordMulti("lstmCellGrad", d, (ups, need) -> {
            Tensor[] v = lstmCellGradVjp(x, r, cPrev, dh, dc, orZeros(ups[0], x), orZeros(ups[1], cPrev), gate, cache);
            return new Tensor[] {v[0], v[0], v[1], v[2], v[3]};
        }, x, r, cPrev, dh, dc);
    }

    private static Tensor orZeros(Tensor t, Tensor like) {
        return t != null ? t : Tensor.constant(Nd4j.zeros(like.dtype(), like.shape()));
    }

    /**
     * The vector-Jacobian product of {@link #lstmCellGrad}, as one fused operation with four
     * outputs {@code {z̄, c̄', d̄h, d̄c}} (z̄ is the gradient with respect to both x and r): for
     * upstream {@code ddz} [B, 4H] of dz and {@code ddcPrev} [B, H] of dc', the gradient of
     * {@code Σ ddz ⊙ dz + Σ ddcPrev ⊙ dc'} with respect to {@code (x, r, c', dh, dc)}. The formulas
     * are derived by hand in {@link LstmCellKernel}; this is the backward rule of
     * {@link #lstmCellGrad}, so second-order gradients through an LSTM (double backpropagation,
     * Ross et al. 2017, "Right for the Right Reasons") cost one operation per cell. Its own
     * backward (third order) is the generic vector-Jacobian product of {@link
     * #lstmCellGradReference}, so every order stays exact.
     */
    public static Tensor[] lstmCellGradVjp(Tensor x, Tensor r, Tensor cPrev, Tensor dh, Tensor dc, Tensor ddz,
                                           Tensor ddcPrev, Gate gate) {
        checkLstm(x, r, cPrev);
        return lstmCellGradVjp(x, r, cPrev, dh, dc, ddz, ddcPrev, gate, forwardCache(x, r, cPrev, gate));
    }

    private static Tensor[] lstmCellGradVjp(Tensor x, Tensor r, Tensor cPrev, Tensor dh, Tensor dc, Tensor ddz,
                                            Tensor ddcPrev, Gate gate, LstmCache cache) {
        if (!ArrayAccess.hostKernelsAllowed()) {
            return lstmCellGradVjpReference(new Tensor[] {x, r, cPrev, dh, dc, ddz, ddcPrev}, gate);
        }
        INDArray[] v = LstmCellKernel.gradientVjp(cache.act(), cache.pre(), cache.tanhC(), cPrev.value(), dh.value(),
                dc.value(), ddz.value(), ddcPrev.value(), gate);
        return ActiveTapes.recordMulti("lstmCellGradVjp", v,
                (ups, need) -> viaReference(ups, need, new Tensor[] {x, r, cPrev, dh, dc, ddz, ddcPrev},
                        ins -> lstmCellGradVjpReference(ins, gate)),
                x, r, cPrev, dh, dc, ddz, ddcPrev);
    }

    /**
     * {@link #lstmCellGradVjp} in generic recorded operations: the tape's vector-Jacobian product
     * of {@link #lstmCellGradReference}, for inputs {@code {x, r, c', dh, dc, ddz, ddcPrev}}.
     */
    static Tensor[] lstmCellGradVjpReference(Tensor[] ins, Gate gate) {
        Tensor[] g = viaReference(new Tensor[] {ins[5], ins[6]}, new boolean[] {true, false, true, true, true},
                new Tensor[] {ins[0], ins[1], ins[2], ins[3], ins[4]},
                xs -> lstmCellGradReference(xs[0], xs[1], xs[2], xs[3], xs[4], gate));
        return new Tensor[] {g[0], g[2], g[3], g[4]};
    }

    /**
     * The gradient of {@link #lstmCell} written in generic recorded operations: {@code {dz, dc'}}.
     * It defines the higher-order derivatives of {@link #lstmCellGrad} and is the reference the
     * tests compare the fused kernels with.
     */
    public static Tensor[] lstmCellGradReference(Tensor x, Tensor r, Tensor cPrev, Tensor dh, Tensor dc, Gate gate) {
        long units = cPrev.size(1);
        Tensor z = Ops.add(x, r);
        Tensor zi = Ops.slice(z, 1, 0, units);
        Tensor zf = Ops.slice(z, 1, units, 2 * units);
        Tensor zg = Ops.slice(z, 1, 2 * units, 3 * units);
        Tensor zo = Ops.slice(z, 1, 3 * units, 4 * units);
        Tensor i = gate(zi, gate);
        Tensor f = gate(zf, gate);
        Tensor g = Ops.tanh(zg);
        Tensor o = gate(zo, gate);
        Tensor c = Ops.add(Ops.mul(f, cPrev), Ops.mul(i, g));
        Tensor tc = Ops.tanh(c);
        Tensor dcTot = Ops.add(dc, Ops.mul(Ops.mul(dh, o), Ops.addScalar(Ops.neg(Ops.square(tc)), 1.0)));
        Tensor dzi = Ops.mul(Ops.mul(dcTot, g), gatePrime(zi, i, gate));
        Tensor dzf = Ops.mul(Ops.mul(dcTot, cPrev), gatePrime(zf, f, gate));
        Tensor dzg = Ops.mul(Ops.mul(dcTot, i), Ops.addScalar(Ops.neg(Ops.square(g)), 1.0));
        Tensor dzo = Ops.mul(Ops.mul(dh, tc), gatePrime(zo, o, gate));
        return new Tensor[] {Ops.concat(1, dzi, dzf, dzg, dzo), Ops.mul(dcTot, f)};
    }

    /** The generic forward LSTM cell, {@code {h, c}}: the reference for {@link #lstmCell}. */
    public static Tensor[] lstmCellReference(Tensor x, Tensor r, Tensor cPrev, Gate gate) {
        long units = cPrev.size(1);
        Tensor z = Ops.add(x, r);
        Tensor i = gate(Ops.slice(z, 1, 0, units), gate);
        Tensor f = gate(Ops.slice(z, 1, units, 2 * units), gate);
        Tensor g = Ops.tanh(Ops.slice(z, 1, 2 * units, 3 * units));
        Tensor o = gate(Ops.slice(z, 1, 3 * units, 4 * units), gate);
        Tensor c = Ops.add(Ops.mul(f, cPrev), Ops.mul(i, g));
        return new Tensor[] {Ops.mul(o, Ops.tanh(c)), c};
    }

    private static Tensor gate(Tensor z, Gate gate) {
        return gate == Gate.SIGMOID ? Ops.sigmoid(z) : Ops.hardSigmoid(z);
    }

    /** σ' as recorded operations: {@code a(1 − a)}, or the hard sigmoid's constant slope mask. */
    private static Tensor gatePrime(Tensor z, Tensor a, Gate gate) {
        if (gate == Gate.SIGMOID) {
            return Ops.mul(a, Ops.addScalar(Ops.neg(a), 1.0));
        }
        INDArray zv = z.value();
        return Tensor.constant(zv.gt(-2.5).castTo(zv.dataType()).muli(zv.lt(2.5).castTo(zv.dataType())).muli(0.2));
    }

    /** A function of several tensors with several results, in recorded operations. */
    @FunctionalInterface
    interface MultiFn {
        Tensor[] apply(Tensor[] inputs);
    }

    /**
     * The backward rule of a fused operation whose value equals {@code reference(inputs)}: the
     * vector-Jacobian product of the reference, taken by a private tape while every outer tape keeps
     * recording, so the result can be differentiated again.
     */
    static Tensor[] viaReference(Tensor[] upstream, boolean[] needed, Tensor[] inputs, MultiFn reference) {
        List<Tensor> sources = new ArrayList<>();
        for (int k = 0; k < inputs.length; k++) {
            if (needed[k]) {
                sources.add(inputs[k]);
            }
        }
        List<Tensor> grads;
        try (GradientTape tape = GradientTape.open(false, false)) {
            for (Tensor s : sources) {
                tape.watch(s);
            }
            Tensor[] outs = reference.apply(inputs);
            Tensor total = null;
            for (int k = 0; k < outs.length; k++) {
                if (upstream[k] == null) {
                    continue;
                }
                Tensor term = Ops.sum(Ops.mul(outs[k], upstream[k]), false);
                total = total == null ? term : Ops.add(total, term);
            }
            tape.close();
            grads = tape.gradient(total, sources, UnconnectedGradients.ZERO);
        }
        Tensor[] out = new Tensor[inputs.length];
        int j = 0;
        for (int k = 0; k < inputs.length; k++) {
            if (needed[k]) {
                out[k] = grads.get(j++);
            }
        }
        return out;
    }
}
