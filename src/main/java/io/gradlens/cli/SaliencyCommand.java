package io.gradlens.cli;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.export.AttributionCsv;
import io.gradlens.export.AttributionHtml;
import io.gradlens.export.AttributionJson;
import io.gradlens.nn.Classifier;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens saliency}: a score per token (text models) or per pixel (image models) for one
 * text or a dataset split, by gradient, gradient × input, integrated gradients or SmoothGrad;
 * written as JSON Lines, CSV or a self-contained HTML page.
 */
@Command(name = "saliency", mixinStandardHelpOptions = true,
        description = "Saliency per token or pixel: one JSON object per example (json/jsonl), CSV rows, or an "
                + "HTML page. Progress and throughput go to stderr.")
public final class SaliencyCommand implements Callable<Integer> {

    @Mixin
    ModelInputOptions input;

    @Option(names = "--target", defaultValue = "predicted",
            description = "predicted, a class index or a class name. Default ${DEFAULT-VALUE}.")
    String target;

    @Mixin
    MethodOptions method;

    @Option(names = "--batch-size", defaultValue = "32", description = "Examples per tape pass. Default ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--format", defaultValue = "json", description = "json (= jsonl, one object per line), csv or html.")
    String format;

    @Option(names = "--out", description = "Write here instead of standard output.")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String fmt = ExplainSupport.format(format, "json", "jsonl", "csv", "html");
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
        }
        Classifier classifier = input.classifier("saliency");
        AttributionMethod m = method.build(classifier);
        AttributionTarget t = ExplainSupport.target(target, classifier);
        ModelInputOptions.Source src = input.source;
        ExplainSupport.Examples examples = src.text != null ? ExplainSupport.fromText(classifier, src.text)
                : src.inputNpy != null ? ExplainSupport.fromNpy(classifier, src.inputNpy)
                : ExplainSupport.fromDataset(classifier, DatasetArgument.load(src.dataset, input.seed), input.split,
                        input.limit);
        PrintWriter err = spec.commandLine().getErr();
        ProgressBar bar = input.source.text == null ? new ProgressBar(err, "saliency") : null;
        String modelName = input.model.toString();
        long started = System.nanoTime();
        try (Writer w = ExplainSupport.open(out, spec.commandLine().getOut())) {
            if (fmt.equals("csv")) {
                w.write(AttributionCsv.HEADER + "\n");
            } else if (fmt.equals("html")) {
                w.write(AttributionHtml.header(m.name(), m.parameters(), modelName));
            }
            int n = examples.size();
            // Texts are explained in windows sorted by length, so a batch pads little (padding
            // changes no score); results are written in the original order.
            int window = batchSize * 16;
            for (int start = 0; start < n; start += window) {
                int end = Math.min(n, start + window);
                Integer[] order = byLength(examples, start, end);
                Attribution[] results = new Attribution[end - start];
                for (int from = 0; from < order.length; from += batchSize) {
                    int to = Math.min(order.length, from + batchSize);
                    List<Integer> idx = java.util.Arrays.asList(order).subList(from, to);
                    List<Attribution> batch = m.attribute(classifier, select(examples.inputs(), idx), t);
                    for (int j = 0; j < idx.size(); j++) {
                        results[idx.get(j) - start] = batch.get(j);
                    }
                    if (bar != null) {
                        bar.update(start + to, n, "examples");
                    }
                }
                for (int i = start; i < end; i++) {
                    Attribution a = results[i - start];
                    int index = examples.indices()[i];
                    Integer label = examples.labels()[i];
                    switch (fmt) {
                        case "csv" -> w.write(AttributionCsv.rows(a, Math.max(index, 0)));
                        case "html" -> w.write(AttributionHtml.example(a, Math.max(index, 0), label,
                                classifier.classNames()));
                        default -> w.write(AttributionJson.line(a, index, label, classifier.classNames(), modelName)
                                + "\n");
                    }
                }
            }
            if (fmt.equals("html")) {
                w.write(AttributionHtml.footer());
            }
        } finally {
            if (bar != null) {
                bar.clear();
            }
        }
        if (input.source.text == null) {
            double seconds = (System.nanoTime() - started) / 1e9;
            err.println(String.format(Locale.ROOT, "saliency: %d examples in %.2f s (%.1f examples/s), method %s",
                    examples.size(), seconds, examples.size() / seconds, m.name()));
        }
        return 0;
    }

    /** Indices {@code start..end-1}, texts sorted by token count (stable), images as they are. */
    private static Integer[] byLength(ExplainSupport.Examples examples, int start, int end) {
        Integer[] order = new Integer[end - start];
        for (int i = start; i < end; i++) {
            order[i - start] = i;
        }
        if (examples.inputs() instanceof AttributionInputs.Tokens tokens) {
            java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> tokens.ids().get(i).length));
        }
        return order;
    }

    private static AttributionInputs select(AttributionInputs inputs, List<Integer> idx) {
        if (inputs instanceof AttributionInputs.Tokens t) {
            return new AttributionInputs.Tokens(idx.stream().map(t.tokens()::get).toList(),
                    idx.stream().map(t.ids()::get).toList());
        }
        if (inputs instanceof AttributionInputs.Images im) {
            return new AttributionInputs.Images(im.height(), im.width(), im.channels(),
                    idx.stream().map(im.pixels()::get).toList());
        }
        AttributionInputs.Numeric nm = (AttributionInputs.Numeric) inputs;
        return new AttributionInputs.Numeric(nm.shape(), idx.stream().map(nm.rows()::get).toList());
    }
}
