package io.gradlens.data;

import java.util.List;
import java.util.Objects;

/**
 * One labelled text.
 *
 * <p>Mask convention: {@code tokenRelevance[k]} belongs to token {@code k} of
 * {@link Tokenizer#tokenize(String) Tokenizer.tokenize(text)}; 1 means the token may matter to the
 * label, 0 means it must not (e.g. a decoy token). {@code null} when there is no mask.
 *
 * @param text           the raw text
 * @param label          class index
 * @param tokenRelevance one value in [0, 1] per token, or {@code null}
 */
public record TextExample(String text, int label, float[] tokenRelevance) {

    /** Checks that the mask, when present, has one value per token. */
    public TextExample {
        Objects.requireNonNull(text, "text");
        if (tokenRelevance != null) {
            int tokens = Tokenizer.tokenize(text).size();
            if (tokenRelevance.length != tokens) {
                throw new IllegalArgumentException("mask has " + tokenRelevance.length
                        + " values but the text has " + tokens + " tokens");
            }
        }
    }

    /** The tokens of the text, as {@link Tokenizer#tokenize(String)} gives them. */
    public List<String> tokens() {
        return Tokenizer.tokenize(text);
    }
}
