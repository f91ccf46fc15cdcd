package io.gradlens.io;

import io.gradlens.format.AtomicFile;
import io.gradlens.format.BundleFormatException;
import io.gradlens.format.SafeZip;
import io.gradlens.format.Npz;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gradlens.data.Tokenizer;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Model;
import io.gradlens.nn.PriceModel;
import io.gradlens.nn.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@code .gradlens} model bundle: one zip file holding
 * <ul>
 *   <li>{@code model.json}: format and version, the layers ({@code type, name, config}), the input
 *       specification, class names and provenance;</li>
 *   <li>{@code weights.npz}: every weight as {@code <layer>/<param>} in Keras layouts, loadable
 *       with {@code numpy.load};</li>
 *   <li>{@code vocabulary.txt} for text models: one token per line, the line number is the id.</li>
 * </ul>
 * Reading validates everything (names, shapes, types, finite values, vocabulary size) before it
 * returns a model, and reports the first problem with the file and entry. See
 * {@code docs/model-format.md}.
 */
public final class ModelBundle {

    public static final String EXTENSION = ".gradlens";
    public static final String FORMAT = "gradlens-model";
    public static final int VERSION = 1;
    static final String MODEL_JSON = "model.json";
    static final String WEIGHTS = "weights.npz";
    static final String VOCABULARY = "vocabulary.txt";
    private static final long MAX_TOTAL_BYTES = 4L << 30;
    private static final String PRICE_KIND = "price";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelBundle() {
    }

