package io.gradlens.nn;

import io.gradlens.autodiff.RecurrentOps;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The hand-derived adjoint of one LSTM step with tanh and a sigmoid or hard-sigmoid gate, the same
 * formulas as {@link RecurrentOps#lstmCellGrad} but with the forward values of a single sequence
 * shared by all K cotangent rows. With the gates i, f, g, o and τ = tanh(c_t) of the recorded step,
 * <pre>
 *   δc  = dc + dh ⊙ o ⊙ (1 − τ²)
 *   dz  = [δc ⊙ g ⊙ σ'(i) | δc ⊙ c_{t-1} ⊙ σ'(f) | δc ⊙ i ⊙ (1 − g²) | dh ⊙ τ ⊙ σ'(o)]
 *   dh_{t-1} = dz · Uᵀ,   dc_{t-1} = δc ⊙ f,   d(x_t·W + b) = dz
 * </pre>
 * The five per-step vectors are computed once; a pull-back is then two row-broadcast products, two
 * copies and one matrix product for the whole batch.
 */
final class LstmStepLinearization implements StepLinearization {

    private final INDArray recurrentKernelT;
    private final int units;
    /** [g ⊙ σ'(i) | c_{t-1} ⊙ σ'(f) | i ⊙ (1 − g²) | τ ⊙ σ'(o)], [1, 4H]. */
    private final INDArray gateScale;
    /** o ⊙ (1 − τ²), [1, H]: how h_t moves with c_t. */
    private final INDArray hToC;
    /** f, [1, H]: how c_t moves with c_{t-1}. */
    private final INDArray forget;

    /**
     * @param recurrentKernelT Uᵀ, [4H, H]
     * @param projectedInput   x_t·W + b, [1, 4H]
     * @param h                h_{t-1}, [1, H]
     * @param c                c_{t-1}, [1, H]
     * @param gate             σ
     */
    LstmStepLinearization(INDArray recurrentKernelT, INDArray projectedInput, INDArray h, INDArray c,
                          RecurrentOps.Gate gate) {
        this.recurrentKernelT = recurrentKernelT;
        this.units = (int) h.size(1);
        INDArray z = projectedInput.add(h.mmul(recurrentKernelT.transpose()));
        INDArray act = z.dup();
        INDArray sigmaPrime = Nd4j.create(z.dataType(), z.shape());
        for (int b : new int[] {0, 1, 3}) {
            INDArray zb = z.get(block(b));
            INDArray ab = act.get(block(b));
            if (gate == RecurrentOps.Gate.SIGMOID) {
                Transforms.sigmoid(ab, false);
                sigmaPrime.get(block(b)).assign(ab.rsub(1.0).muli(ab));
            } else {
                ab.muli(0.2).addi(0.5);
                Transforms.max(ab, 0.0, false);
                Transforms.min(ab, 1.0, false);
                sigmaPrime.get(block(b)).assign(zb.gt(-2.5).castTo(z.dataType())
                        .muli(zb.lt(2.5).castTo(z.dataType())).muli(0.2));
            }
        }
        Transforms.tanh(act.get(block(2)), false);
        INDArray i = act.get(block(0));
        INDArray f = act.get(block(1));
        INDArray g = act.get(block(2));
        INDArray o = act.get(block(3));
        INDArray cNext = f.mul(c).addi(i.mul(g));
        INDArray tau = Transforms.tanh(cNext, false);
        this.gateScale = Nd4j.create(z.dataType(), z.shape());
        gateScale.get(block(0)).assign(g.mul(sigmaPrime.get(block(0))));
        gateScale.get(block(1)).assign(c.mul(sigmaPrime.get(block(1))));
        gateScale.get(block(2)).assign(g.mul(g).rsubi(1.0).muli(i));
        gateScale.get(block(3)).assign(tau.mul(sigmaPrime.get(block(3))));
        this.hToC = tau.mul(tau).rsubi(1.0).muli(o);
        this.forget = f.dup();
    }

    private INDArrayIndex[] block(int b) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval((long) b * units, (long) (b + 1) * units)};
    }

    @Override
    public Cotangents pullBack(INDArray dh, INDArray dc) {
        INDArray deltaC = dh.mulRowVector(hToC);
        if (dc != null) {
            deltaC.addi(dc);
        }
        INDArray dz = Nd4j.create(dh.dataType(), dh.size(0), 4L * units);
        for (int b = 0; b < 3; b++) {
            dz.get(block(b)).assign(deltaC);
        }
        dz.get(block(3)).assign(dh);
        dz.muliRowVector(gateScale);
        INDArray dhPrev = dz.mmul(recurrentKernelT);
        return new Cotangents(dz, dhPrev, deltaC.muliRowVector(forget));
    }
}
