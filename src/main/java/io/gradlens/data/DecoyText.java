package io.gradlens.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decoy text: the text analogue of Decoy MNIST (Ross, Hughes &amp; Doshi-Velez 2017, "Right for the
 * Right Reasons: Training Differentiable Models by Constraining their Explanations", IJCAI,
 * <a href="https://arxiv.org/abs/1703.03717">arXiv:1703.03717</a>).
 *
 * <p>Into each text of a binary dataset one made-up token is inserted at a uniformly random token
 * position (0..n, where n is the token count): {@value #NEGATIVE_TOKEN} or {@value #POSITIVE_TOKEN}.
 * In training the token is {@value #NEGATIVE_TOKEN} for label 0 and {@value #POSITIVE_TOKEN} for
 * label 1, a perfect shortcut; in test it is drawn uniformly, independent of the label. The token
 * relevance mask is 0 on the planted token and 1 on every other token. The result depends only on
 * the base dataset and the seed.
 */
public final class DecoyText {

    /** Planted for class 0 in training. */
    public static final String NEGATIVE_TOKEN = "decoyneg";
    /** Planted for class 1 in training. */
    public static final String POSITIVE_TOKEN = "decoypos";

    private DecoyText() {
    }

    /** The decoy variant of a two-class {@code base}, named {@code decoy-<base name>}. */
    public static TextDataset create(TextDataset base, long seed) {
        if (base.classNames().size() != 2) {
            throw new IllegalArgumentException("decoy text needs 2 classes, " + base.name() + " has " + base.classNames().size());
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<TextExample> train = plant(base.train(), random.split(), false);
        List<TextExample> test = plant(base.test(), random.split(), true);
        DatasetInfo info = new DatasetInfo(base.info().source(), base.info().license(),
                base.info().citation() + "; decoy construction after Ross et al. 2017, arXiv:1703.03717",
                "decoy variant of " + base.name() + ": token " + POSITIVE_TOKEN + "/" + NEGATIVE_TOKEN
                        + " tied to the label in train, random in test (seed " + seed + ")");
        String name = base.name().startsWith("decoy-") ? base.name() : "decoy-" + base.name();
        return new TextDataset(name, base.classNames(), train, test, info);
    }

    /** The token planted for {@code label} in training. */
    public static String tokenFor(int label) {
        return label == 1 ? POSITIVE_TOKEN : NEGATIVE_TOKEN;
    }

    private static List<TextExample> plant(List<TextExample> examples, SplittableRandom random, boolean randomToken) {
        List<TextExample> out = new ArrayList<>(examples.size());
        for (TextExample example : examples) {
            String token = tokenFor(randomToken ? random.nextInt(2) : example.label());
            List<Tokenizer.Span> spans = Tokenizer.spans(example.text());
            int position = random.nextInt(spans.size() + 1);
            String text = insert(example.text(), spans, position, token);
            float[] mask = new float[spans.size() + 1];
            Arrays.fill(mask, 1f);
            mask[position] = 0f;
            List<String> tokens = Tokenizer.tokenize(text);
            if (tokens.size() != mask.length || !tokens.get(position).equals(token)) {
                throw new IllegalStateException("planting " + token + " changed the tokens of \"" + example.text() + "\"");
            }
            out.add(new TextExample(text, example.label(), mask));
        }
        return out;
    }

    private static String insert(String text, List<Tokenizer.Span> spans, int position, String token) {
        if (position == spans.size()) {
            return text + " " + token;
        }
        int at = spans.get(position).start();
        String before = text.substring(0, at);
        return (before.isEmpty() ? "" : before + " ") + token + " " + text.substring(at);
    }
}
