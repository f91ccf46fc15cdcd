package io.gradlens.workflow.training;

import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.io.ModelBundle;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.workflow.ModelProvenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a training run produced.
 *
 * @param model       the trained model
 * @param provenance  where it came from (also inside a classifier's provenance map)
 * @param checkpoints the TracIn snapshots taken ({@link TrainingSettings#checkpointEvery()}), oldest first
 * @param history     the metrics of each epoch (empty for the price model)
 */
public record TrainingResult(TrainedModel model, ModelProvenance provenance,
                             List<CheckpointRecorder.Checkpoint> checkpoints, List<Map<String, Double>> history) {

    /** Freezes the lists. */
    public TrainingResult {
        checkpoints = List.copyOf(checkpoints);
        history = List.copyOf(history);
    }

    /**
     * Writes the model as a bundle at {@code out} (atomically: a temporary file moved into place)
     * and its checkpoints, if any, into {@link InfluenceCache#defaultCheckpoints(Path)} beside it,
     * where {@code influence --method tracin} and the workbench's Influence tab find them.
     *
     * @return the checkpoint folder written, or empty when there are none
     */
    public Optional<Path> save(Path out) throws IOException {
        if (model instanceof TrainedModel.Classification c) {
            ModelBundle.write(c.classifier(), out);
        } else if (model instanceof TrainedModel.PriceRegression p) {
            ModelBundle.write(p.model(), provenance.toMap(), out);
        }
        return saveCheckpoints(checkpoints, out);
    }

    /** Writes {@code checkpoints} beside the bundle {@code out}; empty when there are none. */
    public static Optional<Path> saveCheckpoints(List<CheckpointRecorder.Checkpoint> checkpoints, Path out)
            throws IOException {
        if (checkpoints.isEmpty()) {
            return Optional.empty();
        }
        Path dir = InfluenceCache.defaultCheckpoints(out);
        CheckpointRecorder.save(checkpoints, dir);
        return Optional.of(dir);
    }
}
