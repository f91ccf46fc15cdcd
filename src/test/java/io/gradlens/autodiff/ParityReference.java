package io.gradlens.autodiff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradlens.format.AtomicFile;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.Batch;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.StepResult;
import io.gradlens.train.TrainingStep;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One seeded training step of each small model the backend parity test runs, and the committed
 * CPU values of that step ({@code src/test/resources/parity/<workload>.json}): the loss, every
 * parameter's gradient and every parameter after one Adam update, as float32 values in c order.
 *
 * <p>Regenerate the files (on the CPU backend, after a deliberate change to a model, the data or
 * the optimiser) with {@code tools/parity-reference.sh}, which runs {@link #main}.
 */
final class ParityReference {

    /** The workloads, each one training step: LSTM and CNN, plain and with the explanation penalty. */
    static final List<String> WORKLOADS = List.of("lstm_step", "lstm_rrr_step", "cnn_step", "cnn_rrr_step");

    private static final long SEED = 20261204L;
    private static final int VOCAB = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParityReference() {
    }

    /** What one training step produced: the loss, the gradients and the updated parameters. */
    record Step(double loss, Map<String, INDArray> gradients, Map<String, INDArray> updated) {
    }

    /** Runs one step of {@code workload} on the active backend, with whatever kernel policy is set. */
    static Step run(String workload) {
        boolean lstm = workload.startsWith("lstm");
        boolean penalised = workload.contains("rrr");
        Random r = new Random(SEED);
        Sequential model = lstm ? lstm() : cnn();
        Batch batch = lstm ? tokens(r, penalised) : images(r, penalised);
        ExplanationPenalty penalty = penalised ? new ExplanationPenalty(1.0, ExplanationPenalty.Target.MAX_LOG_PROB)
                : null;
        StepResult s = TrainingStep.run(model, batch, penalty, ForwardContext.training(new Random(SEED)), true);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        s.gradients().forEach((name, g) -> gradients.put(name, g.value().dup('c')));
        new Adam(1e-3).step(model.parameters(), s.gradients());
        Map<String, INDArray> updated = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> updated.put(name, p.value().dup('c')));
        return new Step(s.loss(), gradients, updated);
    }

    /** Embedding(30, 5) → LSTM(4) → Dense(2), float32. */
    private static Sequential lstm() {
        return Sequential.builder(new long[] {-1}, DataType.FLOAT, SEED)
                .add("embedding", Map.of("input_dim", VOCAB, "output_dim", 5))
                .add("lstm", Map.of("units", 4))
                .add("dense", Map.of("units", 2))
                .build();
    }

    /** Conv(4, 3×3, ReLU) → max-pool 2 → Conv(6, 3×3, ReLU) → Dense(3) on [10, 10, 1] images. */
    private static Sequential cnn() {
        return Sequential.builder(new long[] {10, 10, 1}, DataType.FLOAT, SEED)
                .add("conv2d", Map.of("filters", 4, "kernel_size", 3, "activation", "relu"))
                .add("max_pool2d", Map.of("pool_size", 2))
                .add("conv2d", Map.of("filters", 6, "kernel_size", 3, "activation", "relu"))
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
    }

    /** Four sequences of seven token ids, binary labels, and for the penalty a random 0/1 relevance. */
    private static Batch tokens(Random r, boolean penalised) {
        int[][] ids = new int[4][7];
        float[] relevance = new float[4 * 7];
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < ids[b].length; t++) {
                ids[b][t] = 2 + r.nextInt(VOCAB - 2);
                relevance[b * 7 + t] = r.nextBoolean() ? 1f : 0f;
            }
        }
        return new Batch(Embedding.ids(ids), labels(r, 4, 2), penalised ? Tensor.of(relevance, 4, 7) : null);
    }

    /** Four uniform [10, 10, 1] images, labels in 0..2, and for the penalty a random 0/1 relevance. */
    private static Batch images(Random r, boolean penalised) {
        float[] pixels = new float[4 * 10 * 10];
        float[] relevance = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = r.nextFloat();
            relevance[i] = r.nextBoolean() ? 1f : 0f;
        }
        return new Batch(Tensor.of(pixels, 4, 10, 10, 1), labels(r, 4, 3),
                penalised ? Tensor.of(relevance, 4, 10, 10, 1) : null);
    }

    private static int[] labels(Random r, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }

    /** The committed CPU values of {@code workload}, from the test class path. */
    static Step committed(String workload) {
        try (InputStream in = ParityReference.class.getResourceAsStream("/parity/" + workload + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no committed parity values for " + workload
                        + "; run tools/parity-reference.sh");
            }
            JsonNode root = JSON.readTree(in);
            return new Step(root.get("loss").asDouble(), arrays(root.get("gradients")), arrays(root.get("updated")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, INDArray> arrays(JsonNode node) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            JsonNode shape = e.getValue().get("shape");
            JsonNode values = e.getValue().get("values");
            long[] dims = new long[shape.size()];
            for (int k = 0; k < dims.length; k++) {
                dims[k] = shape.get(k).asLong();
            }
            float[] v = new float[values.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) values.get(k).asDouble();
            }
            out.put(e.getKey(), Nd4j.create(v, dims, 'c'));
        });
        return out;
    }

    /**
     * Writes every workload's step into {@code args[0]} (default {@code src/test/resources/parity}).
     * Refuses to run on a backend other than the CPU one: the committed values are the CPU's.
     */
    public static void main(String[] args) throws IOException {
        if (!Nd4j.getEnvironment().isCPU()) {
            throw new IllegalStateException("the parity reference values are generated on the CPU backend");
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/parity");
        Files.createDirectories(dir);
        for (String workload : WORKLOADS) {
            Step s = run(workload);
            ObjectNode root = JSON.createObjectNode();
            root.put("workload", workload);
            root.put("generator", "io.gradlens.autodiff.ParityReference (test scope), CPU backend, fused kernels");
            root.put("loss", s.loss());
            root.set("gradients", json(s.gradients()));
            root.set("updated", json(s.updated()));
            Path target = dir.resolve(workload + ".json");
            String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
            AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
            System.out.println("wrote " + target);
        }
    }

    private static ObjectNode json(Map<String, INDArray> arrays) {
        ObjectNode node = JSON.createObjectNode();
        arrays.forEach((name, a) -> {
            ObjectNode entry = node.putObject(name);
            ArrayNode shape = entry.putArray("shape");
            for (long d : a.shape()) {
                shape.add(d);
            }
            ArrayNode values = entry.putArray("values");
            for (float v : a.castTo(DataType.FLOAT).dup('c').data().asFloat()) {
                values.add(v);
            }
        });
        return node;
    }
}
