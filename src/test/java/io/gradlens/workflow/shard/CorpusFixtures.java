package io.gradlens.workflow.shard;

import io.gradlens.data.Vocabulary;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A tiny corpus job: a seeded CSV of texts of 2–13 words (the test split has {@link #TEST_DOCS}
 * documents of different lengths) and a float64 SimpleRNN classifier over its words.
 */
public final class CorpusFixtures {

    static final List<String> WORDS = List.of("good", "bad", "movie", "plot", "great", "awful", "the", "a", "film");
    public static final int TEST_DOCS = 11;

    private CorpusFixtures() {
    }

    /** Writes {@code corpus.csv} into {@code dir}. */
    public static Path dataset(Path dir) throws IOException {
        Random r = new Random(7);
        StringBuilder csv = new StringBuilder("text,label,split\n");
        for (int i = 0; i < 6 + TEST_DOCS; i++) {
            int len = 2 + r.nextInt(12);
            StringBuilder text = new StringBuilder();
            for (int t = 0; t < len; t++) {
                text.append(t == 0 ? "" : " ").append(WORDS.get(r.nextInt(WORDS.size())));
            }
            csv.append(text).append(',').append(i % 2).append(',').append(i < 6 ? "train" : "test").append('\n');
        }
        return Files.writeString(dir.resolve("corpus.csv"), csv);
    }

    /** The classifier. */
    public static Classifier rnn() {
        Vocabulary vocab = Vocabulary.of(WORDS);
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 3)
                .add("embedding", "embedding", Map.of("input_dim", vocab.size(), "output_dim", 4))
                .add("simple_rnn", "rnn", Map.of("units", 5))
                .add("dense", "out", Map.of("units", 2))
                .build();
        return new Classifier(net, new InputSpec.Tokens(vocab), List.of("negative", "positive"), Map.of());
    }

    /** Writes the classifier as {@code rnn.gradlens} into {@code dir}. */
    public static Path model(Path dir) throws IOException {
        Path file = dir.resolve("rnn.gradlens");
        ModelBundle.write(rnn(), file);
        return file;
    }
}
