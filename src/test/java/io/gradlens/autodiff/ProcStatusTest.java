package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the kernel's memory counters from proc(5) status lines. */
class ProcStatusTest {

    private static final List<String> STATUS = List.of("Name:\tjava", "VmPeak:\t 8123456 kB",
            "VmHWM:\t  1234567 kB", "VmRSS:\t   987654 kB", "Threads:\t19");

    @Test
    void aFieldIsReadInKilobytes() {
        assertEquals(1_234_567, ProcStatus.kilobytes(STATUS, "VmHWM"));
        assertEquals(987_654, ProcStatus.kilobytes(STATUS, "VmRSS"));
    }

    @Test
    void aMissingFieldOrFileIsMinusOne() {
        assertEquals(-1, ProcStatus.kilobytes(STATUS, "VmSwap"));
        assertEquals(-1, ProcStatus.kilobytes(STATUS, "VmHW")); // a prefix of a field is not the field
        assertEquals(-1, ProcStatus.kilobytes(Path.of("/nonexistent/status"), "VmHWM"));
    }

    @Test
    void aLineWithoutKilobytesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProcStatus.kilobytes(STATUS, "Threads"));
        assertTrue(e.getMessage().contains("Threads"), e.getMessage());
    }
}
