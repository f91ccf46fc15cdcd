package io.gradlens.spark;

import io.gradlens.cli.GradLensCli;

/**
 * The {@code spark-submit} entry point: {@code spark-submit --class io.gradlens.spark.SparkCorpusJob
 * … gradlens.jar hidden-grad --model M --dataset D --out DIR --shards N} runs
 * {@code gradlens spark} with the master that spark-submit configured (docs/scale-out.md).
 */
public final class SparkCorpusJob {

    private SparkCorpusJob() {
    }

    /** Runs {@code gradlens spark ARGS}. */
    public static void main(String[] args) {
        String[] all = new String[args.length + 1];
        all[0] = "spark";
        System.arraycopy(args, 0, all, 1, args.length);
        GradLensCli.main(all);
    }
}
