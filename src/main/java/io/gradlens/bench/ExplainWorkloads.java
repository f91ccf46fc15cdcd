package io.gradlens.bench;

import io.gradlens.explain.HiddenMapWorkload;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.util.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The extension workloads that {@code io.gradlens.explain} already provides: {@code hidden_map_200}
 * and {@code hidden_map_1403} run {@link HiddenMapWorkload} (its own model, ids and chunking;
 * seed fixed there). {@code representer_query} runs the query path of {@link RepresenterPoints}
 * (the one the {@code influence} command uses once α is precomputed) over the peer's shapes:
 * 8,000 training features of width 128 (+1 for the bias), α for 10 classes, top-20 proponents and
 * opponents, 16 seeded queries cycled.
 */
final class ExplainWorkloads implements BenchmarkSuite.WorkloadProvider {

    @Override
    public List<BenchmarkSuite.Workload> workloads() {
        return List.of(hiddenMap("hidden_map_200"), hiddenMap("hidden_map_1403"), representerQuery());
    }

    private static BenchmarkSuite.Workload representerQuery() {
        return new BenchmarkSuite.Workload() {
            @Override
            public String name() {
                return "representer_query";
            }

            @Override
            public BenchmarkSuite.Prepared prepare(BenchmarkSuite.Options options) {
                int n = 8_000;
                int width = 129;
                int classes = 10;
                java.util.Random random = new java.util.Random(options.seed());
                double[] f = new double[n * width];
                double[] a = new double[n * classes];
                int[] labels = new int[n];
                double[] labelAlpha = new double[n];
                for (int i = 0; i < n; i++) {
                    for (int d = 0; d < width; d++) {
                        f[i * width + d] = d == width - 1 ? 1.0 : random.nextGaussian();
                    }
                    for (int c = 0; c < classes; c++) {
                        a[i * classes + c] = random.nextGaussian();
                    }
                    labels[i] = random.nextInt(classes);
                    labelAlpha[i] = Math.abs(a[i * classes + labels[i]]);
                }
                Map<String, org.nd4j.linalg.api.ndarray.INDArray> arrays = new LinkedHashMap<>();
                arrays.put("features", org.nd4j.linalg.factory.Nd4j.create(f, new long[] {n, width}, 'c'));
                arrays.put("alpha", org.nd4j.linalg.factory.Nd4j.create(a, new long[] {n, classes}, 'c'));
                arrays.put("labels", org.nd4j.linalg.factory.Nd4j.createFromArray(labels));
                arrays.put("label_alpha", org.nd4j.linalg.factory.Nd4j.createFromArray(labelAlpha));
                arrays.put("meta", org.nd4j.linalg.factory.Nd4j.createFromArray(0.003, 0, 0, 0, 0));
                RepresenterPoints points = RepresenterPoints.fromArrays(arrays);
                double[][] queries = new double[16][width];
                for (double[] q : queries) {
                    for (int d = 0; d < width; d++) {
                        q[d] = d == width - 1 ? 1.0 : random.nextGaussian();
                    }
                }
                return new BenchmarkSuite.Prepared() {
                    private int next;

                    @Override
                    public void run() {
                        int q = next++ % queries.length;
                        points.explain(q, queries[q], q % classes, 20);
                    }

                    @Override
                    public int[] repeats(boolean quick) {
                        return quick ? new int[] {20, 50} : new int[] {100, 500};
                    }

                    @Override
                    public Map<String, Object> extra(double medianMs) {
                        Map<String, Object> e = new LinkedHashMap<>();
                        e.put("training_points", n);
                        e.put("feature_width", width);
                        e.put("top_k", 20);
                        return e;
                    }
                };
            }
        };
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
                    public boolean allowsExtraWarmUp() {
                        return !big;
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
