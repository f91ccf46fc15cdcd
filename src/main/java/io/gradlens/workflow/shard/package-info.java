/**
 * Sharded corpus jobs: a {@link io.gradlens.workflow.shard.CorpusRequest} (saliency over a dataset
 * split, hidden-state gradients over a corpus, the representer precomputation of the influence index)
 * split into N shards of consecutive example indices
 * ({@link io.gradlens.workflow.shard.Shard}), each computed on its own by
 * {@link io.gradlens.workflow.shard.ShardRunner} into a {@link io.gradlens.workflow.shard.ShardFolder}
 * (float64 {@code .npy} arrays, then a JSON manifest, atomically: resumable), and combined exactly
 * by {@link io.gradlens.workflow.shard.ShardMerge} (sums and counts, rows stacked; never averages of
 * averages). The command line ({@code --shard K/N}, {@code gradlens merge}) and the Spark runner
 * ({@link io.gradlens.workflow.shard.ClusterRunner}, {@code gradlens spark}) use the same code.
 */
package io.gradlens.workflow.shard;
