package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.ndarray.INDArray;
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

    @Test
    void withoutThePropertyTheBudgetIsTheDefault() {
        long mb = 1L << 20;
        assertEquals(NativeMemory.DEFAULT_BUDGET_MB * mb, NativeMemory.defaultBudget(null, 6L << 30));
        assertEquals(NativeMemory.DEFAULT_BUDGET_MB * mb, NativeMemory.defaultBudget(" ", 6L << 30));
        // JavaCPP could not parse the value: the default, not JavaCPP's fallback (the heap size)
        assertEquals(NativeMemory.DEFAULT_BUDGET_MB * mb, NativeMemory.defaultBudget("lots", 0));
    }

    @Test
    void thePropertyAsJavacppParsedItSetsTheBudget() {
        assertEquals(2L << 30, NativeMemory.defaultBudget("2g", 2L << 30));
        assertEquals(768L << 20, NativeMemory.defaultBudget("768m", 768L << 20));
        assertEquals(1L << 20, NativeMemory.defaultBudget("10", 10), "at least 1 MB, as setBudget demands");
    }

    @Test
    void theReportedPeakIsTheKernelsHighWaterMark() throws Exception {
        assumeTrue(Files.isReadable(ProcStatus.SELF), "needs Linux /proc");
        INDArray held = Nd4j.ones(DataType.FLOAT, 16 << 20); // 64 MB resident while the figures are read
        held.addi(1);
        long peak = NativeMemory.peakResidentBytes();
        long rssAfter = ProcStatus.kilobytes(ProcStatus.SELF, "VmRSS") << 10;
        long hwmAfter = ProcStatus.kilobytes(ProcStatus.SELF, "VmHWM") << 10;
        Runtime r = Runtime.getRuntime();
        assertTrue(peak <= hwmAfter, "a high-water mark never falls: " + peak + " > " + hwmAfter);
        assertTrue(peak >= rssAfter - (64L << 20), "the peak is at least what is resident now");
        assertTrue(peak >= r.totalMemory() - r.freeMemory(), "the peak covers the heap in use");
        assertTrue(peak >= held.length() * 4, "the peak covers a 64 MB native array held now");
        assertEquals(2f, held.getFloat(0));
        held.close();
    }

    @Test
    void aReportReadLaterIncludesWhatWasAllocatedMeanwhile() {
        assumeTrue(Files.isReadable(ProcStatus.SELF), "needs Linux /proc");
        Map<String, Object> late = NativeMemory.reportWhenRead();
        long before = NativeMemory.peakResidentBytes();
        long rss = Pointer.physicalBytes();
        INDArray held = Nd4j.ones(DataType.FLOAT, 64 << 20); // 256 MB, touched
        held.addi(1);
        long peak = (Long) late.get("peak_resident_bytes");
        // a fresh 256 MB mapping, filled: resident on top of what was (32 MB slack for frees meanwhile)
        long expected = Math.max(before, rss + held.length() * 4 - (32L << 20));
        assertTrue(peak >= expected, "the late report saw the 256 MB array: peak " + (peak >> 20) + " MB, expected "
                + (expected >> 20) + " MB");
        assertEquals(NativeMemory.budget(), late.get("native_budget_bytes"));
        assertEquals(late.keySet(), NativeMemory.report().keySet());
        held.close();
    }
}
