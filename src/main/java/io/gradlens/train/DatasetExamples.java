package io.gradlens.train;

import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import java.util.List;

/** Turns dataset splits into {@link ExampleSet}s a model trains and is evaluated on. */
public final class DatasetExamples {

    private DatasetExamples() {
    }

    /**
     * Token examples of {@code examples}, ids from {@code vocabulary}, each cut to at most
     * {@code maxLength} tokens (0 = no limit). Examples without tokens are refused, naming the
     * first one.
     */
    public static TokenExamples text(List<TextExample> examples, Vocabulary vocabulary, int maxLength,
                                     boolean withRelevance) {
        int n = examples.size();
        int[][] ids = new int[n][];
        int[] labels = new int[n];
        boolean masks = withRelevance && examples.stream().allMatch(e -> e.tokenRelevance() != null);
        float[][] relevance = masks ? new float[n][] : null;
        for (int i = 0; i < n; i++) {
            TextExample e = examples.get(i);
            List<String> tokens = e.tokens();
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("example " + i + " (\"" + e.text() + "\") has no tokens");
            }
            int len = maxLength > 0 ? Math.min(maxLength, tokens.size()) : tokens.size();
            ids[i] = vocabulary.encode(tokens.subList(0, len));
            labels[i] = e.label();
            if (masks) {
                relevance[i] = java.util.Arrays.copyOf(e.tokenRelevance(), len);
            }
        }
        return new TokenExamples(ids, labels, relevance);
    }

    /** Image examples of a split of {@code dataset}. */
    public static ImageExamples images(ImageDataset dataset, ImageSplit split, boolean withRelevance) {
        return new ImageExamples(split.pixels(), dataset.height(), dataset.width(), dataset.channels(), split.labels(),
                withRelevance && split.hasMasks() ? split.relevanceMasks() : null);
    }
}
