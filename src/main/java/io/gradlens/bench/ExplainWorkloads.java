package io.gradlens.bench;

import io.gradlens.explain.HiddenMapWorkload;
import io.gradlens.util.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extension workloads that {@code io.gradlens.explain} already provides: {@code hidden_map_200}
 * and {@code hidden_map_1403} run {@link HiddenMapWorkload} (its own model, ids and chunking;
 * seed fixed there). {@code representer_query} is not provided yet; it stays a skipped extension
 * point until a {@link BenchmarkSuite.WorkloadProvider} supplies it.
 */
final class ExplainWorkloads implements BenchmarkSuite.WorkloadProvider {

    @Override
    public List<BenchmarkSuite.Workload> workloads() {
        return List.of(hiddenMap("hidden_map_200"), hiddenMap("hidden_map_1403"));
    }

    private static BenchmarkSuite.Workload hiddenMap(String name) {
        return new BenchmarkSuite.Workload() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public BenchmarkSuite.Prepared prepare(BenchmarkSuite.Options options) {
                boolean big = name.equals("hidden_map_1403");
                HiddenMapWorkload work = big && options.quick()
                        ? HiddenMapWorkload.create(300, 200, 100, 20_000, 0) : HiddenMapWorkload.named(name);
                HiddenMapWorkload warm = big ? HiddenMapWorkload.create(100, 200, 100, 20_000, 0) : work;
                double rssBefore = vmHwmMb();
                return new BenchmarkSuite.Prepared() {
                    private boolean warmedUp;

                    @Override
                    public void run() {
                        HiddenMapWorkload w = big && !warmedUp ? warm : work;
                        warmedUp = true;
                        w.run((done, total, message) -> { }, CancellationToken.NONE);
                    }

                    @Override
                    public int[] repeats(boolean quick) {
                        return big ? new int[] {1, 1} : quick ? new int[] {1, 1} : new int[] {1, 3};
                    }

                    @Override
                    public Map<String, Object> extra(double medianMs) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("steps", work.steps());
                        if (big) {
                            // VmHWM of this JVM: the whole suite's high-water mark so far, not a child's
                            e.put("peak_rss_mb", vmHwmMb());
                            e.put("rss_before_workload_mb", rssBefore);
                            e.put("peak_rss_scope", "process high-water mark (run with --only hidden_map_1403 "
                                    + "for this workload alone)");
                        }
                        return e;
                    }
                };
            }
        };
    }

    /** This process's peak resident set (VmHWM) in MB, or -1 where /proc is absent. */
    static double vmHwmMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }
}
