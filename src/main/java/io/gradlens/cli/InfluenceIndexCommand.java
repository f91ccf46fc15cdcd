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
 * {@code gradlens influence-index --shard K/N}: the precomputation of the influence index in shards —
 * representer points (last-layer features and logits of the training and test examples; the merge
 * refits the last layer and adds the coefficients α) or last-layer TracIn (the training examples'
 * per-checkpoint features and loss gradients; the merge adds self-influence).
 * {@code gradlens influence} keeps computing and caching whole indexes in one process.
 */
@Command(name = "influence-index", mixinStandardHelpOptions = true,
        description = "Influence precomputation in shards (--shard K/N or all/N, or gradlens spark): representer "
                + "features (the merge refits the last layer and writes α) or last-layer TracIn gradients.")
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

    @Option(names = "--method", defaultValue = "representer", description = "representer or tracin (last-layer, "
            + "over the training checkpoints). Default ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--checkpoints", description = "TracIn checkpoint folder (index.json); default <model>.checkpoints.")
    Path checkpoints;

    @Mixin
    ShardOption shard;

    @Option(names = "--out", description = "The job folder.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public CorpusRequest corpusRequest(int shards) throws IOException {
        CorpusRun.folder(out, "influence-index");
        java.util.Map<String, String> parameters = switch (method) {
            case "representer" -> CorpusParameters.influenceIndex(lambda);
            case "tracin" -> CorpusParameters.influenceIndexTracIn(model, checkpoints);
            default -> throw new IllegalArgumentException("--method must be representer or tracin, got '" + method + "'");
        };
        return CorpusRequest.create("influence-index", model, vocabulary, dataset, "train", 0, seed, shards, parameters);
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
