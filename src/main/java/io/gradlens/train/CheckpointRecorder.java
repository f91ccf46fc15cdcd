package io.gradlens.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.autodiff.Tensor;
import io.gradlens.format.AtomicFile;
import io.gradlens.format.Npz;
import io.gradlens.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link TrainingListener} that snapshots every weight of a model at the end of every
 * {@code k}-th epoch, together with the learning rate in force, as the checkpoint variant of TracIn
 * needs them (Pruthi, Liu, Kale and Sundararajan, "Estimating Training Data Influence by Tracing
 * Gradient Descent", NeurIPS 2020, https://arxiv.org/abs/2002.08484).
 *
 * <p>Snapshots are copies: later training does not change them. {@link #save(Path)} writes one
 * {@code checkpoint-<epoch>.npz} per snapshot and an {@code index.json} with epochs and learning
 * rates; {@link #load(Path)} reads them back.
 */
public final class CheckpointRecorder implements TrainingListener {

    /**
     * One snapshot.
     *
     * @param epoch        the 1-based epoch after which it was taken
     * @param learningRate the optimizer's learning rate η_c during that epoch
     * @param weights      every weight by {@code <layer>/<param>} (copies)
     */
    public record Checkpoint(int epoch, double learningRate, Map<String, INDArray> weights) {
        public Checkpoint {
            weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Sequential model;
    private final Optimizer optimizer;
    private final int every;
    private final TrainingListener next;
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    /**
     * @param model     the model being trained
     * @param optimizer its optimizer (asked for the learning rate at each snapshot)
     * @param every     snapshot after every {@code every}-th epoch (≥ 1)
     * @param next      a listener to forward every event to, or {@link TrainingListener#NONE}
     */
    public CheckpointRecorder(Sequential model, Optimizer optimizer, int every, TrainingListener next) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints must be taken every ≥ 1 epochs, got " + every);
        }
        this.model = model;
        this.optimizer = optimizer;
        this.every = every;
        this.next = next == null ? TrainingListener.NONE : next;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, StepResult result) {
        next.onBatch(epoch, batch, batches, result);
    }

    @Override
    public void onEpoch(int epoch, Map<String, Double> metrics) {
        if (epoch % every == 0) {
            snapshot(epoch);
        }
        next.onEpoch(epoch, metrics);
    }

    /** Takes a snapshot now, labelled {@code epoch}. */
    public void snapshot(int epoch) {
        Map<String, INDArray> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : model.parameters().entrySet()) {
            copy.put(e.getKey(), e.getValue().value().dup());
        }
        checkpoints.add(new Checkpoint(epoch, optimizer.learningRate(), copy));
    }

    /** The snapshots so far, oldest first. */
    public List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** Writes the snapshots into {@code dir} (created if needed). */
    public void save(Path dir) throws IOException {
        save(checkpoints, dir);
    }

    /**
     * Writes {@code checkpoints} into {@code dir}: {@code checkpoint-<epoch>.npz} and, last,
     * {@code index.json}, each file atomically ({@link AtomicFile}).
     */
    public static void save(List<Checkpoint> checkpoints, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Map<String, Object>> index = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            String file = "checkpoint-" + c.epoch() + ".npz";
            AtomicFile.write(dir.resolve(file), Npz.write(c.weights()));
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("epoch", c.epoch());
            entry.put("learning_rate", c.learningRate());
            entry.put("file", file);
            index.add(entry);
        }
        AtomicFile.write(dir.resolve("index.json"), JSON.writeValueAsBytes(Map.of("checkpoints", index)));
    }

    /**
     * Reads checkpoints written by {@link #save(Path)}.
     *
     * @throws IOException if the folder has no readable {@code index.json} or a listed file is missing
     */
    public static List<Checkpoint> load(Path dir) throws IOException {
        Path indexFile = dir.resolve("index.json");
        if (!Files.isRegularFile(indexFile)) {
            throw new IOException("no checkpoint index " + indexFile);
        }
        Map<?, ?> json = JSON.readValue(indexFile.toFile(), Map.class);
        if (!(json.get("checkpoints") instanceof List<?> list)) {
            throw new IOException(indexFile + " has no 'checkpoints' list");
        }
        List<Checkpoint> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("epoch") instanceof Number epoch)
                    || !(m.get("learning_rate") instanceof Number lr) || !(m.get("file") instanceof String file)
                    || file.contains("/") || file.contains("\\") || file.contains("..")) {
                throw new IOException(indexFile + ": malformed checkpoint entry " + o);
            }
            out.add(new Checkpoint(epoch.intValue(), lr.doubleValue(), Npz.read(dir.resolve(file))));
        }
        return out;
    }
}
