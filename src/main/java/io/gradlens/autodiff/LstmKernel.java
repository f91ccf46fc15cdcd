package io.gradlens.autodiff;

import java.lang.ref.Reference;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The arithmetic of {@link LstmSequence} on raw arrays. The gate array starts as the projection
 * plus the bias (one native op for all steps). Per step, forwards: the step's rows copied to a
 * contiguous scratch array and back ({@link StridedBlas}, one BLAS copy per row), the recurrent
 * matrix product added into the scratch, one native sigmoid over all four gate blocks there (the
 * cell block through {@code tanh(z) = 2σ(2z) − 1}) and one native tanh of the new cell state, the rest as Java loops over the arrays' native memory, with
 * the values a step needs twice (c_{t-1}, the new c, the output gate) kept in heap arrays;
 * backwards: one matrix product {@code dz·Uᵀ}, the rest in Java (the bias gradient summed in the
 * same loop), then one product {@code H_prevᵀ·dZ} for U's gradient over all T·B rows. So a step
 * costs a few native calls without any array, view or op context created (a strided view costs
 * more than the activation of a batch-1 step, measured in docs/benchmarks.md): at batch 1 the
 * calls' fixed cost, not arithmetic, is what a step costs. The transcendental functions stay in
 * libnd4j's vectorised kernels. Loop arithmetic is in double precision, stored in the arrays' type.
 *
 * <p>Layout: everything is batch-major, as the projection arrives and its gradient leaves, so
 * neither is permuted: gate values {@code act} [B, T, 4H] (activations, blocks i, f, g, o), for
 * the hard sigmoid the pre-activations {@code pre} [B, T, 4H], {@code tanhC} [B, T, H], cell states
 * {@code cs} [B, T + 1, H] (index 0 the zero initial state), and the hidden states split in two:
 * {@code hPrev} [B, T, H] holds the state each step starts from (zero at step 0), so that its T·B
 * rows line up with those of {@code dZ} for U's gradient, and {@code hLast} [B, H] the final state.
 * All are c-ordered arrays this class created, read through their native memory; a step's rows of
 * an [B, T, w] array are the BLAS block at offset {@code t·w} with leading dimension {@code T·w}.
 *
 * <p>Host synchronisation ({@link ArrayAccess}): a {@link StridedBlas} call counts as a native
 * operation (on host BLAS it synchronises its own operands). So after each native write a Java
 * loop reads through {@code refresh()} first, and each loop's writes are marked with {@code
 * written()} before the next native operation or product reads them, at every step both ways.
 */
final class LstmKernel {

    private LstmKernel() {
    }

    /** The saved forward pass. {@code keep[t]} is null for a step without padding, else m[b]. */
    record Saved(INDArray act, INDArray pre, INDArray hPrev, INDArray hLast, INDArray cs, INDArray tanhC,
                 double[][] keep, RecurrentOps.Gate gate) {

        /** h after step {@code t} (0-based), [B, H]: a view of {@link #hPrev} or {@link #hLast}. */
        INDArray hAfter(int t) {
            int steps = (int) act.size(1);
            return t + 1 < steps ? hPrev.get(NDArrayIndex.all(), NDArrayIndex.point(t + 1), NDArrayIndex.all()) : hLast;
        }

        /** c after step {@code t} (0-based), [B, H], a view of {@link #cs}. */
        INDArray cAfter(int t) {
            return cs.get(NDArrayIndex.all(), NDArrayIndex.point(t + 1), NDArrayIndex.all());
        }
    }

