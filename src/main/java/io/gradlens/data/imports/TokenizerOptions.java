package io.gradlens.data.imports;

/**
 * How texts are cut into tokens (see {@link io.gradlens.data.Tokenizer} for the rules). A model
 * records the options it was trained with and tokenizes every later text with them.
 *
 * @param lowercase        lowercase every token ({@link java.util.Locale#ROOT})
 * @param splitPunctuation every punctuation or symbol character is a token of its own; when false,
 *                         runs of non-space characters are tokens (words keep attached punctuation)
 * @param maxTokens        keep at most this many tokens of a text (0 = no cap)
 */
public record TokenizerOptions(boolean lowercase, boolean splitPunctuation, int maxTokens) {

    /** Rejects a negative cap. */
    public TokenizerOptions {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be 0 (no cap) or positive, got " + maxTokens);
        }
    }

    /** Exactly today's {@link io.gradlens.data.Tokenizer}: lowercase, punctuation split, no cap. */
    public static TokenizerOptions defaults() {
        return new TokenizerOptions(true, true, 0);
    }

    /** Whether these are the defaults (old bundles and built-in sets). */
    public boolean isDefault() {
        return equals(defaults());
    }
}
