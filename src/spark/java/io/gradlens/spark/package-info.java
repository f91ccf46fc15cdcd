/**
 * The Apache Spark runner of sharded corpus jobs, compiled only in Maven's {@code -Pspark} profile:
 * {@link io.gradlens.spark.SparkClusterRunner} maps the shards of a
 * {@link io.gradlens.workflow.shard.CorpusRequest} over partitions (one shard per task, the model
 * opened once per executor JVM, one ND4J thread per task) into a shared folder and merges them
 * with {@link io.gradlens.workflow.shard.ShardMerge}; {@link io.gradlens.spark.SparkCorpusJob} is the
 * {@code spark-submit} entry point. This package calls {@code workflow.shard} only.
 */
package io.gradlens.spark;
