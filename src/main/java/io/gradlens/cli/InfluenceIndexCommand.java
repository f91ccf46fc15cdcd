package io.gradlens.cli;

import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.workflow.shard.CorpusParameters;
import io.gradlens.workflow.shard.CorpusRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens influence-index --shard K/N}: the representer-point precomputation of the influence
 * index (last-layer features and logits of the training and test examples) in shards, merged with
 * the refit of the last layer and the coefficients α ({@code gradlens merge}, or {@code all/N}).
 * {@code gradlens influence} keeps computing and caching whole indexes in one process.
 */
@Command(name = "influence-index", mixinStandardHelpOptions = true,
        description = "Representer-point influence precomputation in shards (--shard K/N or all/N, or gradlens spark): "
                + "features of the training then test examples; the merge refits the last layer and writes α.")
public final class InfluenceIndexCommand implements Callable<Integer>, CorpusCommand {

    @Option(names = "--model", required = true, description = "A classifier (.gradlens, or Keras .h5/.keras/model.json).")
    Path model;

    @Option(names = {"--vocabulary", "--vocab"}, description = "A Keras text model's tokenizer JSON or word list.")
    Path vocabulary;

    @Option(names = "--dataset", required = true, description = "Built-in dataset name or a dataset file.")
    String dataset;

    @Option(names = "--seed", defaultValue = "0", description = "Seed for generated datasets. Default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--lambda", defaultValue = "" + RepresenterPoints.DEFAULT_LAMBDA,
            description = "L2 weight of the representer refit. Default ${DEFAULT-VALUE}.")
    double lambda;

    @Mixin
    ShardOption shard;

    @Option(names = "--out", description = "The job folder.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public CorpusRequest corpusRequest(int shards) throws IOException {
        CorpusRun.folder(out, "influence-index");
        return CorpusRequest.create("influence-index", model, vocabulary, dataset, "train", 0, seed, shards,
                CorpusParameters.influenceIndex(lambda));
    }

    @Override
    public Path corpusFolder() {
        return CorpusRun.folder(out, "influence-index");
    }

    @Override
    public Integer call() throws Exception {
        if (shard.shard == null) {
            throw new IllegalArgumentException("influence-index needs --shard K/N or all/N (or run it with gradlens "
                    + "spark); gradlens influence computes a whole index in one process");
        }
        return CorpusRun.run("influence-index", this, shard.shard, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
