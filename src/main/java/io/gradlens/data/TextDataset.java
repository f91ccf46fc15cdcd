package io.gradlens.data;

import java.util.List;
import java.util.Objects;

/**
 * A text classification dataset; see {@link TextExample} for the token mask convention.
 *
 * @param name       short name
 * @param classNames one name per class index
 * @param train      training examples
 * @param test       test examples
 * @param info       provenance and license
 */
public record TextDataset(String name, List<String> classNames, List<TextExample> train,
                          List<TextExample> test, DatasetInfo info) implements Dataset {

    /** Copies the lists and checks every label is a class index. */
    public TextDataset {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        train = List.copyOf(train);
        test = List.copyOf(test);
        Objects.requireNonNull(info, "info");
        for (List<TextExample> split : List.of(train, test)) {
            for (TextExample example : split) {
                if (example.label() < 0 || example.label() >= classNames.size()) {
                    throw new IllegalArgumentException("label " + example.label() + " of \"" + example.text()
                            + "\" is not one of 0.." + (classNames.size() - 1));
                }
            }
        }
    }

    /**
     * How the texts of this dataset are tokenized: the tokenizer its examples share
     * ({@link Tokenizer#DEFAULT} when it has none).
     *
     * @throws IllegalStateException when the examples were tokenized in different ways
     */
    public Tokenizer tokenizer() {
        Tokenizer shared = null;
        for (List<TextExample> split : List.of(train, test)) {
            for (TextExample example : split) {
                if (shared == null) {
                    shared = example.tokenizer();
                } else if (!shared.equals(example.tokenizer())) {
                    throw new IllegalStateException("dataset '" + name + "' mixes tokenizers: " + shared + " and "
                            + example.tokenizer());
                }
            }
        }
        return shared == null ? Tokenizer.DEFAULT : shared;
    }

    @Override
    public int trainSize() {
        return train.size();
    }

    @Override
    public int testSize() {
        return test.size();
    }
}
