package io.gradlens.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tokenizer of GradLens: pure and deterministic, so token masks stored or computed
 * anywhere line up with the tokens a model sees.
 *
 * <p>Rules of the default ({@link #DEFAULT}, the static methods), applied to the raw text:
 * <ol>
 *   <li>A <em>word</em> is a maximal run of letters, combining marks and digits
 *       ({@code \p{L}\p{M}\p{N}}), optionally joined by single inner apostrophes ({@code '} or
 *       {@code ’}): {@code can't}, {@code o'clock}, {@code 2nd}.</li>
 *   <li>Every other character that is not a separator ({@code \p{Z}}) or control/format
 *       character ({@code \p{C}}) is a token of its own: {@code "!!"} gives {@code "!", "!"}.</li>
 *   <li>Tokens are lowercased with {@link Locale#ROOT}.</li>
 * </ol>
 * The same expression is used by {@code tools/datasets/build.mjs} to chunk the State of the Union
 * speeches and to pick the GloVe vocabulary.
 *
 * <p>A configured tokenizer ({@link #of}) may keep case, may keep punctuation attached (then a
 * token is a maximal run of characters that are neither separators, control/format characters
 * nor whitespace) and may keep only the first {@code maxTokens} tokens of a text. A model records
 * the options it was trained with and tokenizes every later text with them.
 */
public final class Tokenizer {

    /** The token pattern of the default rules, as documented above. */
    public static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:['\u2019][\\p{L}\\p{M}\\p{N}]+)*|[^\\p{L}\\p{M}\\p{N}\\p{Z}\\p{C}]");

    /** The token pattern when punctuation stays attached: runs of non-space characters. */
    public static final Pattern WHITESPACE_TOKEN = Pattern.compile("[^\\p{Z}\\p{C}\\s]+");

    /** Lowercase, punctuation split, no cap: exactly the static methods. */
    public static final Tokenizer DEFAULT = new Tokenizer(true, true, 0);

    private final boolean lowercase;
    private final boolean splitPunctuation;
    private final int maxTokens;

    /**
     * A token with its place in the raw text, for highlighting.
     *
     * @param text  the token (lowercased unless the tokenizer keeps case)
     * @param start index of its first char in the raw text
     * @param end   index after its last char in the raw text
     */
    public record Span(String text, int start, int end) {
    }

    private Tokenizer(boolean lowercase, boolean splitPunctuation, int maxTokens) {
        this.lowercase = lowercase;
        this.splitPunctuation = splitPunctuation;
        this.maxTokens = maxTokens;
    }

    /**
     * A tokenizer with these options.
     *
     * @param lowercase        lowercase every token
     * @param splitPunctuation every punctuation or symbol character is a token of its own
     * @param maxTokens        keep at most this many tokens of a text; 0 = no cap
     * @throws IllegalArgumentException for a negative cap
     */
    public static Tokenizer of(boolean lowercase, boolean splitPunctuation, int maxTokens) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens must be 0 (no cap) or positive, got " + maxTokens);
        }
        return new Tokenizer(lowercase, splitPunctuation, maxTokens);
    }

    /** Whether tokens are lowercased. */
    public boolean lowercase() {
        return lowercase;
    }

    /** Whether punctuation and symbols are tokens of their own. */
    public boolean splitPunctuation() {
        return splitPunctuation;
    }

    /** The most tokens kept of a text; 0 = no cap. */
    public int maxTokens() {
        return maxTokens;
    }

    /** The lowercased tokens of {@code text} by the default rules. */
    public static List<String> tokenize(String text) {
        return DEFAULT.tokens(text);
    }

    /**
     * The number of tokens of {@code text} by the default rules, counting no further than
     * {@code stopAfter + 1}: a check of a limit that holds no token.
     */
    public static int count(String text, int stopAfter) {
        return DEFAULT.countUpTo(text, stopAfter);
    }

    /** The tokens of {@code text} by the default rules, with their char offsets in it. */
    public static List<Span> spans(String text) {
        return DEFAULT.spansOf(text);
    }

    /** The tokens of {@code text} by these options. */
    public List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = pattern().matcher(text);
        while (!capped(tokens.size()) && matcher.find()) {
            tokens.add(cased(matcher.group()));
        }
        return tokens;
    }

    /**
     * The number of tokens of {@code text} by these options (at most the cap), counting no
     * further than {@code stopAfter + 1}.
     */
    public int countUpTo(String text, int stopAfter) {
        Matcher matcher = pattern().matcher(text);
        int n = 0;
        while (n <= stopAfter && !capped(n) && matcher.find()) {
            n++;
        }
        return n;
    }

    /** The tokens of {@code text} by these options, with their char offsets in it. */
    public List<Span> spansOf(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = pattern().matcher(text);
        while (!capped(spans.size()) && matcher.find()) {
            spans.add(new Span(cased(matcher.group()), matcher.start(), matcher.end()));
        }
        return spans;
    }

    private Pattern pattern() {
        return splitPunctuation ? TOKEN : WHITESPACE_TOKEN;
    }

    private boolean capped(int n) {
        return maxTokens > 0 && n >= maxTokens;
    }

    private String cased(String token) {
        return lowercase ? token.toLowerCase(Locale.ROOT) : token;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tokenizer t && lowercase == t.lowercase && splitPunctuation == t.splitPunctuation
                && maxTokens == t.maxTokens;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lowercase, splitPunctuation, maxTokens);
    }

    @Override
    public String toString() {
        return "Tokenizer[lowercase=" + lowercase + ", splitPunctuation=" + splitPunctuation + ", maxTokens="
                + maxTokens + "]";
    }
}
