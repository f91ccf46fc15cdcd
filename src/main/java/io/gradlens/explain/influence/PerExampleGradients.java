package io.gradlens.explain.influence;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Batch;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.StepResult;
import io.gradlens.train.TrainingStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-example gradients of the cross-entropy loss with respect to chosen weights, one tape pass per
 * example (the loss of a one-example batch is that example's loss), as TracIn (Pruthi et al.,
 * NeurIPS 2020, https://arxiv.org/abs/2002.08484) needs them. {@link #projectRange} projects a
 * block of examples at a time, so the D-dimensional gradients of only that block ever exist.
 */
final class PerExampleGradients {

    private PerExampleGradients() {
    }

    /** Each chosen weight's gradient for the one example in {@code one}, flattened (C order) to float64. */
    static Map<String, INDArray> of(Sequential model, Batch one, List<String> names) {
        Batch typed = new Batch(LastLayerFeatures.asModelType(model, one.input()), one.labels(), null);
        StepResult r = TrainingStep.run(model, typed, null, ForwardContext.inference(), true);
        Map<String, INDArray> out = new LinkedHashMap<>();
        for (String name : names) {
            Tensor g = r.gradients().get(name);
            if (g == null) {
                throw new IllegalArgumentException("no gradient for weight " + name);
            }
            out.put(name, g.value().castTo(DataType.DOUBLE).dup('c').reshape(1, g.value().length()));
        }
        return out;
    }

    /**
     * {@code P ∇ℓ(x_i)} for the examples {@code from..to-1} of {@code data}, [to − from, d] float64:
     * the block's gradients are stacked per weight ([B, D_w]) and multiplied by that weight's block
     * of the projection; a weight too large for a held block ({@link GradientProjection#rowByRow})
     * is projected one example at a time, only its non-zero entries drawn, and never stacked.
     */
    static INDArray projectRange(Sequential model, ExampleSet data, int from, int to, List<String> names,
                                 GradientProjection projection) {
        int b = to - from;
        int d = projection.dimension();
        Map<String, INDArray> stacked = new LinkedHashMap<>();
        double[] rowWise = new double[b * d];
        for (int i = 0; i < b; i++) {
            Map<String, INDArray> g = of(model, data.batch(new int[] {from + i}), names);
            double[] row = new double[d];
            for (Map.Entry<String, INDArray> e : g.entrySet()) {
                long size = e.getValue().length();
                if (projection.rowByRow(size)) {
                    projection.accumulateRows(e.getKey(), e.getValue().data().asDouble(), row);
                } else {
                    stacked.computeIfAbsent(e.getKey(), k -> Nd4j.create(DataType.DOUBLE, b, size))
                            .putRow(i, e.getValue());
                }
                e.getValue().close();
            }
            System.arraycopy(row, 0, rowWise, i * d, d);
        }
        INDArray out = Nd4j.create(rowWise, new long[] {b, d}, DataType.DOUBLE);
        for (Map.Entry<String, INDArray> e : stacked.entrySet()) {
            out.addi(e.getValue().mmul(projection.block(e.getKey(), e.getValue().size(1))));
            e.getValue().close();
        }
        return out;
    }
}
