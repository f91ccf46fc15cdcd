package io.gradlens.workflow.corpus;

import io.gradlens.explain.AttributionTarget;
import io.gradlens.util.CancellationToken;
import io.gradlens.workflow.shard.CorpusFixtures;
import io.gradlens.workflow.shard.CorpusParameters;
import io.gradlens.workflow.shard.CorpusRequest;
import io.gradlens.workflow.shard.Shard;
import io.gradlens.workflow.shard.ShardFolder;
import io.gradlens.workflow.shard.ShardMerge;
import io.gradlens.workflow.shard.ShardRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Merged job folders of the tiny corpus ({@link CorpusFixtures}: 11 test documents, a SimpleRNN of
 * 5 units): {@code hidden-grad} in 2 shards with 2 rows per document, {@code saliency} (gradient,
 * predicted class) in 3 shards; both run and merged by the production code.
 */
public final class MergedCorpusFixtures {

    private MergedCorpusFixtures() {
    }

    /** Runs hidden-grad into {@code dir/hidden} in {@code shards} shards and merges; returns the folder. */
    public static Path hiddenGrad(Path dir, int shards) throws Exception {
        CorpusRequest request = CorpusRequest.create("hidden-grad", model(dir), null, data(dir).toString(), "test", 0,
                0, shards, CorpusParameters.hiddenGrad(null, "mean", 0, 2, 0));
        return runAndMerge(request, dir.resolve("hidden"));
    }

    /**
     * Runs hidden-grad into {@code dir/hidden-unmerged} in 2 shards without merging; returns the
     * folder.
     */
    public static Path unmergedHiddenGrad(Path dir) throws Exception {
        CorpusRequest request = CorpusRequest.create("hidden-grad", model(dir), null, data(dir).toString(), "test", 0,
                0, 2, CorpusParameters.hiddenGrad(null, "mean", 0, 2, 0));
        Path out = dir.resolve("hidden-unmerged");
        ShardRunner.runAll(request, Shard.all(2), new ShardFolder(out), ShardRunner.QUIET, CancellationToken.NONE);
        return out;
    }

    /** Runs saliency into {@code dir/saliency} in 3 shards and merges; returns the folder. */
    public static Path saliency(Path dir) throws Exception {
        CorpusRequest request = CorpusRequest.create("saliency", model(dir), null, data(dir).toString(), "test", 0, 0,
                3, CorpusParameters.saliency("gradient", Map.of(), AttributionTarget.predicted(), 4));
        return runAndMerge(request, dir.resolve("saliency"));
    }

    private static Path runAndMerge(CorpusRequest request, Path out) throws Exception {
        ShardRunner.runAll(request, Shard.all(request.shards()), new ShardFolder(out), ShardRunner.QUIET,
                CancellationToken.NONE);
        ShardMerge.merge(out);
        return out;
    }

    private static Path model(Path dir) throws Exception {
        Path file = dir.resolve("rnn.gradlens");
        return java.nio.file.Files.isRegularFile(file) ? file : CorpusFixtures.model(dir);
    }

    private static Path data(Path dir) throws Exception {
        Path file = dir.resolve("corpus.csv");
        return java.nio.file.Files.isRegularFile(file) ? file : CorpusFixtures.dataset(dir);
    }
}
