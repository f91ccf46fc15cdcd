package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The VADER sentiment lexicon (Hutto &amp; Gilbert 2014, "VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text", ICWSM): 7,517 tokens with a mean valence in [-4, 4].
 * It gives text examples a token relevance mask: 1 on sentiment-bearing tokens (those in the
 * lexicon), 0 elsewhere. Multi-character emoticons such as {@code :)} never match, because
 * {@link Tokenizer} splits them into single symbols.
 *
 * <p>File format: TSV with header {@code token	mean_valence}.
 */
public final class SentimentLexicon {

    private final Map<String, Double> valence;

    private SentimentLexicon(Map<String, Double> valence) {
        this.valence = Map.copyOf(valence);
    }

    /** Reads the lexicon TSV; tokens are lowercased. */
    public static SentimentLexicon load(Path file) throws IOException {
        List<TableRow> rows = TableReader.read(file, ReadLimits.DEFAULT);
        Map<String, Double> valence = new HashMap<>();
        for (TableRow row : rows) {
            String token = row.get("token");
            String mean = row.get("mean_valence");
            if (token == null || mean == null) {
                throw DatasetFormatException.atLine(file, row.line(), "needs columns token and mean_valence");
            }
            try {
                valence.put(token.toLowerCase(Locale.ROOT), Double.parseDouble(mean));
            } catch (NumberFormatException e) {
                throw DatasetFormatException.atLine(file, row.line(), "mean_valence \"" + mean + "\" is not a number");
            }
        }
        return new SentimentLexicon(valence);
    }

    /** Whether {@code token} is in the lexicon. */
    public boolean contains(String token) {
        return valence.containsKey(token);
    }

    /** The mean valence of {@code token}, or 0 when it is not in the lexicon. */
    public double valence(String token) {
        return valence.getOrDefault(token, 0.0);
    }

    /** Number of entries. */
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
