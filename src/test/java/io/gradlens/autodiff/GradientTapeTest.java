package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The tape's contract: closed forms, nesting to any order, and the explaining exceptions. */
class GradientTapeTest {

    private static Tensor scalar(double v) {
        return Tensor.scalar(v, DataType.DOUBLE);
    }

    @Test
    void firstSecondAndThirdDerivativesOfACubeThroughNestedTapes() {
        Tensor x = scalar(2.0);
        try (GradientTape t1 = GradientTape.open()) {
            t1.watch(x);
            Tensor d2;
            try (GradientTape t2 = GradientTape.open()) {
                t2.watch(x);
                Tensor d1;
                try (GradientTape t3 = GradientTape.open()) {
                    t3.watch(x);
                    Tensor y = Ops.pow(x, 3);
                    d1 = t3.gradient(y, x);
                }
                assertEquals(12.0, d1.item(), 1e-12); // 3x²
                d2 = t2.gradient(d1, x);
            }
            assertEquals(12.0, d2.item(), 1e-12); // 6x
            Tensor d3 = t1.gradient(d2, x);
            assertEquals(6.0, d3.item(), 1e-12);
        }
    }

    @Test
    void persistentTapeComputesSeveralGradientsAndAPlainOneOnlyOne() {
        Tensor x = scalar(3.0);
        try (GradientTape tape = GradientTape.persistent()) {
            tape.watch(x);
            Tensor y = Ops.square(x);
            Tensor z = Ops.exp(x);
            assertEquals(6.0, tape.gradient(y, x).item(), 1e-12);
            assertEquals(Math.exp(3.0), tape.gradient(z, x).item(), 1e-9);
        }
        GradientTape once = GradientTape.open();
        once.watch(x);
        Tensor y = Ops.square(x);
        once.close();
        once.gradient(y, x);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> once.gradient(y, x));
        assertTrue(e.getMessage().contains("GradientTape.persistent()"), e.getMessage());
    }

    @Test
    void vectorJacobianProductUsesTheSeed() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}, 3);
        Tensor seed = Tensor.of(new double[] {1, 10, 100}, 3);
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(x);
            Tensor y = Ops.square(x);
            Tensor g = tape.vjp(y, seed, List.of(x), UnconnectedGradients.RAISE).get(0);
            assertEquals(Nd4j.create(new double[] {2, 40, 600}), g.value());
        }
    }

    @Test
    void variablesAreWatchedAutomatically() {
        Tensor w = Tensor.variable(Nd4j.create(new double[] {1, 2}, new long[] {2}), "w");
        try (GradientTape tape = GradientTape.open()) {
            Tensor loss = Ops.sum(Ops.square(w), false);
            assertEquals(Nd4j.create(new double[] {2, 4}), tape.gradient(loss, w).value());
        }
    }

    @Test
    void nothingIsRecordedWithoutATapeOrForUnwatchedInputs() {
        Tensor x = scalar(1.0);
        Ops.exp(x); // no tape: no bookkeeping, nothing to check but that it works
        try (GradientTape tape = GradientTape.open()) {
            Ops.exp(x);
            assertEquals(0, tape.recordedOperations());
            tape.watch(x);
            Ops.exp(x);
            assertEquals(1, tape.recordedOperations());
        }
    }

    @Test
    void gradientOfARepeatedInputAccumulates() {
        Tensor x = scalar(3.0);
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(x);
            Tensor y = Ops.add(Ops.mul(x, x), x);
            assertEquals(7.0, tape.gradient(y, x).item(), 1e-12);
        }
    }

    @Test
    void integerTokenIdsExplainWhereToTakeTheGradient() {
        Tensor ids = Tensor.constant(Nd4j.createFromArray(new int[] {3, 1, 2}));
        Tensor table = Tensor.variable(Nd4j.rand(DataType.DOUBLE, 5, 2), "embedding");
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = Ops.sum(NnOps.embedding(table, new int[] {3, 1, 2}, 3), false);
            DisconnectedGradientException e = assertThrows(DisconnectedGradientException.class,
                    () -> tape.gradient(y, ids));
            assertEquals(DisconnectedGradientException.Reason.INTEGER_TENSOR, e.reason());
            assertTrue(e.getMessage().contains("take the gradient with respect to the embedding output"),
                    e.getMessage());
        }
    }

    @Test
    void unwatchedConstantSaysToWatchIt() {
        Tensor x = scalar(1.0);
        Tensor w = Tensor.variable(Nd4j.scalar(2.0), "w");
        try (GradientTape tape = GradientTape.open()) {
            Tensor y = Ops.mul(x, w);
            DisconnectedGradientException e = assertThrows(DisconnectedGradientException.class,
                    () -> tape.gradient(y, x));
            assertEquals(DisconnectedGradientException.Reason.NOT_WATCHED, e.reason());
            assertTrue(e.getMessage().contains("tape.watch(x)"), e.getMessage());
        }
    }

    @Test
    void tensorComputedBeforeTheTapeStartedIsExplained() {
        Tensor x = scalar(1.0);
        Tensor before = Ops.exp(x);
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(x);
            Tensor y = Ops.mul(Ops.exp(x), before);
            DisconnectedGradientException e = assertThrows(DisconnectedGradientException.class,
                    () -> tape.gradient(y, before));
            assertEquals(DisconnectedGradientException.Reason.COMPUTED_OUTSIDE_TAPE, e.reason());
            assertTrue(e.getMessage().contains("before the tape started recording"), e.getMessage());
        }
    }

    @Test
    void sliceTakenAfterTheLossSaysToSliceTheGradient() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 4);
        Tensor loss;
        Tensor insideSlice;
        GradientTape tape = GradientTape.persistent();
        tape.watch(x);
        loss = Ops.sum(Ops.square(x), false);
        insideSlice = Ops.slice(x, 0, 0, 2);
        tape.close();
        Tensor outsideSlice = Ops.slice(x, 0, 0, 2);
        for (Tensor slice : List.of(insideSlice, outsideSlice)) {
            DisconnectedGradientException e = assertThrows(DisconnectedGradientException.class,
                    () -> tape.gradient(loss, slice));
            assertEquals(DisconnectedGradientException.Reason.COMPUTED_AFTER_TARGET, e.reason());
            assertTrue(e.getMessage().contains("slice the gradient instead"), e.getMessage());
        }
        // The advice works: slice the gradient of the whole tensor.
        Tensor g = Ops.slice(tape.gradient(loss, x), 0, 0, 2);
        assertEquals(Nd4j.create(new double[] {2, 4}), g.value());
    }

    @Test
    void resultComputedAfterTheTapeStoppedIsExplained() {
        Tensor x = scalar(1.0);
        GradientTape tape = GradientTape.open();
        tape.watch(x);
        Tensor y = Ops.exp(x);
        tape.close();
        Tensor later = Ops.square(x);
        DisconnectedGradientException e = assertThrows(DisconnectedGradientException.class,
                () -> tape.gradient(y, later));
        assertEquals(DisconnectedGradientException.Reason.COMPUTED_OUTSIDE_TAPE, e.reason());
        assertTrue(e.getMessage().contains("after the tape stopped recording"), e.getMessage());
    }

    @Test
    void unrelatedWatchedTensorRaisesOrGivesZerosOnRequest() {
        Tensor x = scalar(1.0);
        Tensor other = Tensor.of(new double[] {5, 6}, 2);
        try (GradientTape tape = GradientTape.persistent()) {
            tape.watch(x, other);
            Tensor y = Ops.exp(x);
            DisconnectedGradientException e = assertThrows(DisconnectedGradientException.class,
                    () -> tape.gradient(y, other));
            assertEquals(DisconnectedGradientException.Reason.NOT_CONNECTED, e.reason());
            assertTrue(e.getMessage().contains("UnconnectedGradients.ZERO"), e.getMessage());
            Tensor zeros = tape.gradient(y, List.of(other), UnconnectedGradients.ZERO).get(0);
            assertEquals(Nd4j.zeros(DataType.DOUBLE, 2), zeros.value());
        }
    }

    @Test
    void mixedPrecisionIsRefusedWithBothOperandsNamed() {
        Tensor a = Tensor.of(new double[] {1}, 1);
        Tensor b = Tensor.of(new float[] {1}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ops.add(a, b));
        assertTrue(e.getMessage().contains("DOUBLE") && e.getMessage().contains("FLOAT"), e.getMessage());
    }
}
