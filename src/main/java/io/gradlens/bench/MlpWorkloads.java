package io.gradlens.bench;

import io.gradlens.autodiff.Engine;
import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Tensor;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.ImageExamples;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The small-model workloads {@code mlp_epoch} and {@code mlp_rrr_epoch}: one epoch of an MLP
 * 784-128-10 (ReLU) on the 8,000 shipped {@code mnist} training digits, batch 256, Adam 1e-3,
 * cross-entropy; the second adds the "right for the right reasons" input-gradient penalty (Ross,
 * Hughes and Doshi-Velez, IJCAI 2017, https://arxiv.org/abs/1703.03717) through
 * {@link ExplanationPenalty}, i.e. double backpropagation. {@code bench/pytorch_peer.py}'s
 * {@code wl_mlp_epoch} and {@code wl_mlp_rrr_epoch} do the identical computation.
 *
 * <p><b>Same data, same order on both sides.</b> Both read {@code datasets/mnist10k-train-*.gz}
 * (pixels byte/255) and visit example {@code (i · 7919) mod 8000} at position {@code i} of the
 * epoch (7919 is prime and does not divide 8000, so this is a permutation both sides compute
 * without sharing a random generator). The relevance mask of example {@code k} (file order) is 0 on
 * the 4×4 swatch in corner {@code k mod 4} (top-left, top-right, bottom-left, bottom-right) and 1
 * elsewhere; the penalty is {@code λ Σ ((1 − Z) ∂(Σ_k log p_k)/∂x)²} with the decoy experiment's
 * λ = 1000 / (256 · 255²).
 *
 * <p><b>The timed body is the training loop itself</b>: {@link Trainer#fit} for one epoch (batch
 * assembly, {@code TrainingStep}, the divergence checks, Adam), so what the suite measures is what
 * {@code train} and {@code experiment decoy-mnist} run. Two untimed extra epochs count the per-step
 * overhead for the {@code extra} object: recorded operations, tape entries, ND4J executioner calls
 * (libnd4j calls through JNI, the GEMMs included, counted by ND4J's {@link OpProfiler}),
 * heap bytes allocated by the thread and bytes of tensor values made (off-heap buffers).
 */
final class MlpWorkloads {

    /** Examples per step, as the decoy experiment. */
    static final int BATCH = 256;
    /** Hidden units. */
    static final int HIDDEN = 128;
    /** Multiplier of the epoch permutation (prime, coprime with 8,000). */
    static final int ORDER_STRIDE = 7919;
    /** Side of the masked corner swatch. */
    static final int SWATCH = 4;
    /** The decoy experiment's λ for batch 256 (DecoyExperiment.paperLambda). */
    static final double LAMBDA = 1000.0 / (BATCH * 255.0 * 255.0);

    private MlpWorkloads() {
    }

    /** {@code mlp_epoch} (plain) or {@code mlp_rrr_epoch} (penalised). */
    static BenchmarkSuite.Prepared epoch(BenchmarkSuite.Options o, boolean penalised) {
        ImageDataset mnist;
        try {
            mnist = (ImageDataset) BuiltInDatasets.load("mnist", o.seed());
        } catch (IOException e) {
            throw new UncheckedIOException("mlp workloads need the shipped mnist files in datasets/", e);
        }
        ImageExamples examples = inEpochOrder(mnist.train(), mnist.height(), mnist.width(), penalised);
        Sequential model = mlp(o.seed());
        Adam adam = new Adam(1e-3);
        ExplanationPenalty penalty = penalised
                ? new ExplanationPenalty(LAMBDA, ExplanationPenalty.Target.SUM_LOG_PROB) : null;
        Trainer trainer = new Trainer(new TrainingConfig(1, BATCH, o.seed(), false, penalty), adam);
        int steps = (examples.size() + BATCH - 1) / BATCH;
        Runnable epoch = () -> trainer.fit(model, examples, null, TrainingListener.NONE, CancellationToken.NONE);
        return new BenchmarkSuite.Prepared() {
            @Override
            public void run() {
                epoch.run();
            }

            @Override
            public int[] repeats(boolean quick) {
                return quick ? new int[] {1, 3} : new int[] {3, 15};
            }

            @Override
            public Map<String, Object> extra(double medianMs) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("examples", examples.size());
                e.put("batch", BATCH);
                e.put("steps", steps);
                // forward 2·(784·128 + 128·10) FLOPs per example; a training step ≈ 3 forwards, the
                // penalised one ≈ 6 (forward, input gradient, and the backward pass through both)
                double forward = 2.0 * (784.0 * HIDDEN + HIDDEN * 10.0) * examples.size();
                double flops = (penalised ? 6 : 3) * forward;
                e.put("epoch_gflop_est", Math.round(flops / 1e7) / 100.0);
                e.put("gflops", Math.round(flops / (medianMs * 1e6) * 100.0) / 100.0);
                e.put("ms_per_step", Math.round(medianMs / steps * 1000.0) / 1000.0);
                e.putAll(StepOverhead.measure(epoch, steps));
                return e;
            }
        };
    }

    /** Input [28, 28, 1] → flatten → dense 128 ReLU → dense 10, float32, Glorot uniform. */
    static Sequential mlp(long seed) {
        return Sequential.builder(new long[] {28, 28, 1}, DataType.FLOAT, seed)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", HIDDEN, "activation", "relu"))
                .add("dense", Map.of("units", 10))
                .build();
    }

    /** The split's examples in epoch order, with the corner masks when {@code masks}. */
    static ImageExamples inEpochOrder(ImageSplit split, int height, int width, boolean masks) {
        int n = split.size();
        float[][] pixels = new float[n][];
        int[] labels = new int[n];
        float[][] relevance = masks ? new float[n][] : null;
        for (int i = 0; i < n; i++) {
            int k = (int) ((long) i * ORDER_STRIDE % n);
            pixels[i] = split.pixels()[k];
            labels[i] = split.labels()[k];
            if (masks) {
                relevance[i] = cornerMask(k % 4, height, width);
            }
        }
        return new ImageExamples(pixels, height, width, 1, labels, relevance);
    }

    /** 1 everywhere but the {@value #SWATCH}×{@value #SWATCH} swatch of corner {@code corner}. */
    static float[] cornerMask(int corner, int height, int width) {
        float[] m = new float[height * width];
        java.util.Arrays.fill(m, 1f);
        int top = corner < 2 ? 0 : height - SWATCH;
        int left = corner % 2 == 0 ? 0 : width - SWATCH;
        for (int r = top; r < top + SWATCH; r++) {
            for (int c = left; c < left + SWATCH; c++) {
                m[r * width + c] = 0f;
            }
        }
        return m;
    }

    /** Per-step counts of one untimed epoch. */
    static final class StepOverhead {

        private StepOverhead() {
        }

        static Map<String, Object> measure(Runnable epoch, int steps) {
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            long ops = Engine.operations();
            long entries = GradientTape.entriesRecorded();
            long valueBytes = Tensor.valueBytesMade();
            long heap = threads.getThreadAllocatedBytes(thread);
            epoch.run();
            heap = threads.getThreadAllocatedBytes(thread) - heap;
            valueBytes = Tensor.valueBytesMade() - valueBytes;
            entries = GradientTape.entriesRecorded() - entries;
            ops = Engine.operations() - ops;
            // a second epoch counts the executioner's calls (the profiler's own garbage would
            // inflate the heap figure of the first)
            OpProfiler profiler = OpProfiler.getInstance();
            ProfilerConfig previous = profiler.getConfig();
            profiler.reset();
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().stackTrace(true).build());
            epoch.run();
            long executionerCalls = profiler.getInvocationsCount();
            Nd4j.getExecutioner().setProfilingConfig(previous != null ? previous
                    : ProfilerConfig.builder().build());
            profiler.reset();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("recorded_ops_per_step", Math.round(ops / (double) steps));
            e.put("tape_entries_per_step", Math.round(entries / (double) steps));
            e.put("nd4j_exec_calls_per_step", Math.round(executionerCalls / (double) steps));
            e.put("heap_kb_per_step", Math.round(heap / 1024.0 / steps));
            e.put("tensor_value_kb_per_step", Math.round(valueBytes / 1024.0 / steps));
            return e;
        }
    }
}
