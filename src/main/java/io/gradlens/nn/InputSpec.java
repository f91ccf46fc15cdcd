package io.gradlens.nn;

import io.gradlens.data.Tokenizer;
import io.gradlens.data.Vocabulary;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** What a classifier reads, and how raw inputs become its input tensor. */
public sealed interface InputSpec permits InputSpec.Tokens, InputSpec.Image, InputSpec.Numeric {

    /**
     * Text, cut into tokens by a {@link Tokenizer} (the one the model was trained with) and mapped to
     * ids by a vocabulary ({@link Vocabulary#PAD} = 0 pads, {@link Vocabulary#OOV} = 1 marks unknown words).
     *
     * @param vocabulary the token ids
     * @param tokenizer  how every text this model reads is tokenized
     */
    record Tokens(Vocabulary vocabulary, Tokenizer tokenizer) implements InputSpec {

        /** Rejects a missing part. */
        public Tokens {
            Objects.requireNonNull(vocabulary, "vocabulary");
            Objects.requireNonNull(tokenizer, "tokenizer");
        }

        /** Text tokenized by {@link Tokenizer#DEFAULT} (models of earlier versions, Keras imports). */
        public Tokens(Vocabulary vocabulary) {
            this(vocabulary, Tokenizer.DEFAULT);
        }

        /** The tokens of {@code text}, or an exception if it has none. */
        public List<String> tokens(String text) {
            List<String> tokens = tokenizer.tokens(text == null ? "" : text);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("the text \"" + abbreviate(text) + "\" has no tokens to classify");
            }
            return tokens;
        }

        /** The ids of {@code text}'s tokens. */
        public int[] encode(String text) {
            return vocabulary.encode(tokens(text));
        }

        private static String abbreviate(String s) {
            return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
        }
    }

    /** Images [H, W, C], channels-last, pixel values in [0, 1]. */
    record Image(int height, int width, int channels) implements InputSpec {
        public Image {
            if (height < 1 || width < 1 || channels < 1) {
                throw new IllegalArgumentException("image dimensions must be positive, got " + height + "x" + width
                        + "x" + channels);
            }
        }

        public int size() {
            return height * width * channels;
        }
    }

    /** A numeric tensor of a fixed shape (without the batch axis). */
    record Numeric(long[] shape) implements InputSpec {
        public Numeric {
            shape = shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Numeric n && Arrays.equals(shape, n.shape);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(shape);
        }

        @Override
        public String toString() {
            return "Numeric" + Arrays.toString(shape);
        }
    }
}
