package io.gradlens.data.edits;

import java.util.Arrays;
import java.util.Objects;

/**
 * One change to a dataset, applied on load; the dataset's file is never touched.
 *
 * <p>Masks follow the datasets' relevance convention (1 = may matter, 0 = must not): a mask edit sets
 * the named tokens or pixels to 0 and keeps whatever mask the example already had elsewhere.
 */
public sealed interface DatasetEdit {

    /** A short description for lists and undo menus, e.g. {@code relabel train #12 → 1}. */
    String describe();

    /**
     * Gives an example another class.
     *
     * @param example the example
     * @param label   its new class index
     */
    record Relabel(ExampleRef example, int label) implements DatasetEdit {
        /** Checks the fields. */
        public Relabel {
            Objects.requireNonNull(example, "example");
            if (label < 0) {
                throw new IllegalArgumentException("label " + label + " is negative");
            }
        }

        @Override
        public String describe() {
            return "relabel " + example + " \u2192 class " + label;
        }
    }

    /**
     * Leaves an example out of its split.
     *
     * @param example the example
     */
    record Exclude(ExampleRef example) implements DatasetEdit {
        /** Checks the field. */
        public Exclude {
            Objects.requireNonNull(example, "example");
        }

        @Override
        public String describe() {
            return "exclude " + example;
        }
    }

    /**
     * Marks token positions of one text as "must not matter".
     *
     * @param example   the text
     * @param positions token positions (as {@link io.gradlens.data.Tokenizer} splits the text), sorted, distinct
     */
    record MaskTokens(ExampleRef example, int[] positions) implements DatasetEdit {
        /** Checks, sorts and de-duplicates the positions. */
        public MaskTokens {
            Objects.requireNonNull(example, "example");
            positions = SortedIndices.of(positions, "token position");
        }

        @Override
        public String describe() {
            return "mask " + positions.length + (positions.length == 1 ? " token of " : " tokens of ") + example;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MaskTokens m && m.example.equals(example) && Arrays.equals(m.positions, positions);
        }

        @Override
        public int hashCode() {
            return 31 * example.hashCode() + Arrays.hashCode(positions);
        }
    }

    /**
     * Marks a word as "must not matter" wherever it occurs, in every text of both splits: the edit a
     * user makes on seeing a model rely on a decoy or shortcut word.
     *
     * @param word a token as {@link io.gradlens.data.Tokenizer} produces it (lower case, no whitespace)
     */
    record MaskWord(String word) implements DatasetEdit {
        /** Checks the word. */
        public MaskWord {
            Objects.requireNonNull(word, "word");
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("\"" + word + "\" is not a single token");
            }
        }

        @Override
        public String describe() {
            return "mask the word \"" + word + "\" everywhere";
        }
    }

    /**
     * Marks pixels of one image, or of every image, as "must not matter", in all channels.
     *
     * @param example the image, or {@code null} for every image of both splits
     * @param pixels  pixel positions {@code row · width + column}, sorted, distinct
     */
    record MaskPixels(ExampleRef example, int[] pixels) implements DatasetEdit {
        /** Checks, sorts and de-duplicates the positions. */
        public MaskPixels {
            pixels = SortedIndices.of(pixels, "pixel position");
        }

        /** Whether the edit applies to every image. */
        public boolean everywhere() {
            return example == null;
        }

        @Override
        public String describe() {
            return "mask " + pixels.length + (pixels.length == 1 ? " pixel of " : " pixels of ")
                    + (example == null ? "every image" : example.toString());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MaskPixels m && Objects.equals(m.example, example) && Arrays.equals(m.pixels, pixels);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(example) + Arrays.hashCode(pixels);
        }
    }
}
