package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver's options, statistics and line schema (no workload is run here). */
class BenchmarkSuiteTest {

    @Test
    void parsesThePeersOptions() {
        BenchmarkSuite.Options o = BenchmarkSuite.Options.parse("--quick", "--only", "saliency_b1,gemm_2048",
                "--threads", "3", "--seed=7");
        assertTrue(o.quick());
        assertEquals(List.of("saliency_b1", "gemm_2048"), o.only());
        assertEquals(3, o.threads());
        assertEquals(7, o.seed());
        assertEquals(1, o.rounds());
        assertEquals(2, BenchmarkSuite.Options.parse("--rounds", "2").rounds());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkSuite.Options.parse("--only", "nope"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkSuite.Options.parse("--rounds", "0"));
    }

    @Test
    void percentilesInterpolateLinearlyAsNumpy() {
        double[] v = {1, 2, 3, 4};
        assertEquals(2.5, BenchmarkSuite.percentile(v, 50), 1e-12);
        assertEquals(1.75, BenchmarkSuite.percentile(v, 25), 1e-12);
        assertEquals(3.25, BenchmarkSuite.percentile(v, 75), 1e-12);
    }

    @Test
    void aLineHasThePeersSchema() throws Exception {
        BenchmarkSuite.Prepared p = () -> { };
        Map<String, Object> line = BenchmarkSuite.measure("gemm_2048", p, BenchmarkSuite.Options.parse("--quick"), System.err);
        assertEquals(List.of("workload", "impl", "median_ms", "min_ms", "max_ms", "p25_ms", "p75_ms", "runs", "extra"),
                List.copyOf(line.keySet()));
        assertEquals("gradlens", line.get("impl"));
        assertEquals(2, line.get("runs"));
    }
}
