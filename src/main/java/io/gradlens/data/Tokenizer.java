package io.gradlens.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one tokenizer of GradLens: pure and deterministic, so token masks stored or computed
 * anywhere line up with the tokens a model sees.
 *
 * <p>Rules, applied to the raw text:
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
 */
public final class Tokenizer {

    /** The token pattern, as documented above. */
    public static final Pattern TOKEN = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:['\u2019][\\p{L}\\p{M}\\p{N}]+)*|[^\\p{L}\\p{M}\\p{N}\\p{Z}\\p{C}]");

    /**
     * A token with its place in the raw text, for highlighting.
     *
     * @param text  the lowercased token
     * @param start index of its first char in the raw text
     * @param end   index after its last char in the raw text
     */
    public record Span(String text, int start, int end) {
    }

    private Tokenizer() {
    }

    /** The lowercased tokens of {@code text}. */
    public static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return tokens;
    }

    /**
     * The number of tokens of {@code text}, counting no further than {@code stopAfter + 1}: a
     * check of a limit that holds no token.
     */
    public static int count(String text, int stopAfter) {
        Matcher matcher = TOKEN.matcher(text);
        int n = 0;
        while (n <= stopAfter && matcher.find()) {
            n++;
        }
        return n;
    }

    /** The tokens of {@code text} with their char offsets in it. */
    public static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            spans.add(new Span(matcher.group().toLowerCase(Locale.ROOT), matcher.start(), matcher.end()));
        }
        return spans;
    }
}
