package io.gradlens.autodiff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The arithmetic of {@link LstmSequence} on raw arrays. Per step, forwards: the recurrent matrix
 * product, one native sigmoid over all four gate blocks (the cell block through
 * {@code tanh(z) = 2σ(2z) − 1}) and one native tanh of the cell state, the rest as Java loops over
 * the arrays' native memory; backwards: one matrix product {@code dz·Uᵀ}, the rest in Java. So a
 * step costs three native calls forwards and one backwards instead of a dozen each (at batch 1
 * the calls' fixed cost, not arithmetic, is what a step costs), while the transcendental
 * functions stay in libnd4j's vectorised kernels. Loop arithmetic is in double precision, stored
 * in the arrays' type.
 *
 * <p>Layout: gate values {@code act} [T, B, 4H] (pre-activations on input, activations after the
 * forward pass; blocks i, f, g, o), states {@code hs}, {@code cs} [T + 1, B, H] with the zero
 * initial state at index 0, {@code tanhC} [T, B, H], and for the hard sigmoid the pre-activations
 * {@code pre} [T, B, 4H]. All are c-ordered arrays this class created, read through their native
 * memory.
 */
final class LstmKernel {

    private LstmKernel() {
    }

    /** The saved forward pass. {@code keep[t]} is null for a step without padding, else m[b]. */
    record Saved(INDArray act, INDArray pre, INDArray hs, INDArray cs, INDArray tanhC, double[][] keep,
                 RecurrentOps.Gate gate) {
    }

    /** Runs the forward pass over {@code projected} [B, T, 4H] with recurrent kernel {@code u} [H, 4H]. */
    static Saved forward(INDArray projected, INDArray u, double[][] keep, RecurrentOps.Gate gate) {
        int batch = (int) projected.size(0);
        int steps = (int) projected.size(1);
        int units = (int) u.size(0);
        DataType dt = projected.dataType();
        INDArray act = projected.permute(1, 0, 2).dup('c');
        INDArray pre = gate == RecurrentOps.Gate.HARD_SIGMOID ? Nd4j.create(dt, act.shape()) : null;
        INDArray hs = Nd4j.zeros(dt, steps + 1, batch, units);
        INDArray cs = Nd4j.zeros(dt, steps + 1, batch, units);
        INDArray tanhC = Nd4j.create(dt, steps, batch, units);
        boolean sigmoid = gate == RecurrentOps.Gate.SIGMOID;
        INDArray uForward = u;
        if (sigmoid) {
            // tanh(z) = 2σ(2z) − 1: doubling the cell block of the projection and of U (exact) lets one
            // native sigmoid activate all four blocks of a step.
            act.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(2 * units, 3 * units)).muli(2.0);
            uForward = u.dup('c');
            uForward.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, 3 * units)).muli(2.0);
        }
        ArrayAccess a = ArrayAccess.of(act);
        ArrayAccess p = pre == null ? null : ArrayAccess.of(pre);
        ArrayAccess h = ArrayAccess.of(hs);
        ArrayAccess c = ArrayAccess.of(cs);
        ArrayAccess tc = ArrayAccess.of(tanhC);
        int g4 = 4 * units;
        for (int t = 0; t < steps; t++) {
            INDArray z = act.slice(t);
            if (t > 0) {
                Nd4j.gemm(hs.slice(t), uForward, z, false, false, 1.0, 1.0);
            }
            if (sigmoid) {
                Transforms.sigmoid(z, false);
            } else {
                Transforms.tanh(z.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * units, 3 * units)), false);
            }
            a.refresh();
            for (int b = 0; b < batch; b++) {
                int at = (t * batch + b) * g4;
                int next = ((t + 1) * batch + b) * units;
                for (int j = 0; j < units; j++) {
                    double i;
                    double f;
                    double g;
                    if (sigmoid) {
                        i = a.get(at + j);
                        f = a.get(at + units + j);
                        g = a.set(at + 2 * units + j, 2 * a.get(at + 2 * units + j) - 1);
                    } else {
                        i = a.set(at + j, hardSigmoid(at + j, a, p));
                        f = a.set(at + units + j, hardSigmoid(at + units + j, a, p));
                        g = a.get(at + 2 * units + j);
                        a.set(at + 3 * units + j, hardSigmoid(at + 3 * units + j, a, p));
                    }
                    c.set(next + j, f * c.get(next - batch * units + j) + i * g);
                }
            }
            a.written();
            c.written();
            if (p != null) {
                p.written();
            }
            INDArray cNew = cs.slice(t + 1);
            Nd4j.getExecutioner().exec(new Tanh(cNew, tanhC.slice(t)));
            tc.refresh();
            double[] m = keep[t];
            for (int b = 0; b < batch; b++) {
                int at = (t * batch + b) * g4;
                int prev = (t * batch + b) * units;
                int next = prev + batch * units;
                for (int j = 0; j < units; j++) {
                    double hNew = a.get(at + 3 * units + j) * tc.get(prev + j);
                    if (m != null) {
                        c.set(next + j, c.get(next + j) * m[b] + c.get(prev + j) * (1 - m[b]));
                        hNew = hNew * m[b] + h.get(prev + j) * (1 - m[b]);
                    }
                    h.set(next + j, hNew);
                }
            }
            c.written();
            h.written();
        }
        return new Saved(act, pre, hs, cs, tanhC, keep, gate);
    }

    /**
     * Backpropagation through time: the gradients with respect to the projection [B, T, 4H] and
     * the recurrent kernel [H, 4H] (each only where {@code need}), given the upstream gradient of
     * each output ({@code ups[t]} for h_t, {@code ups[T + t]} for c_t; null means zero).
     */
    static INDArray[] backward(Saved s, INDArray u, INDArray[] ups, boolean[] need) {
        INDArray act = s.act();
        int steps = (int) act.size(0);
        int batch = (int) act.size(1);
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
        int bh = batch * units;
        double[] dhCarry = new double[bh];
        double[] dcCarry = new double[bh];
        boolean carrying = false;
        for (int t = steps - 1; t >= 0; t--) {
            double[] upH = ups[t] == null ? null : values(ups[t]);
            double[] upC = ups[steps + t] == null ? null : values(ups[steps + t]);
            if (upH == null && upC == null && !carrying) {
                continue;
            }
            double[] m = s.keep()[t];
            for (int b = 0; b < batch; b++) {
                int z = (t * batch + b) * g4;
                int prev = (t * batch + b) * units;
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
                    double tanh = tc.get(prev + j);
                    double dcTot = (1 - tanh * tanh) * o * dh + dc;
                    double cPrev = c.get(prev + j);
                    dz.set(z + j, g * dcTot * gatePrime(i, p, z + j, s.gate()));
                    dz.set(z + units + j, cPrev * dcTot * gatePrime(f, p, z + units + j, s.gate()));
                    dz.set(z + 2 * units + j, i * dcTot * (1 - g * g));
                    dz.set(z + 3 * units + j, tanh * dh * gatePrime(o, p, z + 3 * units + j, s.gate()));
                    dcCarry[k] = dcTot * f + dcPass;
                    dhCarry[k] = dhPass;
                }
            }
            carrying = true;
            dz.written();
            if (t > 0) {
                Nd4j.gemm(dZ.slice(t), u, dhRecurrent, false, true, 1.0, 0.0);
                dhr.refresh();
                for (int k = 0; k < bh; k++) {
                    dhCarry[k] += dhr.get(k);
                }
            }
        }
        INDArray dProjected = need[0] ? dZ.permute(1, 0, 2).dup('c') : null;
        INDArray dKernel = null;
        if (need[1]) {
            INDArray hPrev = s.hs().get(NDArrayIndex.interval(0, steps), NDArrayIndex.all(), NDArrayIndex.all())
                    .reshape(steps * (long) batch, units);
            dKernel = Nd4j.gemm(hPrev, dZ.reshape(steps * (long) batch, g4), true, false);
        }
        return new INDArray[] {dProjected, dKernel};
    }

    /** Keras' hard sigmoid of {@code a[at]}, saving that pre-activation in {@code pre[at]}. */
    private static double hardSigmoid(int at, ArrayAccess a, ArrayAccess pre) {
        double z = pre.set(at, a.get(at));
        return Math.min(1.0, Math.max(0.0, 0.2 * z + 0.5));
    }

    /** σ' from the activation {@code a} (sigmoid) or the saved pre-activation (hard sigmoid). */
    private static double gatePrime(double a, ArrayAccess pre, int at, RecurrentOps.Gate gate) {
        if (gate == RecurrentOps.Gate.SIGMOID) {
            return a * (1 - a);
        }
        double z = pre.get(at);
        return z > -2.5 && z < 2.5 ? 0.2 : 0.0;
    }

    /** An upstream gradient [B, H] as doubles in c order. */
    private static double[] values(INDArray g) {
        return ArrayAccess.hostCopy(g);
    }
}
