package io.gradlens.autodiff;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arithmetic of {@link RecurrentOps#lstmCellGradVjp}: the vector-Jacobian product of the fused
 * LSTM cell gradient {@code (x, r, c', dh, dc) ↦ (dz, dc'_out)}, derived by hand, as one Java loop
 * over the [B, H] cells (double precision, stored in the operands' type).
 *
 * <p>With the saved gate activations i, f, g, o, τ = tanh(c), s = 1 − τ², σ'ₐ the gate slope
 * ({@code a(1 − a)} for the sigmoid, the constant {@code 0.2·[|z| < 2.5]} for the hard sigmoid)
 * and κₐ its derivative with respect to the activation ({@code 1 − 2a}, resp. 0), the forward
 * gradient is
 * <pre>
 *   D = dc + dh·o·s
 *   dz = [D·g·σ'ᵢ | D·c'·σ'_f | D·i·(1 − g²) | dh·τ·σ'ₒ],   dc'_out = D·f
 * </pre>
 * and, for upstream {@code (u = [uᵢ|u_f|u_g|uₒ], v)}, reverse accumulation gives
 * <pre>
 *   D̄ = uᵢ·g·σ'ᵢ + u_f·c'·σ'_f + u_g·i·(1 − g²) + v·f          (= d̄c)
 *   d̄h = D̄·o·s + uₒ·τ·σ'ₒ
 *   c̄ = (uₒ·dh·σ'ₒ − 2·D̄·dh·o·τ)·s
 *   ō = D̄·dh·s + uₒ·dh·τ·κₒ
 *   ī = uᵢ·D·g·κᵢ + u_g·D·(1 − g²) + c̄·g
 *   f̄ = u_f·D·c'·κ_f + v·D + c̄·c'
 *   ḡ = uᵢ·D·σ'ᵢ − 2·u_g·D·i·g + c̄·i
 *   c̄' = u_f·D·σ'_f + c̄·f
 *   z̄ = [ī·σ'ᵢ | f̄·σ'_f | ḡ·(1 − g²) | ō·σ'ₒ]        (= x̄ = r̄)
 * </pre>
 */
final class LstmCellVjpKernel {

    private LstmCellVjpKernel() {
    }

    /**
     * The product for one cell.
     *
     * @param act   gate activations [B, 4H] (i, f, g, o)
     * @param pre   gate pre-activations [B, 4H] (read only for the hard sigmoid)
     * @param tanhC tanh of the new cell state [B, H]
     * @param ddz   upstream of dz [B, 4H], or null for zero
     * @param ddc   upstream of dc'_out [B, H], or null for zero
     * @return {@code {z̄, c̄', d̄h, d̄c}}
     */
    static INDArray[] apply(INDArray act, INDArray pre, INDArray tanhC, INDArray cPrev, INDArray dh, INDArray dc,
                            INDArray ddz, INDArray ddc, RecurrentOps.Gate gate) {
        int batch = (int) cPrev.size(0);
        int units = (int) cPrev.size(1);
        int g4 = 4 * units;
        boolean sigmoid = gate == RecurrentOps.Gate.SIGMOID;
        double[] a = doubles(act);
        double[] p = sigmoid ? null : doubles(pre);
        double[] tau = doubles(tanhC);
        double[] cp = doubles(cPrev);
        double[] dhv = doubles(dh);
        double[] dcv = doubles(dc);
        double[] u = ddz == null ? null : doubles(ddz);
        double[] vv = ddc == null ? null : doubles(ddc);
        double[] zBar = new double[batch * g4];
        double[] cpBar = new double[batch * units];
        double[] dhBar = new double[batch * units];
        double[] dcBar = new double[batch * units];
        for (int b = 0; b < batch; b++) {
            int at = b * g4;
            for (int j = 0; j < units; j++) {
                int k = b * units + j;
                int zi = at + j;
                int zf = zi + units;
                int zg = zf + units;
                int zo = zg + units;
                double i = a[zi];
                double f = a[zf];
                double g = a[zg];
                double o = a[zo];
                double si = slope(a, p, zi, sigmoid);
                double sf = slope(a, p, zf, sigmoid);
                double so = slope(a, p, zo, sigmoid);
                double t = tau[k];
                double s = 1 - t * t;
                double sg = 1 - g * g;
                double h = dhv[k];
                double d = dcv[k] + h * o * s;
                double ui = u == null ? 0 : u[zi];
                double uf = u == null ? 0 : u[zf];
                double ug = u == null ? 0 : u[zg];
                double uo = u == null ? 0 : u[zo];
                double v = vv == null ? 0 : vv[k];
                double dBar = ui * g * si + uf * cp[k] * sf + ug * i * sg + v * f;
                dcBar[k] = dBar;
                dhBar[k] = dBar * o * s + uo * t * so;
                double cBar = (uo * h * so - 2 * dBar * h * o * t) * s;
                double oBar = dBar * h * s + (sigmoid ? uo * h * t * (1 - 2 * o) : 0);
                double iBar = (sigmoid ? ui * d * g * (1 - 2 * i) : 0) + ug * d * sg + cBar * g;
                double fBar = (sigmoid ? uf * d * cp[k] * (1 - 2 * f) : 0) + v * d + cBar * cp[k];
                double gBar = ui * d * si - 2 * ug * d * i * g + cBar * i;
                cpBar[k] = uf * d * sf + cBar * f;
                zBar[zi] = iBar * si;
                zBar[zf] = fBar * sf;
                zBar[zg] = gBar * sg;
                zBar[zo] = oBar * so;
            }
        }
        DataType dt = act.dataType();
        long[] cell = cPrev.shape();
        return new INDArray[] {Nd4j.create(zBar, new long[] {batch, g4}, dt), Nd4j.create(cpBar, cell, dt),
            Nd4j.create(dhBar, cell, dt), Nd4j.create(dcBar, cell, dt)};
    }

    /** σ' of the gate at {@code at}: from the activation (sigmoid) or the pre-activation (hard sigmoid). */
    private static double slope(double[] act, double[] pre, int at, boolean sigmoid) {
        if (sigmoid) {
            return act[at] * (1 - act[at]);
        }
        return pre[at] > -2.5 && pre[at] < 2.5 ? 0.2 : 0.0;
    }

    /** The values of {@code x} in c order as doubles. */
    private static double[] doubles(INDArray x) {
        return x.dup('c').data().asDouble();
    }
}
