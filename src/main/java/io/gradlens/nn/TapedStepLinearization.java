package io.gradlens.nn;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.autodiff.UnconnectedGradients;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The linearisation of any recurrent cell by its own autodiff: the step is re-run on K copies of its
 * recorded inputs under a private tape and differentiated with the K cotangents as one
 * vector-Jacobian product. Exact for every cell and activation the layer supports, at the price of
 * re-running the step (about twice the work of a hand-derived adjoint).
 */
final class TapedStepLinearization implements StepLinearization {

    private final RecurrentLayer layer;
    private final INDArray kernelT;
    private final INDArray projectedInput;
    private final INDArray h;
    private final INDArray c;

    /**
     * @param layer          the cell
     * @param kernelT        the input kernel transposed, [gates·H, E]
     * @param projectedInput x_t·kernel + bias, [1, gates·H]
     * @param h              h_{t-1}, [1, H]
     * @param c              c_{t-1}, [1, H], or null
     */
    TapedStepLinearization(RecurrentLayer layer, INDArray kernelT, INDArray projectedInput, INDArray h,
                           INDArray c) {
        this.layer = layer;
        this.kernelT = kernelT;
        this.projectedInput = projectedInput;
        this.h = h;
        this.c = c;
    }

    @Override
    public Cotangents pullBack(INDArray dh, INDArray dc) {
        int k = (int) dh.size(0);
        Tensor x = Tensor.constant(projectedInput.repeat(0, k));
        Tensor hPrev = Tensor.constant(h.repeat(0, k));
        Tensor cPrev = c == null ? null : Tensor.constant(c.repeat(0, k));
        List<Tensor> grads;
        try (GradientTape tape = GradientTape.open(false, false)) {
            tape.watch(x, hPrev);
            if (cPrev != null) {
                tape.watch(cPrev);
            }
            RecurrentLayer.State next = layer.step(x, new RecurrentLayer.State(hPrev, cPrev));
            Tensor target = Ops.sum(Ops.mul(next.h(), Tensor.constant(dh)), false);
            if (dc != null && next.c() != null) {
                target = Ops.add(target, Ops.sum(Ops.mul(next.c(), Tensor.constant(dc)), false));
            }
            grads = tape.gradient(target, cPrev == null ? List.of(x, hPrev) : List.of(x, hPrev, cPrev),
                    UnconnectedGradients.ZERO);
        }
        INDArray input = grads.get(0).value().mmul(kernelT);
        INDArray dhPrev = grads.get(1).value();
        INDArray dcPrev = cPrev == null ? null : grads.get(2).value();
        List<INDArray> storage = new java.util.ArrayList<>(List.of(grads.get(0).value(), input, dhPrev));
        if (dcPrev != null) {
            storage.add(dcPrev);
        }
        return new Cotangents(input, dhPrev, dcPrev, storage);
    }
}
