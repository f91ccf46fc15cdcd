package io.gradlens.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.autodiff.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SgdTest {

    /** Runs {@code steps} steps on f(θ) = ½·a·θ² (gradient a·θ) from θ₀ and returns θ. */
    private static double run(Sgd sgd, double a, double theta0, int steps) {
        INDArray theta = Nd4j.createFromArray(theta0);
        Map<String, Tensor> variables = Map.of("w", Tensor.variable(theta, "w"));
        for (int k = 0; k < steps; k++) {
            sgd.step(variables, Map.of("w", Tensor.constant(theta.mul(a))));
        }
        return theta.getDouble(0);
    }

    @Test
    void momentumFollowsTheHeavyBallRecursion() {
        double eta = 0.1;
        double mu = 0.9;
        double a = 2.0;
        double theta = 1.5;
        double u = 0;
        for (int k = 1; k <= 6; k++) {
            u = mu * u + a * theta;
            theta -= eta * u;
            assertEquals(theta, run(new Sgd(eta, mu), a, 1.5, k), 1e-12, "step " + k);
        }
    }

    @Test
    void zeroMomentumIsPlainSgdAndTheFirstStepsAgree() {
        assertEquals(1.5 * Math.pow(1 - 0.1 * 2, 4), run(new Sgd(0.1), 2.0, 1.5, 4), 1e-12);
        assertEquals(run(new Sgd(0.1), 2.0, 1.5, 1), run(new Sgd(0.1, 0.9), 2.0, 1.5, 1), 1e-15);
        assertEquals("sgd", new Sgd(0.1).name());
        assertEquals("sgd-momentum", new Sgd(0.1, 0.5).name());
    }

    @Test
    void badHyperparametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.0));
    }
}
