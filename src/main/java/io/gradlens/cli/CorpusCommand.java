package io.gradlens.cli;

import io.gradlens.workflow.shard.CorpusRequest;
import java.io.IOException;
import java.nio.file.Path;

/** A command that can describe its dataset run as a sharded corpus job (for --shard and spark). */
interface CorpusCommand {

    /**
     * The job this command's options describe, split into {@code shards} shards.
     *
     * @throws IllegalArgumentException for options that do not make a corpus job (no --dataset, no --out)
     */
    CorpusRequest corpusRequest(int shards) throws IOException;

    /** The job folder (--out). */
    Path corpusFolder();
}
