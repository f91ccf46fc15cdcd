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
        assertThrows(IllegalArgumentException.class, () -> BenchmarkSuite.Options.parse("--rounds", "x"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkSuite.Options.parse("--rounds"));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkSuite.Options.parse("--bogus"));
    }

    @Test
    void theOrderAppliesToTheSelectedWorkloadsInEachRound() {
        BenchmarkSuite.Options given = BenchmarkSuite.Options.parse("--only", "gemm_2048,lstm_train_step,saliency_b1");
        assertEquals(BenchOrder.GIVEN, given.order());
        assertEquals(List.of("lstm_train_step", "saliency_b1", "gemm_2048"), given.workloadsOfRound(1));
        assertEquals(List.of("gemm_2048", "saliency_b1", "lstm_train_step"),
                BenchmarkSuite.Options.parse("--only", "gemm_2048,lstm_train_step,saliency_b1", "--order=reverse")
                        .workloadsOfRound(2));
        BenchmarkSuite.Options shuffled = BenchmarkSuite.Options.parse("--order", "shuffle", "--seed", "5");
        assertEquals(new BenchOrder(BenchOrder.Kind.SHUFFLE, 5), shuffled.order());
        assertEquals(BenchOrder.parse("shuffle:5", 0).arrange(BenchmarkSuite.WORKLOADS, 3), shuffled.workloadsOfRound(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchmarkSuite.Options.parse("--order", "sideways"));
        assertTrue(e.getMessage().contains("sideways"), e.getMessage());
    }

    @Test
    void everyRoundWritesOneRecordPerWorkloadWithItsRoundAndPosition() throws Exception {
        int[] runs = new int[1];
        BenchmarkSuite.register(new BenchmarkSuite.Workload() {
            @Override
            public String name() {
                return "representer_query";
            }

            @Override
            public BenchmarkSuite.Prepared prepare(BenchmarkSuite.Options options) {
                return () -> runs[0]++;
            }
        });
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        BenchmarkSuite.Options o = BenchmarkSuite.Options.parse("--quick", "--only", "representer_query",
                "--rounds", "3", "--threads", "1");
        BenchmarkSuite.run(o, new java.io.PrintStream(out, true, "UTF-8"),
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        List<String> lines = out.toString("UTF-8").lines().toList();
        assertEquals(3, lines.size());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int r = 0; r < 3; r++) {
            Map<?, ?> extra = (Map<?, ?>) json.readValue(lines.get(r), Map.class).get("extra");
            assertEquals(r + 1, extra.get("round"));
            assertEquals(0, extra.get("position"));
            assertEquals("given", extra.get("order"));
            assertTrue(extra.containsKey("cpu_model"));
        }
        assertEquals(3 * 3, runs[0], "each round: one warm-up and two timed runs");
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

    @Test
    void aWorkloadThatRefusesExtraWarmUpRunsOnlyItsOwnWarmUps() throws Exception {
        int[] runs = {0};
        BenchmarkSuite.Prepared p = new BenchmarkSuite.Prepared() {
            @Override
            public void run() {
                runs[0]++;
                // keep the compiler busy, as a first run of real work does
                java.util.stream.IntStream.range(0, 2000).mapToObj(Integer::toString).map(String::hashCode)
                        .reduce(0, Integer::sum);
            }

            @Override
            public int[] repeats(boolean quick) {
                return new int[] {1, 2};
            }

            @Override
            public boolean allowsExtraWarmUp() {
                return false;
            }
        };
        Map<String, Object> line = BenchmarkSuite.measure("hidden_map_1403", p, BenchmarkSuite.Options.parse(), System.err);
        assertEquals(3, runs[0], "one fixed warm-up and two timed runs, no JIT warm-ups");
        assertEquals(0, ((Map<?, ?>) line.get("extra")).get("jit_warmup_runs"));
    }
}
