package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The native budget collects dead ND4J buffers that a large heap would otherwise keep. */
class NativeMemoryTest {

    @Test
    void deadTensorsBeyondTheBudgetAreCollected() {
        long before = NativeMemory.budget();
        NativeMemory.setBudget(64L << 20);
        try {
            System.gc();
            long collections = NativeMemory.collections();
            long start = Pointer.physicalBytes();
            long peak = start;
            // 1.2 GB of tensors of 4 MB each, all dead at once: their Java wrappers are far too small
            // to make the heap collect on its own
            for (int i = 0; i < 300; i++) {
                Tensor t = Ops.mulScalar(Tensor.constant(Nd4j.ones(DataType.FLOAT, 1 << 20)), 2.0);
                assertTrue(t.value().getFloat(0) == 2f);
                peak = Math.max(peak, Pointer.physicalBytes());
            }
            assertTrue(NativeMemory.collections() > collections, "the budget requested collections");
            long growth = (peak - start) >> 20;
            assertTrue(growth < 600, "resident size grew by " + growth + " MB for 1,200 MB of dead tensors");
        } finally {
            NativeMemory.setBudget(before);
        }
    }

    @Test
    void aBudgetBelowOneMegabyteIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeMemory.setBudget(1000));
        assertTrue(e.getMessage().contains("at least 1 MB"), e.getMessage());
    }
}
