package io.gradlens.workflow.shard;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.List;

/**
 * One corpus job ready to run on this machine: its examples are selected and its model opened; any
 * block of its example indices can be computed on its own, and the blocks' arrays merge exactly
 * (by their {@link ShardArray.Rule}s) into the arrays of the whole.
 */
public interface CorpusJob {

    /** The number of selected examples, n. */
    int size();

    /**
     * The arrays of the examples {@code range}.
     *
     * @throws CancellationToken.CancelledException when cancelled (checked once per example or batch)
     */
    List<ShardArray> run(Shard.Range range, ProgressListener progress, CancellationToken cancel) throws Exception;
}
