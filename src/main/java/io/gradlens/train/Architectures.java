package io.gradlens.train;

import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The built-in architectures by name, for text ({@code lstm, gru, rnn, textcnn, mlp}) and images
 * ({@code cnn, mlp}). Sizes come from {@link Sizes}; every layer is an ordinary {@link Sequential}
 * layer, so a model built here saves, loads and explains like any other.
 */
public final class Architectures {

    /** Names accepted for text inputs. */
    public static final List<String> TEXT = List.of("lstm", "gru", "rnn", "textcnn", "mlp");
    /** Names accepted for image inputs. */
    public static final List<String> IMAGE = List.of("cnn", "mlp");

    /**
     * Layer sizes.
     *
     * @param embeddingDim embedding width E (text)
     * @param units        recurrent units H, or text-CNN filters
     * @param hidden       hidden width of dense layers (cnn, mlp)
     * @param dropout      dropout rate before the output layer (0 for none)
     */
    public record Sizes(int embeddingDim, int units, int hidden, double dropout) {
        public static final Sizes DEFAULT = new Sizes(64, 64, 128, 0.0);
    }

    private Architectures() {
    }

    /** Builds {@code arch} for {@code input} with {@code classes} outputs, seeded. */
    public static Sequential build(String arch, InputSpec input, int classes, Sizes sizes, long seed) {
        String a = arch.toLowerCase(Locale.ROOT);
        if (input instanceof InputSpec.Tokens tokens) {
            if (!TEXT.contains(a)) {
                throw new IllegalArgumentException("architecture '" + arch + "' does not take text; use one of " + TEXT);
            }
            Sequential.Builder b = Sequential.builder(new long[] {-1}, DataType.FLOAT, seed)
                    .add("embedding", Map.of("input_dim", tokens.vocabulary().size(), "output_dim", sizes.embeddingDim()));
            switch (a) {
                case "lstm": b.add("lstm", Map.of("units", sizes.units())); break;
                case "gru": b.add("gru", Map.of("units", sizes.units())); break;
                case "rnn": b.add("simple_rnn", Map.of("units", sizes.units())); break;
                case "textcnn":
                    b.add("conv1d", Map.of("filters", sizes.units(), "kernel_size", 3, "padding", "same",
                            "activation", "relu"));
                    b.add("global_max_pool1d", Map.of());
                    break;
                default:
                    b.add("global_average_pool1d", Map.of());
                    b.add("dense", Map.of("units", sizes.hidden(), "activation", "relu"));
            }
            return head(b, classes, sizes).build();
        }
        if (input instanceof InputSpec.Image img) {
            if (!IMAGE.contains(a)) {
                throw new IllegalArgumentException("architecture '" + arch + "' does not take images; use one of "
                        + IMAGE);
            }
            Sequential.Builder b = Sequential.builder(new long[] {img.height(), img.width(), img.channels()},
                    DataType.FLOAT, seed);
            if ("cnn".equals(a)) {
                b.add("conv2d", Map.of("filters", 32, "kernel_size", 3, "activation", "relu"));
                b.add("max_pool2d", Map.of("pool_size", 2));
                if (Math.min(b.currentShape()[0], b.currentShape()[1]) >= 5) {
                    b.add("conv2d", Map.of("filters", 64, "kernel_size", 3, "activation", "relu"));
                    b.add("max_pool2d", Map.of("pool_size", 2));
                }
                b.add("flatten", Map.of());
                b.add("dense", Map.of("units", sizes.hidden(), "activation", "relu"));
            } else {
                b.add("flatten", Map.of());
                b.add("dense", Map.of("units", sizes.hidden(), "activation", "relu"));
                b.add("dense", Map.of("units", Math.max(sizes.hidden() / 2, 2), "activation", "relu"));
            }
            return head(b, classes, sizes).build();
        }
        throw new IllegalArgumentException("no built-in architecture takes " + input);
    }

    private static Sequential.Builder head(Sequential.Builder b, int classes, Sizes sizes) {
        if (sizes.dropout() > 0) {
            b.add("dropout", Map.of("rate", sizes.dropout()));
        }
        return b.add("dense", Map.of("units", classes));
    }
}
