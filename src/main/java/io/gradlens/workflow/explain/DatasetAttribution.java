package io.gradlens.workflow.explain;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.export.AttributionRecord;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.util.WorkLimits;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Explains many examples in batches sharing each tape pass, handing each result on in input
 * order as soon as its window is done, with progress per batch and a cancellation check before
 * every batch. Texts are explained in windows of {@value #WINDOW_BATCHES} batches sorted by length
 * so a batch pads little (padding changes no score).
 */
public final class DatasetAttribution {

    /** Examples per tape pass unless told otherwise (the command line's {@code --batch-size}). */
    public static final int DEFAULT_BATCH_SIZE = 32;
    /** Batches per window of length-sorted texts. */
    static final int WINDOW_BATCHES = 16;

    /** Receives explained examples in input order. */
    @FunctionalInterface
    public interface Sink {
        /** Takes one explained example. */
        void accept(AttributionRecord record) throws IOException;
    }

    private DatasetAttribution() {
    }

    /**
     * Explains every example of {@code examples}.
     *
     * @param batchSize examples per tape pass (1 to {@link WorkLimits#MAX_BATCH_SIZE})
     * @throws CancellationToken.CancelledException when cancelled (before a batch)
     * @throws IOException                          when the sink fails
     */
    public static void explain(Classifier model, SelectedExamples examples, AttributionMethod method,
                               AttributionTarget target, int batchSize, Sink sink, ProgressListener progress,
                               CancellationToken cancel) throws IOException {
        WorkLimits.batchSize(batchSize, "--batch-size");
        int n = examples.size();
        int window = batchSize * WINDOW_BATCHES;
        for (int start = 0; start < n; start += window) {
            int end = Math.min(n, start + window);
            Integer[] order = byLength(examples.inputs(), start, end);
            Attribution[] results = new Attribution[end - start];
            for (int from = 0; from < order.length; from += batchSize) {
                cancel.throwIfCancelled();
                int to = Math.min(order.length, from + batchSize);
                List<Integer> idx = Arrays.asList(order).subList(from, to);
                List<Attribution> batch = method.attribute(model, examples.select(idx).inputs(), target);
                for (int j = 0; j < idx.size(); j++) {
                    results[idx.get(j) - start] = batch.get(j);
                }
                progress.progress(start + to, n, String.format(Locale.ROOT, "Explaining %d/%d", start + to, n));
            }
            for (int i = start; i < end; i++) {
                sink.accept(new AttributionRecord(results[i - start], examples.split(i), examples.index(i),
                        examples.labels().get(i), model.classNames()));
            }
        }
    }

    /** Indices {@code start..end-1}, texts sorted by token count (stable), other inputs as they are. */
    private static Integer[] byLength(AttributionInputs inputs, int start, int end) {
        Integer[] order = new Integer[end - start];
        for (int i = start; i < end; i++) {
            order[i - start] = i;
        }
        if (inputs instanceof AttributionInputs.Tokens tokens) {
            Arrays.sort(order, Comparator.comparingInt(i -> tokens.ids().get(i).length));
        }
        return order;
    }
}
