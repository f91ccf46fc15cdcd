package io.gradlens.explain.influence;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.MaskedExamples;

/**
 * The training and test examples of a dataset as a given model reads them, after checking that
 * they fit the model: an image dataset must have the model's image shape, a text dataset must be
 * mostly covered by the model's vocabulary, and the class counts must agree. Influence methods
 * (representer points, Yeh et al. 2018, https://arxiv.org/abs/1811.09720; TracIn, Pruthi et al.
 * 2020, https://arxiv.org/abs/2002.08484) run on these sets.
 *
 * @param train training examples
 * @param test  test examples
 */
public record InfluenceData(ExampleSet train, ExampleSet test) {

    /** Above this fraction of unknown tokens a text dataset is taken not to match the vocabulary. */
    public static final double MAX_UNKNOWN_FRACTION = 0.5;

    /**
     * The examples of {@code dataset} for {@code model}.
     *
     * @throws IllegalArgumentException with a one-line reason when the dataset does not fit the model
     */
    public static InfluenceData of(Classifier model, Dataset dataset) {
        if (dataset instanceof ImageDataset d) {
            if (!(model.input() instanceof InputSpec.Image img)) {
                throw new IllegalArgumentException("dataset " + d.name() + " holds images but the model reads "
                        + model.describeInput());
            }
            if (img.height() != d.height() || img.width() != d.width() || img.channels() != d.channels()) {
                throw new IllegalArgumentException("dataset " + d.name() + " has images " + d.height() + "x" + d.width()
                        + "x" + d.channels() + " but the model reads " + model.describeInput());
            }
            checkClasses(model, d.name(), d.classNames().size());
            return new InfluenceData(MaskedExamples.images(d.train(), d.height(), d.width(), d.channels(), null),
                    MaskedExamples.images(d.test(), d.height(), d.width(), d.channels(), null));
        }
        if (dataset instanceof TextDataset d) {
            if (!model.isText()) {
                throw new IllegalArgumentException("dataset " + d.name() + " holds text but the model reads "
                        + model.describeInput());
            }
            checkClasses(model, d.name(), d.classNames().size());
            Vocabulary vocabulary = model.tokens().vocabulary();
            long tokens = 0;
            long unknown = 0;
            for (TextExample e : d.train()) {
                for (String t : e.tokens()) {
                    tokens++;
                    unknown += vocabulary.id(t) == Vocabulary.OOV ? 1 : 0;
                }
            }
            if (tokens > 0 && unknown > MAX_UNKNOWN_FRACTION * tokens) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "dataset %s does not match the "
                        + "model's vocabulary: %.0f%% of its training tokens are unknown to the model", d.name(),
                        100.0 * unknown / tokens));
            }
            return new InfluenceData(MaskedExamples.tokens(d.train(), vocabulary, false),
                    MaskedExamples.tokens(d.test(), vocabulary, false));
        }
        throw new IllegalArgumentException("influence needs an image or text dataset; " + dataset.name() + " is neither");
    }

    private static void checkClasses(Classifier model, String name, int classes) {
        if (classes != model.numClasses()) {
            throw new IllegalArgumentException("dataset " + name + " has " + classes + " classes but the model "
                    + model.numClasses());
        }
    }
}
