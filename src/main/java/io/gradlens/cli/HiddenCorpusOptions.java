package io.gradlens.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The corpus options of {@code hidden-grad --dataset … --shard K/N}: which documents, how much of
 * each, and how many top rows per document to keep instead of the full maps.
 */
final class HiddenCorpusOptions {

    @Mixin
    ShardOption shard;

    @Option(names = "--limit", defaultValue = "0", description = "With --shard: the first N documents of the split "
            + "(0: all). Default ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--top-k", defaultValue = "5", description = "With --shard: map rows kept per document (those "
            + "with the largest curve value). Default ${DEFAULT-VALUE}.")
    int topK;

    @Option(names = "--map-tokens", defaultValue = "0", description = "With --shard: map each document's first N "
            + "tokens (0: whole documents). Default ${DEFAULT-VALUE}.")
    int maxTokens;
}
