package io.gradlens.autodiff;

import java.lang.ref.Reference;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The arithmetic of {@link RecurrentOps#lstmCellGrad} (the cell's gradient) and {@link
 * RecurrentOps#lstmCellGradVjp} (the vector-Jacobian product of that gradient, derived by hand),
 * each one Java loop over the [B, H] cells reading the arrays' native memory (double precision,
 * stored in the operands' type): a cell costs no native call per term.
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
final class LstmCellKernel {

    private LstmCellKernel() {
    }

    /**
     * The cell's gradient {@code {dz, dc'_out}} (see the class comment).
     *
     * @param act   gate activations [B, 4H] (i, f, g, o)
     * @param pre   gate pre-activations [B, 4H] (read only for the hard sigmoid)
     * @param tanhC tanh of the new cell state [B, H]
     */
    static INDArray[] gradient(INDArray act, INDArray pre, INDArray tanhC, INDArray cPrev, INDArray dh, INDArray dc,
                               RecurrentOps.Gate gate) {
        Cell cell = Cell.read(act, pre, tanhC, cPrev, dh, dc, gate);
        int units = cell.units();
        INDArray dzArray = Nd4j.create(act.dataType(), new long[] {cell.batch(), 4L * units}, 'c');
        INDArray dcPrevArray = Nd4j.create(act.dataType(), new long[] {cell.batch(), units}, 'c');
        ArrayAccess dz = ArrayAccess.of(dzArray);
        ArrayAccess dcPrev = ArrayAccess.of(dcPrevArray);
        ArrayAccess a = cell.act();
        for (int k = 0; k < cell.batch() * units; k++) {
            // cell k = (b, j) reads gate columns j, H + j, 2H + j, 3H + j of row b
            int zi = k + 3 * units * (k / units);
            double g = a.get(zi + 2 * units);
            double t = cell.tanhC().get(k);
            double h = cell.dh().get(k);
            double d = cell.dc().get(k) + h * a.get(zi + 3 * units) * (1 - t * t);
            dz.set(zi, d * g * slope(a, cell.pre(), zi, cell.sigmoid()));
            dz.set(zi + units, d * cell.cPrev().get(k) * slope(a, cell.pre(), zi + units, cell.sigmoid()));
            dz.set(zi + 2 * units, d * a.get(zi) * (1 - g * g));
            dz.set(zi + 3 * units, h * t * slope(a, cell.pre(), zi + 3 * units, cell.sigmoid()));
            dcPrev.set(k, d * a.get(zi + units));
        }
        dz.written();
        dcPrev.written();
        Reference.reachabilityFence(cell);
        return new INDArray[] {dzArray, dcPrevArray};
    }

    /**
     * The operands both products read, [B, 4H] gate arrays and [B, H] cell arrays. {@code owners}
     * holds the arrays whose memory the accessors read (copies where an operand was a view), so a
     * fence on the cell keeps that native memory from being freed while the loop runs.
     */
    private record Cell(int batch, int units, boolean sigmoid, ArrayAccess act, ArrayAccess pre, ArrayAccess tanhC,
                        ArrayAccess cPrev, ArrayAccess dh, ArrayAccess dc, INDArray[] owners) {

        static Cell read(INDArray act, INDArray pre, INDArray tanhC, INDArray cPrev, INDArray dh, INDArray dc,
                         RecurrentOps.Gate gate) {
            boolean sigmoid = gate == RecurrentOps.Gate.SIGMOID;
            INDArray[] owners = {own(act), sigmoid ? null : own(pre), own(tanhC), own(cPrev), own(dh), own(dc)};
            return new Cell((int) cPrev.size(0), (int) cPrev.size(1), sigmoid, ArrayAccess.of(owners[0]),
                    sigmoid ? null : ArrayAccess.of(owners[1]), ArrayAccess.of(owners[2]), ArrayAccess.of(owners[3]),
                    ArrayAccess.of(owners[4]), ArrayAccess.of(owners[5]), owners);
        }

        /** {@code a} where it owns its memory in c order, else a c-ordered copy. */
        private static INDArray own(INDArray a) {
            return !a.isView() && a.ordering() == 'c' && a.offset() == 0 ? a : a.dup('c');
        }
    }

    /**
     * The vector-Jacobian product of {@link #gradient} for upstream {@code (ddz, ddc)} (see the
     * class comment).
     *
     * @param act   gate activations [B, 4H] (i, f, g, o)
     * @param pre   gate pre-activations [B, 4H] (read only for the hard sigmoid)
     * @param tanhC tanh of the new cell state [B, H]
     * @param ddz   upstream of dz [B, 4H], or null for zero
     * @param ddc   upstream of dc'_out [B, H], or null for zero
     * @return {@code {z̄, c̄', d̄h, d̄c}}
     */
    static INDArray[] gradientVjp(INDArray act, INDArray pre, INDArray tanhC, INDArray cPrev, INDArray dh,
                                  INDArray dc, INDArray ddz, INDArray ddc, RecurrentOps.Gate gate) {
        Cell cell = Cell.read(act, pre, tanhC, cPrev, dh, dc, gate);
        int batch = cell.batch();
        int units = cell.units();
        int g4 = 4 * units;
        boolean sigmoid = cell.sigmoid();
        ArrayAccess a = cell.act();
        ArrayAccess p = cell.pre();
        ArrayAccess tau = cell.tanhC();
        ArrayAccess cp = cell.cPrev();
        ArrayAccess dhv = cell.dh();
        ArrayAccess dcv = cell.dc();
        INDArray ddzOwn = ddz == null ? null : Cell.own(ddz);
        INDArray ddcOwn = ddc == null ? null : Cell.own(ddc);
        ArrayAccess u = ddzOwn == null ? null : ArrayAccess.of(ddzOwn);
        ArrayAccess vv = ddcOwn == null ? null : ArrayAccess.of(ddcOwn);
        DataType dt = act.dataType();
        INDArray[] out = {Nd4j.create(dt, new long[] {batch, g4}, 'c'), Nd4j.create(dt, new long[] {batch, units}, 'c'),
            Nd4j.create(dt, new long[] {batch, units}, 'c'), Nd4j.create(dt, new long[] {batch, units}, 'c')};
        ArrayAccess zBar = ArrayAccess.of(out[0]);
        ArrayAccess cpBar = ArrayAccess.of(out[1]);
        ArrayAccess dhBar = ArrayAccess.of(out[2]);
        ArrayAccess dcBar = ArrayAccess.of(out[3]);
        for (int b = 0; b < batch; b++) {
            int at = b * g4;
            for (int j = 0; j < units; j++) {
                int k = b * units + j;
                int zi = at + j;
                int zf = zi + units;
                int zg = zf + units;
                int zo = zg + units;
                double i = a.get(zi);
                double f = a.get(zf);
                double g = a.get(zg);
                double o = a.get(zo);
                double si = slope(a, p, zi, sigmoid);
                double sf = slope(a, p, zf, sigmoid);
                double so = slope(a, p, zo, sigmoid);
                double t = tau.get(k);
                double s = 1 - t * t;
                double sg = 1 - g * g;
                double h = dhv.get(k);
                double d = dcv.get(k) + h * o * s;
                double ui = u == null ? 0 : u.get(zi);
                double uf = u == null ? 0 : u.get(zf);
                double ug = u == null ? 0 : u.get(zg);
                double uo = u == null ? 0 : u.get(zo);
                double v = vv == null ? 0 : vv.get(k);
                double dBar = ui * g * si + uf * cp.get(k) * sf + ug * i * sg + v * f;
                dcBar.set(k, dBar);
                dhBar.set(k, dBar * o * s + uo * t * so);
                double cBar = (uo * h * so - 2 * dBar * h * o * t) * s;
                double oBar = dBar * h * s + (sigmoid ? uo * h * t * (1 - 2 * o) : 0);
                double iBar = (sigmoid ? ui * d * g * (1 - 2 * i) : 0) + ug * d * sg + cBar * g;
                double fBar = (sigmoid ? uf * d * cp.get(k) * (1 - 2 * f) : 0) + v * d + cBar * cp.get(k);
                double gBar = ui * d * si - 2 * ug * d * i * g + cBar * i;
                cpBar.set(k, uf * d * sf + cBar * f);
                zBar.set(zi, iBar * si);
                zBar.set(zf, fBar * sf);
                zBar.set(zg, gBar * sg);
                zBar.set(zo, oBar * so);
            }
        }
        ArrayAccess.hostWritten(out);
        Reference.reachabilityFence(cell);
        Reference.reachabilityFence(ddzOwn);
        Reference.reachabilityFence(ddcOwn);
        return out;
    }

    /** σ' of the gate at {@code at}: from the activation (sigmoid) or the pre-activation (hard sigmoid). */
    private static double slope(ArrayAccess act, ArrayAccess pre, int at, boolean sigmoid) {
        if (sigmoid) {
            double a = act.get(at);
            return a * (1 - a);
        }
        double z = pre.get(at);
        return z > -2.5 && z < 2.5 ? 0.2 : 0.0;
    }
}