    /** Writes {@code model} to {@code file} atomically (a temporary file moved into place). */
    public static void write(Classifier model, Path file) throws IOException {
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            putEntries(model, zip);
            zip.finish();
        });
    }

    /** Writes the bundle bytes of {@code model} to {@code out}. */
    public static void write(Classifier model, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            putEntries(model, zip);
        }
    }

    private static void putEntries(Classifier model, ZipOutputStream zip) throws IOException {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        model.network().parameters().forEach((name, t) -> weights.put(name, t.value()));
        put(zip, MODEL_JSON, JSON.writeValueAsBytes(describe(model)));
        put(zip, WEIGHTS, Npz.write(weights));
        if (model.input() instanceof InputSpec.Tokens tokens) {
            put(zip, VOCABULARY, (String.join("\n", tokens.vocabulary().tokens()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The bundle as bytes. */
    public static byte[] toBytes(Classifier model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(model, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static Map<String, Object> describe(Classifier model) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("format_version", VERSION);
        json.put("kind", "sequential");
        json.put("dtype", model.network().dtype() == DataType.DOUBLE ? "float64" : "float32");
        json.put("input", describeInput(model.input(), model.network()));
        json.put("classes", model.classNames());
        if (model.head() != Classifier.Head.SOFTMAX) {
            json.put("head", model.head().fileName());
        }
        json.put("layers", model.network().architecture());
        json.put("provenance", model.provenance());
        return json;
    }

    private static Map<String, Object> describeInput(InputSpec spec, Sequential network) {
        Map<String, Object> in = new LinkedHashMap<>();
        if (spec instanceof InputSpec.Tokens t) {
            in.put("type", "tokens");
            in.put("vocabulary_size", t.vocabulary().size());
            in.put("tokenizer", "gradlens-v1");
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("lowercase", t.tokenizer().lowercase());
            options.put("split_punctuation", t.tokenizer().splitPunctuation());
            options.put("max_tokens", t.tokenizer().maxTokens());
            in.put("tokenizer_options", options);
        } else if (spec instanceof InputSpec.Image img) {
            in.put("type", "image");
            in.put("height", img.height());
            in.put("width", img.width());
            in.put("channels", img.channels());
        } else {
            in.put("type", "numeric");
            in.put("shape", ((InputSpec.Numeric) spec).shape());
        }
        in.put("shape", network.inputShape());
        return in;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads and validates a bundle.
     *
     * @throws BundleFormatException naming the file, entry and first problem
     * @throws IOException           if the file cannot be read
     */
    public static Classifier read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BundleFormatException(file, null, "no such model file");
        }
        Map<String, byte[]> entries = SafeZip.read(file, SafeZip.MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
        byte[] modelJson = require(entries, file, MODEL_JSON);
        Map<String, Object> json;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = JSON.readValue(modelJson, Map.class);
            json = parsed;
        } catch (JsonProcessingException e) {
            throw new BundleFormatException(file, MODEL_JSON, "is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        BundleJson model = new BundleJson(file, json);
        if (!FORMAT.equals(json.get("format"))) {
            throw model.problem("'format' must be \"" + FORMAT + "\", got " + json.get("format"));
        }
        int version = model.integer("format_version");
        if (version != VERSION) {
            throw model.problem("format_version " + version + " is not supported by this GradLens (reads " + VERSION
                    + "); update GradLens");
        }
        if ("price".equals(json.get("kind"))) {
            throw model.problem("is a price model (kind \"price\"), not a classifier; open it with "
                    + "ModelBundle.open (any kind) or ModelBundle.readPriceModel");
        }
        if (!"sequential".equals(json.get("kind"))) {
            throw model.problem("model kind '" + json.get("kind") + "' is not supported; supported: sequential, price");
        }
        DataType dtype = "float64".equals(json.get("dtype")) ? DataType.DOUBLE : DataType.FLOAT;
        Map<String, Object> input = model.map("input");
        long[] inputShape = model.longs(input, "shape");
        List<String> classes = model.strings("classes");
        Sequential network;
        try {
            network = Sequential.fromArchitecture(inputShape, dtype, model.layers(), 0);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(file, MODEL_JSON, e.getMessage(), e);
        }
        Map<String, INDArray> weights = Npz.read(require(entries, file, WEIGHTS), file, WEIGHTS);
        try {
            network.loadWeights(weights);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(file, WEIGHTS, e.getMessage(), e);
        }
        InputSpec spec = readInput(file, entries, model, input);
        @SuppressWarnings("unchecked")
        Map<String, Object> provenance = json.get("provenance") instanceof Map<?, ?> p
                ? (Map<String, Object>) p : Map.of();
        Classifier.Head head;
        try {
            head = json.get("head") == null ? Classifier.Head.SOFTMAX : Classifier.Head.fromFileName(
                    String.valueOf(json.get("head")));
        } catch (IllegalArgumentException e) {
            throw model.problem(e.getMessage());
        }
        try {
            return new Classifier(network, spec, classes, provenance, head);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(file, MODEL_JSON, e.getMessage(), e);
        }
    }

    private static InputSpec readInput(Path file, Map<String, byte[]> entries, BundleJson model,
                                       Map<String, Object> input) {
        Object type = input.get("type");
        if ("tokens".equals(type)) {
            String text = new String(require(entries, file, VOCABULARY), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            if (lines.size() < 2 || !Vocabulary.PAD_TOKEN.equals(lines.get(0))
                    || !Vocabulary.OOV_TOKEN.equals(lines.get(1))) {
                throw new BundleFormatException(file, VOCABULARY, "must start with the lines " + Vocabulary.PAD_TOKEN
                        + " and " + Vocabulary.OOV_TOKEN);
            }
            int declared = model.integer(input, "vocabulary_size");
            if (declared != lines.size()) {
                throw new BundleFormatException(file, VOCABULARY, "has " + lines.size() + " tokens but model.json "
                        + "declares vocabulary_size " + declared);
            }
            return new InputSpec.Tokens(Vocabulary.of(lines.subList(2, lines.size())), readTokenizer(model, input));
        }
        if ("image".equals(type)) {
            return new InputSpec.Image(model.integer(input, "height"), model.integer(input, "width"),
                    model.integer(input, "channels"));
        }
        if ("numeric".equals(type)) {
            return new InputSpec.Numeric(model.longs(input, "shape"));
        }
        throw model.problem("input type '" + type + "' is not supported; supported: tokens, image, numeric");
    }

    /** The recorded tokenizer options; a bundle written before they were recorded reads with the defaults. */
    private static Tokenizer readTokenizer(BundleJson model, Map<String, Object> input) {
        if (input.get("tokenizer_options") == null) {
            return Tokenizer.DEFAULT;
        }
        if (!(input.get("tokenizer_options") instanceof Map<?, ?> raw)) {
            throw model.problem("'tokenizer_options' must be an object, got " + input.get("tokenizer_options"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) raw;
        int maxTokens = model.integer(options, "max_tokens");
        if (maxTokens < 0) {
            throw model.problem("'max_tokens' must be 0 (no cap) or positive, got " + maxTokens);
        }
        return Tokenizer.of(model.bool(options, "lowercase"), model.bool(options, "split_punctuation"), maxTokens);
    }

    private static byte[] require(Map<String, byte[]> entries, Path file, String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new BundleFormatException(file, null, "has no " + name + " entry; is it a GradLens model bundle?");
        }
        return bytes;
    }

    // ---- kind "price": the built-in multi-input regression model -------------------------------

    /**
     * Writes a {@link PriceModel} as a bundle of kind {@code price}: {@code model.json} holds the
     * format, kind, dtype, the model's config (feature columns, standardisation, units) and
     * provenance; {@code weights.npz} its weights.
     */
    public static void write(PriceModel model, Map<String, Object> provenance, Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("format_version", VERSION);
        json.put("kind", "price");
        json.put("dtype", model.dtype() == DataType.DOUBLE ? "float64" : "float32");
        json.put("config", model.config());
        json.put("provenance", provenance);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        model.parameters().forEach((name, t) -> weights.put(name, t.value()));
        AtomicFile.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, MODEL_JSON, JSON.writeValueAsBytes(json));
            put(zip, WEIGHTS, Npz.write(weights));
            zip.finish();
        });
    }

    /** The {@code kind} a bundle declares ({@code sequential} or {@code price}). */
    public static String kind(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BundleFormatException(file, null, "no such model file");
        }
        Map<String, Object> json = readModelJson(file, SafeZip.read(file, SafeZip.MAX_ENTRY_BYTES, MAX_TOTAL_BYTES));
        return String.valueOf(json.get("kind"));
    }

    /** Reads and validates a bundle of kind {@code price}. */
    @SuppressWarnings("unchecked")
    public static PriceModel readPriceModel(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BundleFormatException(file, null, "no such model file");
        }
        Map<String, byte[]> entries = SafeZip.read(file, SafeZip.MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
        Map<String, Object> json = readModelJson(file, entries);
        if (!FORMAT.equals(json.get("format")) || !"price".equals(json.get("kind"))) {
            throw new BundleFormatException(file, MODEL_JSON, "is not a price model (kind " + json.get("kind") + ")");
        }
        DataType dtype = "float64".equals(json.get("dtype")) ? DataType.DOUBLE : DataType.FLOAT;
        if (!(json.get("config") instanceof Map<?, ?> config)) {
            throw new BundleFormatException(file, MODEL_JSON, "has no 'config' object");
        }
        PriceModel model;
        try {
            model = PriceModel.fromConfig((Map<String, Object>) config, dtype);
            model.loadWeights(Npz.read(require(entries, file, WEIGHTS), file, WEIGHTS));
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(file, MODEL_JSON, e.getMessage(), e);
        }
        return json.get("provenance") instanceof Map<?, ?> p ? model.withProvenance((Map<String, Object>) p) : model;
    }

    /**
     * Reads and validates a bundle of either kind: a {@link Classifier} ({@code sequential}) or a
     * {@link PriceModel} ({@code price}).
     *
     * @throws BundleFormatException naming the file, entry and first problem
     * @throws IOException           if the file cannot be read
     */
    public static Model open(Path file) throws IOException {
        return PRICE_KIND.equals(kind(file)) ? readPriceModel(file) : read(file);
    }

    /** What the bundle's model computes, read from {@code model.json} without loading the weights. */
    public static Model.Kind modelKind(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BundleFormatException(file, null, "no such model file");
        }
        Map<String, Object> json = readModelJson(file, SafeZip.read(file, SafeZip.MAX_ENTRY_BYTES, MAX_TOTAL_BYTES));
        if (PRICE_KIND.equals(json.get("kind"))) {
            return Model.Kind.MULTI_INPUT_REGRESSION;
        }
        return switch (String.valueOf(json.getOrDefault("head", "softmax"))) {
            case "sigmoid" -> Model.Kind.MULTI_LABEL_CLASSIFIER;
            case "linear" -> Model.Kind.REGRESSION;
            default -> Model.Kind.CLASSIFIER;
        };
    }

    /**
     * The {@code provenance} map of a bundle of any kind, without reading its weights; empty when the
     * bundle records none.
     *
     * @throws BundleFormatException when the file is not a bundle
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> provenance(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BundleFormatException(file, null, "no such model file");
        }
        Map<String, Object> json = readModelJson(file, SafeZip.read(file, SafeZip.MAX_ENTRY_BYTES, MAX_TOTAL_BYTES));
        return json.get("provenance") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.of();
    }

    private static Map<String, Object> readModelJson(Path file, Map<String, byte[]> entries) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = JSON.readValue(require(entries, file, MODEL_JSON), Map.class);
            return parsed;
        } catch (IOException e) {
            throw new BundleFormatException(file, MODEL_JSON, "is not valid JSON (" + e.getMessage() + ")", e);
        }
    }
}
