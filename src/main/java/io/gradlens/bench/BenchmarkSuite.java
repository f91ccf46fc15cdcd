package io.gradlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.autodiff.Engine;
import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.NativeMemory;
import io.gradlens.autodiff.OpProfile;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputStage;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.Batch;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.StepResult;
import io.gradlens.train.TrainingStep;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * GradLens' side of the benchmark suite of {@code bench/README.md}: the same workload names,
 * shapes, repeat counts and JSON-lines schema as {@code bench/pytorch_peer.py}, so that
 * {@code bench/compare.py} can put both side by side.
 *
 * <p>Each workload builds its model and data from the seed, runs untimed warm-ups, then times
 * each run with {@link System#nanoTime()} and prints one line
 * {@code {"workload","impl":"gradlens","median_ms","min_ms","max_ms","p25_ms","p75_ms","runs","extra"}}
 * on the given stream (percentiles linearly interpolated). Diagnostics (cores, backend, thread
 * settings, JVM) go to stderr.
 *
 * <p><b>Extension points.</b> {@code hidden_map_200}, {@code hidden_map_1403} and
 * {@code representer_query} need explanation code outside this package. The hidden maps come from
 * {@code io.gradlens.explain.HiddenMapWorkload} ({@link ExplainWorkloads}); the others are supplied as
 * {@link Workload}s by a {@link WorkloadProvider} found with {@link ServiceLoader} (a
 * {@code META-INF/services/io.gradlens.bench.WorkloadProvider} entry) or registered with
 * {@link #register(Workload)}. A workload nobody supplies is skipped with a note on stderr; it is
 * never approximated here.
 */
public final class BenchmarkSuite {

    /** Every workload name, in the peer's order. */
    public static final List<String> WORKLOADS = List.of("lstm_train_step", "lstm_rrr_step", "saliency_b1",
            "saliency_throughput", "hidden_map_200", "hidden_map_1403", "cnn_train_step",
            "pixel_saliency_throughput", "representer_query", "gemm_2048", "mlp_epoch", "mlp_rrr_epoch");

    /** The workloads implemented by other packages (see the class comment). */
    public static final Set<String> EXTERNAL = Set.of("hidden_map_200", "hidden_map_1403", "representer_query");

    static final int VOCAB = 20000;
    static final int EMBED = 100;
    static final int HIDDEN = 128;

    private static final Map<String, Workload> REGISTERED = new LinkedHashMap<>();
    private static final MachineInfo MACHINE = MachineInfo.current();
    /** How long {@link #measure} sleeps after a workload to see which threads keep spinning. */
    static final int IDLE_PROBE_MS = 200;

    /**
     * A benchmarked piece of work, for the extension points.
     */
    public interface Workload {
        /** The workload name, e.g. {@code hidden_map_200}. */
        String name();

        /**
         * Builds the model and data (seeded with {@code options.seed()}) and returns the timed body.
         * Called once per suite run, untimed.
         */
        Prepared prepare(Options options) throws Exception;
    }

    /** A prepared workload: the body timed once per run and what its line reports. */
    public interface Prepared {
        /** One timed run. */
        void run() throws Exception;

        /** Warm-up and timed repeat counts, given quick mode. */
        default int[] repeats(boolean quick) {
            return quick ? new int[] {1, 2} : new int[] {2, 10};
        }

        /** Extra fields for the {@code extra} object, given the median in ms. */
        default Map<String, Object> extra(double medianMs) {
            return new LinkedHashMap<>();
        }

        /**
         * Whether {@link JitWarmup} may add untimed runs after the fixed warm-ups. A workload whose
         * warm-up is part of its design says no: {@code hidden_map_1403} warms up on a smaller
         * problem, and an extra full run there costs 10 s and, with the previous run's arrays not
         * yet collected, nearly doubles the memory peak the workload is there to measure.
         */
        default boolean allowsExtraWarmUp() {
            return true;
        }
    }

    /** Supplies extension workloads through {@link ServiceLoader}. */
    public interface WorkloadProvider {
        List<Workload> workloads();
    }

    /**
     * Command-line options, shared with the PyTorch peer except {@code rounds}: how many times the
     * selected workloads run one after another in this JVM (each round prepares them afresh, in the
     * given {@code order}), to show that memory stays bounded and speed steady over a long session.
     */
    public record Options(boolean quick, List<String> only, int threads, long seed, int rounds, BenchOrder order) {
        private static final Set<String> VALUE_OPTIONS = Set.of("--only", "--threads", "--seed", "--rounds",
                "--order", "--format");

        /**
         * Parses {@code --quick}, {@code --only a,b}, {@code --threads N}, {@code --seed S},
         * {@code --rounds R} and {@code --order given|reverse|shuffle[:seed]} (a shuffle without a
         * seed of its own uses {@code --seed}).
         */
        public static Options parse(String... args) {
            int rounds = 1;
            boolean quick = false;
            List<String> only = null;
            int threads = Engine.defaultThreads();
            long seed = 42;
            String order = "given";
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String value = null;
                int eq = a.indexOf('=');
                if (a.startsWith("--") && eq > 0) {
                    value = a.substring(eq + 1);
                    a = a.substring(0, eq);
                }
                if (value == null && VALUE_OPTIONS.contains(a)) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    value = args[++i];
                }
                switch (a) {
                    case "--quick" -> quick = true;
                    case "--only" -> only = Arrays.asList(value.split(","));
                    case "--threads" -> threads = integer(a, value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--rounds" -> rounds = integer(a, value);
                    case "--order" -> order = value;
                    case "--format" -> {
                        if (!"jsonl".equals(value)) {
                            throw new IllegalArgumentException("only --format jsonl is supported, got " + value);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown option " + a
                            + "; use --quick, --only a,b, --threads N, --seed S, --rounds R, "
                            + "--order given|reverse|shuffle[:seed]");
                }
            }
            if (only != null) {
                for (String w : only) {
                    if (!WORKLOADS.contains(w)) {
                        throw new IllegalArgumentException("unknown workload '" + w + "'; known: " + WORKLOADS);
                    }
                }
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
            }
            return new Options(quick, only, threads, seed, rounds, BenchOrder.parse(order, seed));
        }

        private static int integer(String option, String value) {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs an integer, got '" + value + "'");
            }
        }

        /** The selected workloads of round {@code round} (1-based), in the chosen order. */
        public List<String> workloadsOfRound(int round) {
            List<String> selected = new ArrayList<>();
            for (String w : WORKLOADS) {
                if (wants(w)) {
                    selected.add(w);
                }
            }
            return order.arrange(selected, round);
        }

        boolean wants(String workload) {
            return only == null || only.contains(workload);
        }
    }

    private BenchmarkSuite() {
    }

    /** Makes a workload available to the suite (for the extension points). */
    public static synchronized void register(Workload w) {
        REGISTERED.put(w.name(), w);
    }

    /**
     * Runs the selected workloads, one JSON line each on {@code out}; the machine, the engine's
     * settings and per-round memory go to {@code log} (the command line passes its stderr).
     */
    public static void run(Options options, PrintStream out, PrintStream log) throws Exception {
        Engine.configure(options.threads());
        printEnvironment(options, log);
        Map<String, Workload> external = new LinkedHashMap<>();
        for (Workload w : new ExplainWorkloads().workloads()) {
            external.put(w.name(), w);
        }
        for (WorkloadProvider p : ServiceLoader.load(WorkloadProvider.class)) {
            for (Workload w : p.workloads()) {
                external.put(w.name(), w);
            }
        }
        synchronized (BenchmarkSuite.class) {
            external.putAll(REGISTERED);
        }
        ObjectMapper json = new ObjectMapper();
        for (int round = 1; round <= options.rounds(); round++) {
            runRound(options, external, json, out, log, round);
            log.println("[gradlens bench] after round " + round + ": peak resident " + Math.round(
                    ExplainWorkloads.vmHwmMb()) + " MB, " + NativeMemory.describe());
        }
    }

    private static void runRound(Options options, Map<String, Workload> external, ObjectMapper json,
                                 PrintStream out, PrintStream log, int round) throws Exception {
        List<String> names = options.workloadsOfRound(round);
        for (int position = 0; position < names.size(); position++) {
            String name = names.get(position);
            Prepared prepared;
            if (EXTERNAL.contains(name)) {
                Workload w = external.get(name);
                if (w == null) {
                    log.println("[gradlens bench] skipping " + name + ": no implementation registered "
                            + "(io.gradlens.explain does not provide it yet; plug it in with a "
                            + "BenchmarkSuite.WorkloadProvider or BenchmarkSuite.register)");
                    continue;
                }
                prepared = w.prepare(options);
            } else {
                prepared = builtIn(name, options);
            }
            Map<String, Object> line = measure(name, prepared, options, log);
            @SuppressWarnings("unchecked")
            Map<String, Object> extra = (Map<String, Object>) line.get("extra");
            extra.put("round", round);
            extra.put("position", position);
            extra.put("order", options.order().toString());
            out.println(json.writeValueAsString(line));
            out.flush();
        }
    }

    static Map<String, Object> measure(String name, Prepared prepared, Options options, PrintStream log) throws Exception {
        int[] rep = prepared.repeats(options.quick());
        double load = loadAverage();
        // the shared warm-ups, then (GradLens only, untimed) more while the JIT still compiles: the
        // peer has no JIT to wait for (see JitWarmup)
        int maxExtraRuns = options.quick() || !prepared.allowsExtraWarmUp() ? 0 : 20 * Math.max(1, rep[0]);
        int jitRuns = JitWarmup.forThisJvm(maxExtraRuns).warmUp(prepared, rep[0]);
        double[] ms = new double[rep[1]];
        CpuUsage before = CpuUsage.now();
        for (int i = 0; i < rep[1]; i++) {
            long t0 = System.nanoTime();
            prepared.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Map<String, Object> usage = CpuUsage.now().since(before);
        // What the pools burn once the work stops: spinning threads compete with whatever runs next.
        CpuUsage idle = CpuUsage.now();
        Thread.sleep(IDLE_PROBE_MS);
        usage.put("idle_" + IDLE_PROBE_MS + "ms_after_threads_cpu_ms", CpuUsage.now().threadMillisSince(idle));
        if (Boolean.getBoolean("gradlens.profileOps")) {
            printProfile(name, prepared, log);
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = percentile(sorted, 50);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("workload", name);
        line.put("impl", "gradlens");
        line.put("median_ms", round(median));
        line.put("min_ms", round(sorted[0]));
        line.put("max_ms", round(sorted[sorted.length - 1]));
        line.put("p25_ms", round(percentile(sorted, 25)));
        line.put("p75_ms", round(percentile(sorted, 75)));
        line.put("runs", ms.length);
        Map<String, Object> extra = new LinkedHashMap<>(prepared.extra(median));
        extra.put("threads", Engine.threads());
        extra.put("seed", options.seed());
        extra.put("loadavg_1min_before", load);
        extra.put("jit_warmup_runs", jitRuns);
        extra.putAll(MACHINE.extra());
        // who used the cores while the runs were timed: this process (by thread) and everyone else
        extra.putAll(usage);
        extra.put("java_version", System.getProperty("java.version"));
        // the process so far (VmHWM is the high-water mark since the JVM started)
        extra.put("process_peak_rss_mb", Math.round(ExplainWorkloads.vmHwmMb()));
        extra.put("process_rss_mb_after", NativeMemory.describe().get("resident_mb"));
        extra.put("budget_collections", NativeMemory.collections());
        if (options.quick()) {
            extra.put("quick", true);
        }
        line.put("extra", extra);
        return line;
    }

    /**
     * One extra, untimed run under {@link OpProfile}, its per-operation breakdown on stderr
     * (enabled with {@code -Dgradlens.profileOps=true}, e.g. through {@code JAVA_OPTS}).
     */
    private static void printProfile(String name, Prepared prepared, PrintStream log) throws Exception {
        OpProfile.start();
        long t0 = System.nanoTime();
        prepared.run();
        double total = (System.nanoTime() - t0) / 1e6;
        List<OpProfile.Entry> entries = OpProfile.stop();
        log.printf(Locale.ROOT, "[gradlens bench] profile of one %s run: %.1f ms%n", name, total);
        for (OpProfile.Entry e : entries) {
            log.printf(Locale.ROOT, "[gradlens bench]   %-22s %6d calls %9.2f ms %5.1f%%%n", e.op(), e.calls(),
                    e.millis(), 100.0 * e.millis() / total);
        }
    }

    /** Linear interpolation between order statistics, as NumPy's default percentile. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double pos = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    static double loadAverage() {
        try {
            String s = Files.readString(Path.of("/proc/loadavg"));
            return Double.parseDouble(s.split(" ")[0]);
        } catch (Exception e) {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static void printEnvironment(Options options, PrintStream log) {
        log.println("[gradlens bench] cores=" + MACHINE.cores() + " cpu=" + MACHINE.model() + " avx2="
                + MACHINE.avx2() + " avx512f=" + MACHINE.avx512f() + " loadavg=" + loadAverage()
                + " order=" + options.order() + " rounds=" + options.rounds());
        log.println("[gradlens bench] engine " + Engine.describe());
        log.println("[gradlens bench] jvm " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + " max heap " + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB; options " + options);
        log.println("[gradlens bench] native memory " + NativeMemory.describe());
    }

    // ---- built-in workloads ---------------------------------------------------------------------

    static Prepared builtIn(String name, Options o) {
        return switch (name) {
            case "lstm_train_step" -> lstmTrainStep(o, false);
            case "lstm_rrr_step" -> lstmTrainStep(o, true);
            case "saliency_b1" -> saliency(o, 1, 200, 1, o.quick() ? new int[] {2, 5} : new int[] {5, 50});
            case "saliency_throughput" -> saliency(o, 100, 50, 10, o.quick() ? new int[] {1, 2} : new int[] {1, 5});
            case "cnn_train_step" -> cnnTrainStep(o);
            case "pixel_saliency_throughput" -> pixelSaliency(o);
            case "gemm_2048" -> gemm(o);
            case "mlp_epoch" -> MlpWorkloads.epoch(o, false);
            case "mlp_rrr_epoch" -> MlpWorkloads.epoch(o, true);
            default -> throw new IllegalArgumentException("no built-in workload " + name);
        };
    }

    /** Embedding(20000, 100) → LSTM(128) → Dense(2), float32. */
    public static Sequential lstmClassifier(long seed) {
        return Sequential.builder(new long[] {-1}, DataType.FLOAT, seed)
                .add("embedding", Map.of("input_dim", VOCAB, "output_dim", EMBED))
                .add("lstm", Map.of("units", HIDDEN))
                .add("dense", Map.of("units", 2))
                .build();
    }

    /** The CNN of bench/README.md, channels-last input [N, 28, 28, 1]. */
    public static Sequential cnn(long seed) {
        return Sequential.builder(new long[] {28, 28, 1}, DataType.FLOAT, seed)
                .add("conv2d", Map.of("filters", 32, "kernel_size", 3, "activation", "relu"))
                .add("max_pool2d", Map.of("pool_size", 2))
                .add("conv2d", Map.of("filters", 64, "kernel_size", 3, "activation", "relu"))
                .add("max_pool2d", Map.of("pool_size", 2))
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 128, "activation", "relu"))
                .add("dense", Map.of("units", 10))
                .build();
    }

    static Tensor randomIds(Random r, int batch, int steps) {
        int[][] ids = new int[batch][steps];
        for (int[] row : ids) {
            for (int t = 0; t < steps; t++) {
                row[t] = 2 + r.nextInt(VOCAB - 2);
            }
        }
        return Embedding.ids(ids);
    }

    static int[] randomLabels(Random r, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    private static Prepared lstmTrainStep(Options o, boolean penalised) {
        int batch = 32;
        int steps = 200;
        Random r = new Random(o.seed());
        Sequential model = lstmClassifier(o.seed());
        Tensor ids = randomIds(r, batch, steps);
        int[] labels = randomLabels(r, batch, 2);
        Tensor relevance = null;
        if (penalised) {
            float[] z = new float[batch * steps];
            for (int i = 0; i < z.length; i++) {
                z[i] = r.nextBoolean() ? 1f : 0f;
            }
            relevance = Tensor.of(z, batch, steps);
        }
        Batch b = new Batch(ids, labels, relevance);
        ExplanationPenalty penalty = penalised
                ? new ExplanationPenalty(1.0, ExplanationPenalty.Target.MAX_LOG_PROB) : null;
        Adam adam = new Adam(1e-3);
        Random dropout = new Random(o.seed());
        long[] opsPerStep = new long[1];
        return new Prepared() {
            @Override
            public void run() {
                long before = Engine.operations();
                StepResult s = TrainingStep.run(model, b, penalty, ForwardContext.training(dropout), true);
                opsPerStep[0] = Engine.operations() - before;
                adam.step(model.parameters(), s.gradients());
            }

            @Override
            public int[] repeats(boolean quick) {
                if (penalised) {
                    return quick ? new int[] {1, 2} : new int[] {2, 10};
                }
                return quick ? new int[] {1, 3} : new int[] {3, 20};
            }

            @Override
            public Map<String, Object> extra(double medianMs) {
                Map<String, Object> e = new LinkedHashMap<>();
                // F = the matrix-product FLOPs of the forward pass (input and recurrent products, head).
                // A training step is ~3F (forward, input and weight gradients). The RRR step is ~6F:
                // forward F, the saliency (input gradient only) F, and the outer backward through
                // both, 2F + 2F; reported as an estimate against the stand-alone gemm_2048 figure.
                double forward = 2.0 * batch * steps * (EMBED + HIDDEN) * 4 * HIDDEN + 2.0 * batch * HIDDEN * 2;
                double stepFlops = (penalised ? 6 : 3) * forward;
                e.put(penalised ? "gflops_est" : "gflops", Math.round(stepFlops / (medianMs * 1e6) * 100.0) / 100.0);
                e.put("step_gflop", Math.round(stepFlops / 1e9 * 1000.0) / 1000.0);
                if (!penalised) {
                    e.put("sequences_per_s", Math.round(batch / (medianMs / 1000.0) * 10.0) / 10.0);
                }
                e.put("recorded_ops_per_step", opsPerStep[0]);
                e.put("batch", batch);
                e.put("steps", steps);
                return e;
            }
        };
    }

    private static Prepared saliency(Options o, int batch, int steps, int batches, int[] repeats) {
        Random r = new Random(o.seed());
        Sequential model = lstmClassifier(o.seed());
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < batches; i++) {
            inputs.add(randomIds(r, batch, steps));
        }
        long[] ops = new long[1];
        return new Prepared() {
            @Override
            public void run() {
                long before = Engine.operations();
                for (Tensor ids : inputs) {
                    ForwardContext ctx = ForwardContext.inference();
                    Tensor x = InputStage.of(model, ids, ctx).embedded().detach();
                    try (GradientTape tape = GradientTape.open(false, false)) {
                        tape.watch(x);
                        Tensor logits = new InputStage(x, 1).logits(model, x, ctx);
                        Tensor target = ExplanationPenalty.explainedScalar(logits,
                                ExplanationPenalty.Target.MAX_LOG_PROB);
                        Tensor g = tape.gradient(target, x);
                        Ops.sum(g, false, 2).value();
                    }
                }
                ops[0] = Engine.operations() - before;
            }

            @Override
            public int[] repeats(boolean quick) {
                return repeats;
            }

            @Override
            public Map<String, Object> extra(double medianMs) {
                Map<String, Object> e = new LinkedHashMap<>();
                if (batches > 1) {
                    e.put("sentences_per_s", Math.round(batch * batches / (medianMs / 1000.0) * 10.0) / 10.0);
                }
                e.put("recorded_ops_per_run", ops[0]);
                return e;
            }
        };
    }

    static Tensor uniformImages(Random r, int n) {
        float[] v = new float[n * 28 * 28];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return Tensor.of(v, n, 28, 28, 1);
    }

    private static Prepared cnnTrainStep(Options o) {
        Random r = new Random(o.seed());
        Sequential model = cnn(o.seed());
        Batch b = new Batch(uniformImages(r, 64), randomLabels(r, 64, 10), null);
        Adam adam = new Adam(1e-3);
        Random dropout = new Random(o.seed());
        return new Prepared() {
            @Override
            public void run() {
                StepResult s = TrainingStep.run(model, b, null, ForwardContext.training(dropout), true);
                adam.step(model.parameters(), s.gradients());
            }

            @Override
            public int[] repeats(boolean quick) {
                return quick ? new int[] {2, 5} : new int[] {5, 30};
            }

            @Override
            public Map<String, Object> extra(double medianMs) {
                // conv1: 26·26·32·9·2, conv2: 11·11·64·288·2, dense: 1600·128·2 + 128·10·2, per image
                double perImage = 26.0 * 26 * 32 * 9 * 2 + 11.0 * 11 * 64 * 288 * 2 + 1600.0 * 128 * 2 + 128.0 * 10 * 2;
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("gflops", Math.round(3 * 64 * perImage / (medianMs * 1e6) * 100.0) / 100.0);
                e.put("images_per_s", Math.round(64 / (medianMs / 1000.0) * 10.0) / 10.0);
                return e;
            }
        };
    }

    private static Prepared pixelSaliency(Options o) {
        Random r = new Random(o.seed());
        Sequential model = cnn(o.seed());
        List<Tensor> inputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(uniformImages(r, 100));
        }
        return new Prepared() {
            @Override
            public void run() {
                for (Tensor x : inputs) {
                    try (GradientTape tape = GradientTape.open(false, false)) {
                        tape.watch(x);
                        Tensor logits = model.forward(x, ForwardContext.inference());
                        Tensor g = tape.gradient(ExplanationPenalty.explainedScalar(logits,
                                ExplanationPenalty.Target.MAX_LOG_PROB), x);
                        g.value();
                    }
                }
            }

            @Override
            public Map<String, Object> extra(double medianMs) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("images_per_s", Math.round(1000 / (medianMs / 1000.0) * 10.0) / 10.0);
                return e;
            }
        };
    }

    private static Prepared gemm(Options o) {
        Nd4j.getRandom().setSeed(o.seed());
        int n = 2048;
        INDArray a = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(DataType.FLOAT, n, n);
        return new Prepared() {
            @Override
            public void run() {
                Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
            }

            @Override
            public int[] repeats(boolean quick) {
                return quick ? new int[] {1, 3} : new int[] {2, 10};
            }

            @Override
            public Map<String, Object> extra(double medianMs) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("gflops", Math.round(2.0 * n * n * n / (medianMs * 1e6) * 100.0) / 100.0);
                return e;
            }
        };
    }
}