    /**
     * Runs the forward pass over {@code projected} [B, T, 4H] plus {@code bias} [4H] (null for none)
     * with recurrent kernel {@code u} [H, 4H].
     */
    static Saved forward(INDArray projected, INDArray bias, INDArray u, double[][] keep, RecurrentOps.Gate gate) {
        int batch = (int) projected.size(0);
        int steps = (int) projected.size(1);
        int units = (int) u.size(0);
        int g4 = 4 * units;
        DataType dt = projected.dataType();
        boolean sigmoid = gate == RecurrentOps.Gate.SIGMOID;
        // act starts as the projection plus the bias (one native op); each step's recurrent product
        // is added into its rows, which are then activated in place.
        INDArray act = projected.dup('c');
        if (bias != null) {
            act.reshape(batch * (long) steps, g4).addiRowVector(bias);
        }
        INDArray pre = sigmoid ? null : Nd4j.create(dt, new long[] {batch, steps, g4}, 'c');
        INDArray hPrev = Nd4j.create(dt, new long[] {batch, steps, units}, 'c');
        INDArray hLast = Nd4j.create(dt, new long[] {batch, units}, 'c');
        INDArray cs = Nd4j.create(dt, new long[] {batch, steps + 1, units}, 'c');
        INDArray tanhC = Nd4j.create(dt, new long[] {batch, steps, units}, 'c');
        // per-step scratch, created once: the step's gate rows, the new cell state and its tanh
        INDArray zStep = Nd4j.create(dt, new long[] {batch, g4}, 'c');
        INDArray cellBlock = sigmoid ? null : zStep.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, 3 * units));
        INDArray cStep = Nd4j.create(dt, new long[] {batch, units}, 'c');
        INDArray tanhStep = Nd4j.create(dt, new long[] {batch, units}, 'c');
        // tanh(z) = 2σ(2z) − 1: doubling the cell block of the projection and of U (exact) lets one
        // native sigmoid activate all four blocks of a step.
        INDArray uForward = u.dup('c');
        if (sigmoid) {
            act.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(2 * units, 3 * units)).muli(2.0);
            uForward.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, 3 * units)).muli(2.0);
        }
        ArrayAccess a = ArrayAccess.of(act);
        ArrayAccess p = pre == null ? null : ArrayAccess.of(pre);
        ArrayAccess hp = ArrayAccess.of(hPrev);
        ArrayAccess hl = ArrayAccess.of(hLast);
        ArrayAccess c = ArrayAccess.of(cs);
        ArrayAccess tc = ArrayAccess.of(tanhC);
        ArrayAccess z = ArrayAccess.of(zStep);
        ArrayAccess cn = ArrayAccess.of(cStep);
        ArrayAccess tn = ArrayAccess.of(tanhStep);
        StridedBlas.Operand hOperand = StridedBlas.of(hPrev);
        StridedBlas.Operand uOperand = StridedBlas.of(uForward);
        StridedBlas.Operand actOperand = StridedBlas.of(act);
        StridedBlas.Operand zOperand = StridedBlas.of(zStep);
        int bh = batch * units;
        // heap copies of values a step needs again: c_{t-1} and the new c (as stored), the output gate
        double[] cCarry = new double[bh];
        double[] cNext = new double[bh];
        double[] outGate = new double[bh];
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < units; j++) {
                hp.set(b * steps * units + j, 0);
                c.set(b * (steps + 1) * units + j, 0);
            }
        }
        hp.written();
        c.written();
        for (int t = 0; t < steps; t++) {
            // the step's rows into the contiguous scratch, where the product adds in and the native
            // activation runs without a view; for the sigmoid the activations are copied back
            StridedBlas.copyRows(batch, g4, actOperand, (long) t * g4, steps * g4, zOperand, 0, g4);
            if (t > 0) {
                StridedBlas.gemm(false, false, batch, g4, units, 1.0, hOperand, (long) t * units, steps * units,
                        uOperand, 0, g4, 1.0, zOperand, 0, g4);
            }
            if (sigmoid) {
                Transforms.sigmoid(zStep, false);
                StridedBlas.copyRows(batch, g4, zOperand, 0, g4, actOperand, (long) t * g4, steps * g4);
            } else {
                Transforms.tanh(cellBlock, false);
            }
            // the scratch was written natively, act by the copy back: host copies current before the loop
            z.refresh();
            a.refresh();
            for (int b = 0; b < batch; b++) {
                int zs = b * g4;
                int at = (b * steps + t) * g4;
                for (int j = 0; j < units; j++) {
                    int k = b * units + j;
                    double i;
                    double f;
                    double g;
                    if (sigmoid) {
                        i = z.get(zs + j);
                        f = z.get(zs + units + j);
                        g = a.set(at + 2 * units + j, 2 * z.get(zs + 2 * units + j) - 1);
                        outGate[k] = z.get(zs + 3 * units + j);
                    } else {
                        i = a.set(at + j, hardSigmoid(z.get(zs + j), at + j, p));
                        f = a.set(at + units + j, hardSigmoid(z.get(zs + units + j), at + units + j, p));
                        g = a.set(at + 2 * units + j, z.get(zs + 2 * units + j));
                        outGate[k] = a.set(at + 3 * units + j,
                                hardSigmoid(z.get(zs + 3 * units + j), at + 3 * units + j, p));
                    }
                    cNext[k] = cn.set(k, f * cCarry[k] + i * g);
                }
            }
            a.written();
            cn.written();
            if (p != null) {
                p.written();
            }
            Nd4j.getExecutioner().exec(new Tanh(cStep, tanhStep));
            tn.refresh();
            double[] m = keep[t];
            boolean last = t + 1 == steps;
            ArrayAccess hNext = last ? hl : hp;
            for (int b = 0; b < batch; b++) {
                int row = (b * steps + t) * units;
                int cOut = (b * (steps + 1) + t + 1) * units;
                int hOut = last ? b * units : row + units;
                for (int j = 0; j < units; j++) {
                    int k = b * units + j;
                    double tau = tc.set(row + j, tn.get(k));
                    double hNew = outGate[k] * tau;
                    double cNew = cNext[k];
                    if (m != null) {
                        cNew = cNew * m[b] + cCarry[k] * (1 - m[b]);
                        hNew = hNew * m[b] + hp.get(row + j) * (1 - m[b]);
                    }
                    cCarry[k] = c.set(cOut + j, cNew);
                    hNext.set(hOut + j, hNew);
                }
            }
            tc.written();
            c.written();
            hNext.written();
        }
        Reference.reachabilityFence(zStep);
        Reference.reachabilityFence(cStep);
        Reference.reachabilityFence(tanhStep);
        return new Saved(act, pre, hPrev, hLast, cs, tanhC, keep, gate);
    }

    /**
     * Backpropagation through time: the gradients with respect to the projection [B, T, 4H], the
     * recurrent kernel [H, 4H] and the bias [4H] (each only where {@code need}), given the upstream
     * gradient of each output ({@code ups[t]} for h_t, {@code ups[T + t]} for c_t; null means zero).
     */
    static INDArray[] backward(Saved s, INDArray u, INDArray[] ups, boolean[] need) {
        INDArray act = s.act();
        int batch = (int) act.size(0);
        int steps = (int) act.size(1);
        int units = (int) u.size(0);
        int g4 = 4 * units;
        DataType dt = act.dataType();
        INDArray dZ = Nd4j.zeros(dt, act.shape());
        INDArray dhRecurrent = Nd4j.create(dt, new long[] {batch, units}, 'c');
        ArrayAccess a = ArrayAccess.of(act);
        ArrayAccess p = s.pre() == null ? null : ArrayAccess.of(s.pre());
        ArrayAccess c = ArrayAccess.of(s.cs());
        ArrayAccess tc = ArrayAccess.of(s.tanhC());
        ArrayAccess dz = ArrayAccess.of(dZ);
        ArrayAccess dhr = ArrayAccess.of(dhRecurrent);
        StridedBlas.Operand dzOperand = StridedBlas.of(dZ);
        StridedBlas.Operand uOperand = StridedBlas.of(u.isView() || u.ordering() != 'c' ? u.dup('c') : u);
        StridedBlas.Operand dhOperand = StridedBlas.of(dhRecurrent);
        int bh = batch * units;
        double[] dhCarry = new double[bh];
        double[] dcCarry = new double[bh];
        double[] dBias = need[2] ? new double[g4] : null;
        boolean carrying = false;
        for (int t = steps - 1; t >= 0; t--) {
            double[] upH = ups[t] == null ? null : values(ups[t]);
            double[] upC = ups[steps + t] == null ? null : values(ups[steps + t]);
            if (upH == null && upC == null && !carrying) {
                continue;
            }
            double[] m = s.keep()[t];
            for (int b = 0; b < batch; b++) {
                int z = (b * steps + t) * g4;
                int row = (b * steps + t) * units;
                int cPrevAt = (b * (steps + 1) + t) * units;
                for (int j = 0; j < units; j++) {
                    int k = b * units + j;
                    double dh = dhCarry[k] + (upH == null ? 0 : upH[k]);
                    double dc = dcCarry[k] + (upC == null ? 0 : upC[k]);
                    double dhPass = 0;
                    double dcPass = 0;
                    if (m != null) {
                        dhPass = dh * (1 - m[b]);
                        dcPass = dc * (1 - m[b]);
                        dh *= m[b];
                        dc *= m[b];
                    }
                    double i = a.get(z + j);
                    double f = a.get(z + units + j);
                    double g = a.get(z + 2 * units + j);
                    double o = a.get(z + 3 * units + j);
                    double tanh = tc.get(row + j);
                    double dcTot = (1 - tanh * tanh) * o * dh + dc;
                    double cPrev = c.get(cPrevAt + j);
                    double di = dz.set(z + j, g * dcTot * gatePrime(i, p, z + j, s.gate()));
                    double df = dz.set(z + units + j, cPrev * dcTot * gatePrime(f, p, z + units + j, s.gate()));
                    double dg = dz.set(z + 2 * units + j, i * dcTot * (1 - g * g));
                    double dO = dz.set(z + 3 * units + j, tanh * dh * gatePrime(o, p, z + 3 * units + j, s.gate()));
                    if (dBias != null) {
                        dBias[j] += di;
                        dBias[units + j] += df;
                        dBias[2 * units + j] += dg;
                        dBias[3 * units + j] += dO;
                    }
                    dcCarry[k] = dcTot * f + dcPass;
                    dhCarry[k] = dhPass;
                }
            }
            carrying = true;
            dz.written();
            if (t > 0) {
                StridedBlas.gemm(false, true, batch, units, g4, 1.0, dzOperand, (long) t * g4, steps * g4,
                        uOperand, 0, g4, 0.0, dhOperand, 0, units);
                dhr.refresh();
                for (int k = 0; k < bh; k++) {
                    dhCarry[k] += dhr.get(k);
                }
            }
        }
        INDArray dKernel = null;
        if (need[1]) {
            // Σ_t h_{t-1}ᵀ·dz_t as one product over the T·B rows (b, t) of hPrev and dZ
            dKernel = Nd4j.create(dt, new long[] {units, g4}, 'c');
            StridedBlas.gemm(true, false, units, g4, batch * steps, 1.0, StridedBlas.of(s.hPrev()), 0, units,
                    dzOperand, 0, g4, 0.0, StridedBlas.of(dKernel), 0, g4);
        }
        Reference.reachabilityFence(dhRecurrent);
        INDArray biasGradient = dBias == null ? null : Nd4j.create(dBias, new long[] {g4}, 'c').castTo(dt);
        return new INDArray[] {need[0] ? dZ : null, dKernel, biasGradient};
    }

    /** Keras' hard sigmoid of the pre-activation {@code z}, saving {@code z} in {@code pre[at]}. */
    private static double hardSigmoid(double z, int at, ArrayAccess pre) {
        double saved = pre.set(at, z);
        return Math.min(1.0, Math.max(0.0, 0.2 * saved + 0.5));
    }

    /** σ' from the activation {@code a} (sigmoid) or the saved pre-activation (hard sigmoid). */
    private static double gatePrime(double a, ArrayAccess pre, int at, RecurrentOps.Gate gate) {
        if (gate == RecurrentOps.Gate.SIGMOID) {
            return a * (1 - a);
        }
        double z = pre.get(at);
        return z > -2.5 && z < 2.5 ? 0.2 : 0.0;
    }

    /** An upstream gradient [B, H] (or the bias [4H]) as doubles in c order. */
    private static double[] values(INDArray g) {
        return ArrayAccess.hostCopy(g);
    }
}
