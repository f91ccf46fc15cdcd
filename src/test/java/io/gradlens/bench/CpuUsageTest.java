package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attribution of CPU time between this process' threads and the rest of the machine. */
class CpuUsageTest {

    @Test
    void splitsTheMachinesBusyTimeIntoOursAndOthers() {
        CpuUsage before = new CpuUsage(0L, Map.of(1, 0L, 2, 100_000_000L), Map.of(1, "main", 2, "worker"), 1000, 7);
        // one second later: main used 0.5 s, worker 0.25 s, thread 3 appeared with 0.05 s;
        // the machine was busy for 1.5 s of CPU (150 ticks) and 0.1 s was stolen
        CpuUsage after = new CpuUsage(1_000_000_000L, Map.of(1, 500_000_000L, 2, 350_000_000L, 3, 50_000_000L),
                Map.of(1, "main", 2, "worker", 3, "late"), 1150, 17);
        Map<String, Object> m = after.since(before);
        assertEquals(0.8, (Double) m.get("cpu_cores_used"), 1e-9);
        assertEquals(800L, m.get("process_cpu_ms"));
        assertEquals(0.7, (Double) m.get("other_busy_cores_during"), 1e-9);
        assertEquals(0.1, (Double) m.get("steal_cores_during"), 1e-9);
        assertEquals(List.of("main#1", "worker#2", "late#3"),
                List.copyOf(((Map<?, ?>) m.get("busiest_threads_ms")).keySet()));
        assertEquals(3, m.get("threads_alive"));
        assertEquals(Map.of("main#1", 500L, "worker#2", 250L, "late#3", 50L), after.threadMillisSince(before));
    }

    @Test
    void aRealSnapshotSeesThisThreadWorking() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        CpuUsage before = CpuUsage.now();
        // 30 ms of this thread's own CPU time, however long the machine's load makes that take
        long end = threads.getCurrentThreadCpuTime() + 30_000_000L;
        double x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            x += Math.sqrt(x + 1);
        }
        Map<String, Object> m = CpuUsage.now().since(before);
        assertTrue(x > 0);
        if (!m.isEmpty()) { // Linux only
            assertTrue((Long) m.get("process_cpu_ms") >= 29, m.toString());
        }
    }
}
