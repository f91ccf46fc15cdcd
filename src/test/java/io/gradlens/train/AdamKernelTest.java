package io.gradlens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamKernelTest {

    private static double maxRelativeDifference(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue() / Math.max(1e-30, b.norm2Number().doubleValue());
    }

    private static void compare(DataType type, double tolerance) {
        Nd4j.getRandom().setSeed(11);
        INDArray param = Nd4j.randn(type, 37, 13);
        INDArray m = Nd4j.randn(type, 37, 13).muli(0.1);
        INDArray v = Nd4j.rand(type, 37, 13).muli(0.01);
        INDArray[] fused = {param.dup(), m.dup(), v.dup()};
        INDArray[] reference = {param.dup(), m.dup(), v.dup()};
        for (int step = 0; step < 3; step++) {
            INDArray g = Nd4j.randn(type, 37, 13);
            AdamKernel.update(fused[0], g, fused[1], fused[2], 0.9, 0.999, 0.01, 1e-7);
            AdamKernel.reference(reference[0], g, reference[1], reference[2], 0.9, 0.999, 0.01, 1e-7);
        }
        for (int k = 0; k < 3; k++) {
            assertEquals(0, maxRelativeDifference(fused[k], reference[k]), tolerance, "array " + k + " " + type);
        }
    }

    @Test
    void theFusedLoopEqualsTheOperationByOperationDefinition() {
        compare(DataType.DOUBLE, 1e-14);
        compare(DataType.FLOAT, 1e-6);
    }

    @Test
    void theFirstStepMovesEveryWeightByTheLearningRateAgainstItsGradientsSign() {
        // Kingma & Ba 2015, section 2.1: with bias correction the first step is ≈ α·sign(g).
        Adam adam = new Adam(0.05);
        INDArray theta = Nd4j.createFromArray(1.0, -2.0, 3.0);
        INDArray g = Nd4j.createFromArray(0.3, -4.0, 1e-3);
        var variables = java.util.Map.of("w", io.gradlens.autodiff.Tensor.variable(theta, "w"));
        adam.step(variables, java.util.Map.of("w", io.gradlens.autodiff.Tensor.constant(g)));
        INDArray expected = Nd4j.createFromArray(0.95, -1.95, 2.95);
        assertEquals(0, theta.sub(expected).amaxNumber().doubleValue(), 1e-4);
    }

    @Test
    void viewsTakeTheReferencePathAndGiveTheSameResult() {
        INDArray big = Nd4j.randn(DataType.DOUBLE, 8, 8);
        INDArray view = big.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4),
                org.nd4j.linalg.indexing.NDArrayIndex.all());
        INDArray copy = view.dup();
        INDArray g = Nd4j.randn(DataType.DOUBLE, 4, 8);
        INDArray m1 = Nd4j.zeros(DataType.DOUBLE, 4, 8);
        INDArray v1 = Nd4j.zeros(DataType.DOUBLE, 4, 8);
        AdamKernel.update(view, g, m1, v1, 0.9, 0.999, 0.01, 1e-8);
        AdamKernel.update(copy, g, Nd4j.zeros(DataType.DOUBLE, 4, 8), Nd4j.zeros(DataType.DOUBLE, 4, 8), 0.9, 0.999,
                0.01, 1e-8);
        assertEquals(0, maxRelativeDifference(view, copy), 1e-14);
    }
}
