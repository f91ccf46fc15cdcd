package io.gradlens.data;

import java.util.List;
import java.util.Objects;

/**
 * One labelled text.
 *
 * <p>Mask convention: {@code tokenRelevance[k]} belongs to token {@code k} of
 * {@link #tokens()}, the text cut by the example's tokenizer ({@link Tokenizer#DEFAULT} unless the
 * file was imported with other options); 1 means the token may matter to the label, 0 means it
 * must not (e.g. a decoy token). {@code null} when there is no mask.
 *
 * @param text           the raw text
 * @param label          class index
 * @param tokenRelevance one value in [0, 1] per token, or {@code null}
 * @param tokenizer      how the text is cut into tokens
 */
public record TextExample(String text, int label, float[] tokenRelevance, Tokenizer tokenizer) {

    /** Checks that the mask, when present, has one value per token. */
    public TextExample {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (tokenRelevance != null) {
            int tokens = tokenizer.tokens(text).size();
            if (tokenRelevance.length != tokens) {
                throw new IllegalArgumentException("mask has " + tokenRelevance.length
                        + " values but the text has " + tokens + " tokens");
            }
        }
    }

    /** An example tokenized by {@link Tokenizer#DEFAULT}. */
    public TextExample(String text, int label, float[] tokenRelevance) {
        this(text, label, tokenRelevance, Tokenizer.DEFAULT);
    }

    /** The tokens of the text, as the example's tokenizer gives them. */
    public List<String> tokens() {
        return tokenizer.tokens(text);
    }

    /** This example with another label and mask, tokenized the same way. */
    public TextExample with(int newLabel, float[] newRelevance) {
        return new TextExample(text, newLabel, newRelevance, tokenizer);
    }
}
