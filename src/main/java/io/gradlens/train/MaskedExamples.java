package io.gradlens.train;

import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import java.util.List;

/**
 * Builds the {@link ExampleSet}s that training and influence methods consume from dataset splits,
 * with their relevance masks (1 = may matter, 0 = must not), checking every mask against its
 * example before anything runs so that a wrong mask fails at the door with the example's index.
 *
 * <p>Used by right-for-the-right-reasons training (Ross, Hughes and Doshi-Velez, IJCAI 2017,
 * https://arxiv.org/abs/1703.03717) and by the influence methods of {@code io.gradlens.explain.influence}.
 */
public final class MaskedExamples {

    private MaskedExamples() {
    }

    /** Images of {@code split}, with its masks when it has them. */
    public static ImageExamples images(ImageSplit split, int height, int width, int channels) {
        return images(split, height, width, channels, split.relevanceMasks());
    }

    /**
     * Images of {@code split} with the given masks instead of the split's own.
     *
     * @param masks one mask per image of {@code height·width·channels} values, or null for none
     * @throws IllegalArgumentException naming the first mask of the wrong count or length
     */
    public static ImageExamples images(ImageSplit split, int height, int width, int channels, float[][] masks) {
        int n = height * width * channels;
        if (masks != null) {
            if (masks.length != split.size()) {
                throw new IllegalArgumentException(masks.length + " masks for " + split.size() + " images");
            }
            for (int i = 0; i < masks.length; i++) {
                if (masks[i] == null || masks[i].length != n) {
                    throw new IllegalArgumentException("mask " + i + " has " + (masks[i] == null ? 0 : masks[i].length)
                            + " values, the images have " + height + "x" + width + "x" + channels + " = " + n);
                }
            }
        }
        return new ImageExamples(split.pixels(), height, width, channels, split.labels(), masks);
    }

    /**
     * Texts encoded with {@code vocabulary}, with their token masks when every example has one.
     *
     * @param withMasks whether to carry the masks (all examples must then have one)
     */
    public static TokenExamples tokens(List<TextExample> examples, Vocabulary vocabulary, boolean withMasks) {
        int[][] ids = new int[examples.size()][];
        int[] labels = new int[examples.size()];
        float[][] masks = withMasks ? new float[examples.size()][] : null;
        for (int i = 0; i < ids.length; i++) {
            TextExample e = examples.get(i);
            List<String> tokens = e.tokens();
            if (tokens.isEmpty()) {
                tokens = List.of(Vocabulary.OOV_TOKEN);
            }
            ids[i] = vocabulary.encode(tokens);
            labels[i] = e.label();
            if (masks != null) {
                if (e.tokenRelevance() == null) {
                    throw new IllegalArgumentException("text " + i + " has no relevance mask");
                }
                if (e.tokenRelevance().length != ids[i].length) {
                    throw new IllegalArgumentException("text " + i + ": mask has " + e.tokenRelevance().length
                            + " values for " + ids[i].length + " tokens");
                }
                masks[i] = e.tokenRelevance();
            }
        }
        return new TokenExamples(ids, labels, masks);
    }

    /** Whether every example of {@code examples} has a token mask. */
    public static boolean allMasked(List<TextExample> examples) {
        return !examples.isEmpty() && examples.stream().allMatch(e -> e.tokenRelevance() != null);
    }

    /** A copy of {@code labels} in which the examples at {@code flipped} carry another class. */
    public static int[] relabel(int[] labels, int[] flipped, int classes, java.util.Random random) {
        int[] out = labels.clone();
        for (int i : flipped) {
            int other = random.nextInt(classes - 1);
            out[i] = other >= labels[i] ? other + 1 : other;
        }
        return out;
    }
}
