package io.gradlens.train;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.InputSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a classification dataset into what training needs: the model's input specification (for
 * text, a vocabulary built from the training split), the class names, and the training and test
 * splits as {@link ExampleSet}s. The CLI's {@code train} command and the workbench share it, so a
 * model trained in either sees the same data. A run that continues from another model's weights
 * passes that model's vocabulary, so every token id keeps pointing at the word it was trained on.
 */
public final class DatasetPreparation {

    private DatasetPreparation() {
    }

    /**
     * Text options.
     *
     * @param vocabSize largest vocabulary
     * @param minCount  least count of a word in the vocabulary
     * @param maxLength cut texts to this many tokens (0: no limit)
     * @param limit     use only the first N training examples (0: all)
     */
    public record Options(int vocabSize, int minCount, int maxLength, int limit) {
        /** The CLI's defaults: 20,000 words, count ≥ 1, no length cut, all examples. */
        public static final Options DEFAULT = new Options(20000, 1, 0, 0);

        public Options {
            if (vocabSize < 3 || minCount < 1 || maxLength < 0 || limit < 0) {
                throw new IllegalArgumentException("bad preparation options: vocabSize " + vocabSize + ", minCount "
                        + minCount + ", maxLength " + maxLength + ", limit " + limit);
            }
        }
    }

    /**
     * A dataset ready to train on.
     *
     * @param input      the input specification of a model for this data
     * @param classes    class names
     * @param train      the training split
     * @param validation the test split, evaluated after each epoch
     */
    public record Prepared(InputSpec input, List<String> classes, ExampleSet train, ExampleSet validation) {
    }

    /**
     * Prepares {@code data} (text or images; masks included when {@code masks}).
     *
     * @throws IllegalArgumentException for a tabular dataset, naming it
     */
    public static Prepared prepare(Dataset data, Options options, boolean masks) {
        return prepare(data, options, masks, Optional.empty());
    }

    /**
     * Prepares {@code data} as {@link #prepare(Dataset, Options, boolean)} does, but for text with
     * {@code vocabulary} when given (a word outside it becomes {@link Vocabulary#OOV}; the options'
     * vocabulary size and least count then do not apply) instead of one built from the training split.
     *
     * @throws IllegalArgumentException for a tabular dataset, naming it
     */
    public static Prepared prepare(Dataset data, Options options, boolean masks, Optional<Vocabulary> vocabulary) {
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (data instanceof TextDataset text) {
            List<TextExample> train = options.limit() > 0
                    ? text.train().subList(0, Math.min(options.limit(), text.train().size())) : text.train();
            Vocabulary words = vocabulary.orElseGet(() -> built(train, options));
            return new Prepared(new InputSpec.Tokens(words, text.tokenizer()), text.classNames(),
                    DatasetExamples.text(train, words, options.maxLength(), masks),
                    DatasetExamples.text(text.test(), words, options.maxLength(), masks));
        }
        if (data instanceof ImageDataset images) {
            ImageSplit train = images.train();
            int limit = options.limit();
            if (limit > 0 && limit < train.size()) {
                train = new ImageSplit(Arrays.copyOf(train.pixels(), limit), Arrays.copyOf(train.labels(), limit),
                        train.hasMasks() ? Arrays.copyOf(train.relevanceMasks(), limit) : null);
            }
            return new Prepared(new InputSpec.Image(images.height(), images.width(), images.channels()),
                    images.classNames(), DatasetExamples.images(images, train, masks),
                    DatasetExamples.images(images, images.test(), masks));
        }
        throw new IllegalArgumentException("dataset '" + data.name() + "' is tabular; training accepts text and "
                + "image classification datasets");
    }

    /** The vocabulary of the training examples {@code train} by the options' size and least count. */
    private static Vocabulary built(List<TextExample> train, Options options) {
        List<List<String>> tokens = train.stream().map(TextExample::tokens)
                .collect(Collectors.toList());
        return Vocabulary.build(tokens, options.minCount(), options.vocabSize());
    }
}
