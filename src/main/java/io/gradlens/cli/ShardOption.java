package io.gradlens.cli;

import picocli.CommandLine.Option;

/**
 * {@code --shard K/N} (or {@code all/N}) of the commands whose dataset runs can be split
 * ({@code saliency}, {@code hidden-grad}): with it, {@code --out} names a job folder of binary shards
 * ({@link CorpusRun}).
 */
final class ShardOption {

    @Option(names = "--shard", description = "K/N: compute shard K of N (examples ⌊(K−1)n/N⌋..⌊Kn/N⌋−1) into the "
            + "folder --out, skipping it when finished; all/N: every missing shard, then merge. See docs/scale-out.md.")
    String shard;
}
