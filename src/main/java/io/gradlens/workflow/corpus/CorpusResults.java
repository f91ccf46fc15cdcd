package io.gradlens.workflow.corpus;

import io.gradlens.workflow.shard.CorpusRequest;

/**
 * The merged result of one corpus job, opened by {@link MergedCorpusResults#open}: a
 * {@link CorpusHiddenState} or a {@link CorpusSaliency}.
 */
public sealed interface CorpusResults permits CorpusHiddenState, CorpusSaliency {

    /** The manifest: request, shard count, provenance. */
    MergedManifest manifest();

    /** The job's request. */
    default CorpusRequest request() {
        return manifest().request();
    }

    /** The examples (documents) the result covers. */
    int size();
}
