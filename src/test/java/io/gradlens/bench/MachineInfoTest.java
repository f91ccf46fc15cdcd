package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the CPU model and instruction-set flags from /proc/cpuinfo text. */
class MachineInfoTest {

    @Test
    void readsTheFirstModelAndFlags() {
        MachineInfo m = MachineInfo.parse(List.of("processor\t: 0", "model name\t: AMD EPYC 9B14",
                "flags\t\t: fpu sse2 avx2 fma avx512f avx512bw", "processor\t: 1", "model name\t: other",
                "flags\t\t: fpu"), 2);
        assertEquals(new MachineInfo("AMD EPYC 9B14", 2, true, true), m);
        assertEquals(false, MachineInfo.parse(List.of("flags : sse2 avx2avx512f"), 1).avx512f());
        assertEquals(new MachineInfo("unknown", 4, false, false), MachineInfo.parse(List.of(), 4));
        assertEquals(List.of("cpu_model", "cpu_count", "cpu_avx2", "cpu_avx512f"), List.copyOf(m.extra().keySet()));
    }
}
