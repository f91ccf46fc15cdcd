package io.gradlens.workflow.influence;

import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the checkpoints of TracIn (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484)
 * come from, and the one policy when there are none.
 *
 * <p><b>Discovery.</b> {@link BesideModel} (the default) reads {@code <model>.checkpoints/}, the folder
 * {@code gradlens train --checkpoint-every K --out <model>} writes ({@link InfluenceCache#defaultCheckpoints});
 * {@link Folder} reads a folder given explicitly ({@code influence --checkpoints DIR}); {@link Recorded}
 * takes the snapshots handed over in memory with a model trained in this session.
 *
 * <p><b>Policy.</b> TracIn without checkpoints is refused with an {@link IllegalArgumentException}
 * whose message ({@link #missingMessage}) says how to record them; the method is never switched
 * silently (no "final weights with learning rate 1" stand-in), because that would be a different
 * score under the same name.
 */
public sealed interface InfluenceCheckpoints {

    /** The checkpoints beside a model file, {@code <model>.checkpoints/}. */
    InfluenceCheckpoints BESIDE_MODEL = new BesideModel();

    /**
     * The checkpoints for a model read from {@code modelFile} (or held in memory when it is {@code null}).
     *
     * @throws IllegalArgumentException with {@link #missingMessage} when there are none
     * @throws IOException when a checkpoint index exists but cannot be read
     */
    ResolvedCheckpoints resolve(Path modelFile) throws IOException;

    /** Why {@link #resolve} would refuse, or empty when checkpoints are there. */
    Optional<String> missing(Path modelFile);

    /**
     * The message for TracIn without checkpoints, the same on the command line and in the workbench.
     *
     * @param where the folder that was looked in, or {@code null} for a model without a file
     */
    static String missingMessage(Path where) {
        String folder = where != null ? where.toString() : "<model>.gradlens.checkpoints";
        return "TracIn needs the checkpoints saved while the model trained, and this model has none (" + folder
                + "/" + InfluenceCache.CHECKPOINT_INDEX + "). Record them with \"gradlens train \u2026 "
                + "--checkpoint-every K --out M.gradlens\" (or the checkpoint field of the workbench's training "
                + "form), which saves them beside the model in M.gradlens.checkpoints/, and open that model; or use "
                + "representer points, which need only the final model.";
    }

    /** {@code <model>.checkpoints/} beside the model file. */
    record BesideModel() implements InfluenceCheckpoints {
        @Override
        public ResolvedCheckpoints resolve(Path modelFile) throws IOException {
            Optional<String> why = missing(modelFile);
            if (why.isPresent()) {
                throw new IllegalArgumentException(why.get());
            }
            return new Folder(InfluenceCache.defaultCheckpoints(modelFile)).resolve(modelFile);
        }

        @Override
        public Optional<String> missing(Path modelFile) {
            if (modelFile == null) {
                return Optional.of(missingMessage(null));
            }
            Path dir = InfluenceCache.defaultCheckpoints(modelFile);
            return InfluenceCache.hasCheckpoints(dir) ? Optional.empty() : Optional.of(missingMessage(dir));
        }
    }

    /** A checkpoint folder named explicitly. */
    record Folder(Path dir) implements InfluenceCheckpoints {
        public Folder {
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public ResolvedCheckpoints resolve(Path modelFile) throws IOException {
            Optional<String> why = missing(modelFile);
            if (why.isPresent()) {
                throw new IllegalArgumentException(why.get());
            }
            return new ResolvedCheckpoints(CheckpointRecorder.load(dir), InfluenceCache.digestFolder(dir),
                    dir.toString());
        }

        @Override
        public Optional<String> missing(Path modelFile) {
            return InfluenceCache.hasCheckpoints(dir) ? Optional.empty() : Optional.of(missingMessage(dir));
        }
    }

    /** Snapshots held in memory, e.g. recorded while the workbench trained the model. */
    record Recorded(List<Checkpoint> checkpoints) implements InfluenceCheckpoints {
        public Recorded {
            checkpoints = List.copyOf(checkpoints);
        }

        @Override
        public ResolvedCheckpoints resolve(Path modelFile) {
            Optional<String> why = missing(modelFile);
            if (why.isPresent()) {
                throw new IllegalArgumentException(why.get());
            }
            return new ResolvedCheckpoints(checkpoints, null, "in memory");
        }

        @Override
        public Optional<String> missing(Path modelFile) {
            return checkpoints.isEmpty() ? Optional.of(missingMessage(modelFile == null ? null
                    : InfluenceCache.defaultCheckpoints(modelFile))) : Optional.empty();
        }
    }
}
