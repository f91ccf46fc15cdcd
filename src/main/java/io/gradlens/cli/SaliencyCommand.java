package io.gradlens.cli;

import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.ConfiguredMethod;
import io.gradlens.export.AttributionFormat;
import io.gradlens.nn.Classifier;
import io.gradlens.util.ProgressListener;
import io.gradlens.util.WorkLimits;
import io.gradlens.workflow.explain.AttributionExport;
import io.gradlens.workflow.explain.DatasetAttribution;
import io.gradlens.workflow.explain.SelectedExamples;
import io.gradlens.workflow.shard.CorpusParameters;
import io.gradlens.workflow.shard.CorpusRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens saliency}: a score per token (text models) or per pixel (image models) for one
 * text or a dataset split, by gradient, gradient × input, integrated gradients or SmoothGrad;
 * written as JSON Lines, CSV or a self-contained HTML page through {@link AttributionExport}, the
 * workbench's export.
 */
@Command(name = "saliency", mixinStandardHelpOptions = true,
        description = "Saliency per token or pixel: one JSON object per example (json/jsonl), CSV rows, or an "
                + "HTML page. Progress and throughput go to stderr.")
public final class SaliencyCommand implements Callable<Integer>, CorpusCommand {

    @Mixin
    ModelInputOptions input;

    @Option(names = "--target", defaultValue = "predicted",
            description = "predicted, a class index or a class name. Default ${DEFAULT-VALUE}.")
    String target;

    @Mixin
    MethodOptions method;

    @Option(names = "--batch-size", defaultValue = "" + DatasetAttribution.DEFAULT_BATCH_SIZE,
            description = "Examples per tape pass. Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--format", defaultValue = "json", description = "json (= jsonl, one object per line), csv or html.")
    String format;

    @Option(names = "--out", description = "Write here instead of standard output (atomically: a failed run leaves "
            + "an existing file as it was).")
    Path out;

    @Mixin
    ShardOption shard;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public CorpusRequest corpusRequest(int shards) throws IOException {
        if (input.source.dataset == null) {
            throw new IllegalArgumentException("saliency with --shard or spark needs --dataset");
        }
        CorpusRun.folder(out, "saliency");
        Classifier classifier = input.classifier("saliency");
        return CorpusRequest.create("saliency", input.model, input.vocabulary, input.source.dataset, input.split,
                input.limit, input.seed, shards, CorpusParameters.saliency(method.method, method.values(),
                        ExplainSupport.target(target, classifier), batchSize));
    }

    @Override
    public Path corpusFolder() {
        return CorpusRun.folder(out, "saliency");
    }

    @Override
    public Integer call() throws Exception {
        if (shard.shard != null) {
            return CorpusRun.run("saliency", this, shard.shard, spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        AttributionFormat fmt = AttributionFormat.parse(format);
        WorkLimits.batchSize(batchSize, "--batch-size");
        ConfiguredMethod m = method.configure();
        Classifier classifier = input.classifier("saliency");
        AttributionTarget t = ExplainSupport.target(target, classifier);
        SelectedExamples examples = ExplainSupport.select(classifier, input);
        AttributionExport export = new AttributionExport(classifier, String.valueOf(input.model.getFileName()), m, t,
                batchSize);
        PrintWriter err = spec.commandLine().getErr();
        boolean many = input.source.text == null;
        ProgressBar bar = many ? new ProgressBar(err, "saliency") : null;
        ProgressListener progress = bar == null ? ProgressListener.NONE
                : (done, total, message) -> bar.update((int) done, (int) total, "examples");
        long started = System.nanoTime();
        try {
            if (out == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                export.write(examples, fmt, stdout, progress, Interrupt.token());
            } else {
                export.toFile(examples, fmt, out, progress, Interrupt.token());
            }
        } finally {
            if (bar != null) {
                bar.clear();
            }
        }
        if (many) {
            double seconds = (System.nanoTime() - started) / 1e9;
            err.println(String.format(Locale.ROOT, "saliency: %d examples in %.2f s (%.1f examples/s), method %s",
                    examples.size(), seconds, examples.size() / seconds, m.name()));
        }
        return 0;
    }
}
