package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The VADER sentiment lexicon (Hutto &amp; Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text", ICWSM): 7,517 lines, 7,503 distinct tokens (14 are
 * listed twice; the later line wins, as in VADER's own dictionary), each with a mean valence in [-4, 4].
 * It gives text examples a token relevance mask: 1 on sentiment-bearing tokens (those in the
 * lexicon, compared in lower case), 0 elsewhere. The file keeps VADER's case distinctions (e.g.
 * {@code LOL} and {@code lol} are two entries with their own valence); matching ignores case. Multi-character emoticons such as {@code :)} never match, because
 * {@link Tokenizer} splits them into single symbols.
 *
 * <p>File format: TSV with header {@code token	mean_valence}.
 */
public final class SentimentLexicon {

    private final Map<String, Double> valence;
    private final Set<String> lowercased;

    private SentimentLexicon(Map<String, Double> valence) {
        this.valence = Map.copyOf(valence);
        this.lowercased = valence.keySet().stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Reads the lexicon TSV. */
    public static SentimentLexicon load(Path file) throws IOException {
        List<TableRow> rows = TableReader.read(file, ReadLimits.current());
        Map<String, Double> valence = new HashMap<>();
        for (TableRow row : rows) {
            String token = row.get("token");
            String mean = row.get("mean_valence");
            if (token == null || mean == null) {
                throw DatasetFormatException.atLine(file, row.line(), "needs columns token and mean_valence");
            }
            try {
                valence.put(token, Double.parseDouble(mean)); // a repeated token: the later line wins, as in VADER
            } catch (NumberFormatException e) {
                throw DatasetFormatException.atLine(file, row.line(), "mean_valence \"" + mean + "\" is not a number");
            }
        }
        return new SentimentLexicon(valence);
    }

    /** Whether {@code token}, in lower case, matches an entry in lower case. */
    public boolean contains(String token) {
        return lowercased.contains(token.toLowerCase(Locale.ROOT));
    }

    /** The mean valence of the entry spelled exactly {@code token}, or 0 when there is none. */
    public double valence(String token) {
        return valence.getOrDefault(token, 0.0);
    }

    /** Number of entries (exact spellings). */
    public int size() {
        return valence.size();
    }

    /** All entries' tokens. */
    public Set<String> tokens() {
        return valence.keySet();
    }

    /** One value per token: 1 if the token is in the lexicon, else 0. */
    public float[] relevance(List<String> tokens) {
        float[] mask = new float[tokens.size()];
        for (int k = 0; k < mask.length; k++) {
            mask[k] = contains(tokens.get(k)) ? 1f : 0f;
        }
        return mask;
    }

    /** {@code dataset} with every example's mask replaced by this lexicon's relevance mask. */
    public TextDataset annotate(TextDataset dataset) {
        return new TextDataset(dataset.name(), dataset.classNames(), annotate(dataset.train()), annotate(dataset.test()),
                dataset.info());
    }

    private List<TextExample> annotate(List<TextExample> examples) {
        return examples.stream()
                .map(e -> new TextExample(e.text(), e.label(), relevance(e.tokens())))
                .toList();
    }
}
