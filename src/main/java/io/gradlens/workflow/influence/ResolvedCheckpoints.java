package io.gradlens.workflow.influence;

import io.gradlens.train.CheckpointRecorder.Checkpoint;
import java.util.List;

/**
 * The TracIn checkpoints an index is computed over, found by {@link InfluenceCheckpoints#resolve}.
 *
 * @param checkpoints the snapshots, oldest first
 * @param digest      SHA-256 over the checkpoint folder's files (part of the disk-cache key), or
 *                    {@code null} for checkpoints held only in memory, which the disk cache cannot name
 * @param source      where they came from, for messages: a folder, or "in memory"
 */
public record ResolvedCheckpoints(List<Checkpoint> checkpoints, byte[] digest, String source) {

    public ResolvedCheckpoints {
        checkpoints = List.copyOf(checkpoints);
        digest = digest == null ? null : digest.clone();
    }

    @Override
    public byte[] digest() {
        return digest == null ? null : digest.clone();
    }
}
