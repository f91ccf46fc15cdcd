package io.gradlens.nn;

import io.gradlens.autodiff.RecurrentOps;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The hand-derived adjoint of one LSTM step with tanh and a sigmoid or hard-sigmoid gate, the
 * formulas of {@link RecurrentOps#lstmCellGrad} with the forward values of a single sequence shared
 * by all K cotangent rows. With the gates i, f, g, o and τ = tanh(c_t) of the recorded step,
 * <pre>
 *   δc  = dc + dh ⊙ o ⊙ (1 − τ²)
 *   dz  = [δc ⊙ g ⊙ σ'(i) | δc ⊙ c_{t-1} ⊙ σ'(f) | δc ⊙ i ⊙ (1 − g²) | dh ⊙ τ ⊙ σ'(o)]
 *   [dh_{t-1} | dx_t] = dz · [Uᵀ | Wᵀ],   dc_{t-1} = δc ⊙ f
 * </pre>
 * {@link #linearizer} computes the per-step factors of every step at once (a few operations on [T,
 * 4H]); one pull-back is then three row-broadcast products, one concatenation and one matrix product
 * for the whole batch.
 */
final class LstmStepLinearization implements StepLinearization {

    /** [Uᵀ | Wᵀ], [4H, H + E]. */
    private final INDArray backwardKernel;
    private final int units;
    /** [g ⊙ σ'(i) | c_{t-1} ⊙ σ'(f) | i ⊙ (1 − g²) | τ ⊙ σ'(o)], [1, 4H]. */
    private final INDArray gateScale;
    /** o ⊙ (1 − τ²), [1, H]: how h_t moves with c_t. */
    private final INDArray hToC;
    /** f, [1, H]: how c_t moves with c_{t-1}. */
    private final INDArray forget;

    private LstmStepLinearization(INDArray backwardKernel, int units, INDArray gateScale, INDArray hToC,
                                  INDArray forget) {
        this.backwardKernel = backwardKernel;
        this.units = units;
        this.gateScale = gateScale;
        this.hToC = hToC;
        this.forget = forget;
    }

    /**
     * The linearisations of all steps of one recorded pass.
     *
     * @param kernel          W, [E, 4H]
     * @param recurrentKernel U, [H, 4H]
     * @param projected       x_t·W + b for every t, [T, 4H]
     * @param hPrev           h_{t-1} for every t, [T, H]
     * @param cPrev           c_{t-1} for every t, [T, H]
     * @param gate            σ
     */
    static RecurrentLayer.StepLinearizer linearizer(INDArray kernel, INDArray recurrentKernel, INDArray projected,
                                                    INDArray hPrev, INDArray cPrev, RecurrentOps.Gate gate) {
        int units = (int) hPrev.size(1);
        INDArray z = projected.add(hPrev.mmul(recurrentKernel));
        INDArray act = z.dup();
        INDArray sigmaPrime = Nd4j.create(z.dataType(), z.shape());
        for (int b : new int[] {0, 1, 3}) {
            INDArray zb = z.get(block(b, units));
            INDArray ab = act.get(block(b, units));
            if (gate == RecurrentOps.Gate.SIGMOID) {
                Transforms.sigmoid(ab, false);
                sigmaPrime.get(block(b, units)).assign(ab.rsub(1.0).muli(ab));
            } else {
                ab.muli(0.2).addi(0.5);
                Transforms.max(ab, 0.0, false);
                Transforms.min(ab, 1.0, false);
                sigmaPrime.get(block(b, units)).assign(zb.gt(-2.5).castTo(z.dataType())
                        .muli(zb.lt(2.5).castTo(z.dataType())).muli(0.2));
            }
        }
        Transforms.tanh(act.get(block(2, units)), false);
        INDArray i = act.get(block(0, units));
        INDArray f = act.get(block(1, units));
        INDArray g = act.get(block(2, units));
        INDArray o = act.get(block(3, units));
        INDArray tau = Transforms.tanh(f.mul(cPrev).addi(i.mul(g)), false);
        INDArray scale = Nd4j.create(z.dataType(), z.shape());
        scale.get(block(0, units)).assign(g.mul(sigmaPrime.get(block(0, units))));
        scale.get(block(1, units)).assign(cPrev.mul(sigmaPrime.get(block(1, units))));
        scale.get(block(2, units)).assign(g.mul(g).rsubi(1.0).muli(i));
        scale.get(block(3, units)).assign(tau.mul(sigmaPrime.get(block(3, units))));
        INDArray hToC = tau.mul(tau).rsubi(1.0).muli(o);
        INDArray forget = f.dup();
        INDArray backwardKernel = Nd4j.hstack(recurrentKernel.transpose(), kernel.transpose()).dup('c');
        return t -> new LstmStepLinearization(backwardKernel, units, scale.getRow(t, true), hToC.getRow(t, true),
                forget.getRow(t, true));
    }

    private static INDArrayIndex[] block(int b, int units) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval((long) b * units, (long) (b + 1) * units)};
    }

    @Override
    public Cotangents pullBack(INDArray dh, INDArray dc) {
        INDArray deltaC = dh.mulRowVector(hToC);
        if (dc != null) {
            deltaC.addi(dc);
        }
        INDArray dz = Nd4j.hstack(deltaC, deltaC, deltaC, dh).muliRowVector(gateScale);
        INDArray back = dz.mmul(backwardKernel);
        dz.close();
        INDArray dhPrev = back.get(NDArrayIndex.all(), NDArrayIndex.interval(0, units));
        INDArray input = back.get(NDArrayIndex.all(), NDArrayIndex.interval(units, back.size(1)));
        return new Cotangents(input, dhPrev, deltaC.muliRowVector(forget), List.of(back, deltaC));
    }
}
