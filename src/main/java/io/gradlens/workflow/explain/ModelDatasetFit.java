package io.gradlens.workflow.explain;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a classifier can read a dataset, with the one set of messages the command line and the
 * workbench show: input kind, image shape, the classes (their number and names), and (for text)
 * how many of the dataset's words the vocabulary knows.
 */
public final class ModelDatasetFit {

    /** Below this share of known test tokens {@link #fit} warns that the model may not fit. */
    public static final double LOW_VOCABULARY_COVERAGE = 0.5;

    /** At most this many test tokens are looked up for the coverage (the first ones). */
    static final int COVERAGE_SAMPLE_TOKENS = 200_000;

    /** Class names an importer gives when the file names none (Keras: class_0, label_0, output_0). */
    private static final Pattern PLACEHOLDER_CLASS = Pattern.compile("(class|label|output)_\\d+");

    private ModelDatasetFit() {
    }

    /**
     * Checks kind, image shape and the classes (number and names; an imported model's placeholder
     * names {@code class_0, class_1, …} match any names, and so do numbers {@code 0, 1, …} — a
     * model trained on integer labels names no class, nor does a dataset with integer labels).
     *
     * @throws ModelDatasetMismatchException naming the model's input and the dataset
     * @throws IllegalArgumentException      for a tabular dataset
     */
    public static void check(Classifier model, Dataset data) {
        if (!(data instanceof TextDataset) && !(data instanceof ImageDataset)) {
            throw new IllegalArgumentException(tabular(data));
        }
        structure(model, data).ifPresent(reason -> {
            throw new ModelDatasetMismatchException(reason);
        });
    }

    /**
     * Everything {@link #check} checks, plus the vocabulary of a text model on the dataset's test
     * split (its first {@value #COVERAGE_SAMPLE_TOKENS} tokens): none known refuses the pairing,
     * fewer than {@link #LOW_VOCABULARY_COVERAGE} known warns; a dataset that numbers its classes
     * where the model names them warns that the numbers are read as the model's classes.
     *
     * @return the reasons against the pairing and the warnings, in plain words
     */
    public static FitReport fit(Classifier model, Dataset data) {
        if (!(data instanceof TextDataset) && !(data instanceof ImageDataset)) {
            return new FitReport(List.of(tabular(data)), List.of());
        }
        var structural = structure(model, data);
        if (structural.isPresent()) {
            return new FitReport(List.of(structural.get()), List.of());
        }
        List<String> warnings = new ArrayList<>();
        if (!labelNames(model, data).equals(classesOf(data))) {
            warnings.add(numberedWarning(model, data));
        }
        if (data instanceof TextDataset text) {
            FitReport words = coverage(model.tokens().vocabulary(), text);
            warnings.addAll(words.warnings());
            return new FitReport(words.reasons(), words.reasons().isEmpty() ? warnings : List.of());
        }
        return new FitReport(List.of(), warnings);
    }

    /**
     * Whether {@code model} can read {@code data} at all ({@link #fit} finds no reason against
     * the pairing), answered without an exception, e.g. to offer only the models that fit.
     */
    public static boolean fits(Classifier model, Dataset data) {
        return fit(model, data).compatible();
    }

    /**
     * The names a prediction of {@code model} is shown under on {@code data}: the model's own
     * classes, or the dataset's where the model has only an importer's placeholders
     * ({@code class_0, class_1, …}) or numbers ({@code 0, 1, …}) and the same number of classes.
     */
    public static List<String> predictionNames(Classifier model, Dataset data) {
        List<String> own = model.classNames();
        List<String> theirs = classesOf(data);
        if ((placeholders(own) || numbered(own)) && theirs.size() == own.size()) {
            return theirs;
        }
        return own;
    }

    private static String tabular(Dataset data) {
        return "dataset '" + data.name() + "' is tabular; text and image classifiers are explained on text "
                + "and image datasets";
    }

    private static Optional<String> structure(Classifier model, Dataset data) {
        List<String> classes;
        if (data instanceof TextDataset text) {
            if (!model.isText()) {
                return Optional.of("the model reads " + model.describeInput() + " but dataset '"
                        + data.name() + "' is text");
            }
            classes = text.classNames();
        } else {
            ImageDataset images = (ImageDataset) data;
            if (!(model.input() instanceof InputSpec.Image img) || img.height() != images.height()
                    || img.width() != images.width() || img.channels() != images.channels()) {
                return Optional.of("the model reads " + model.describeInput() + " but dataset '"
                        + data.name() + "' has images " + images.height() + "x" + images.width() + "x"
                        + images.channels());
            }
            classes = images.classNames();
        }
        if (model.numClasses() != classes.size()) {
            return Optional.of("the model has " + model.numClasses() + " classes "
                    + model.classNames() + " but dataset '" + data.name() + "' has " + classes.size() + " "
                    + classes);
        }
        return classNames(model.classNames(), classes, data.name());
    }

    private static Optional<String> classNames(List<String> model, List<String> data, String name) {
        if (model.equals(data) || placeholders(model) || numbered(model) || numbered(data)) {
            return Optional.empty();
        }
        return Optional.of("the model's classes are " + String.join(", ", model)
                + " but the classes of dataset '" + name + "' are " + String.join(", ", data)
                + difference(model, data));
    }

    /**
     * What sets two class lists apart, for the end of the message: the same names in another
     * order, or, when they share some names, the names only one of them has; empty when they
     * share none (both lists are in the message already).
     */
    private static String difference(List<String> model, List<String> data) {
        if (new HashSet<>(model).equals(new HashSet<>(data))) {
            return " (the same classes in another order, so its class numbers mean other classes)";
        }
        List<String> onlyModel = model.stream().filter(c -> !data.contains(c)).toList();
        List<String> onlyData = data.stream().filter(c -> !model.contains(c)).toList();
        if (onlyModel.size() == model.size()) {
            return "";
        }
        return " (only the model has " + String.join(", ", onlyModel) + "; only the dataset has "
                + String.join(", ", onlyData) + ")";
    }

    /** Whether the names are an importer's placeholders ({@code class_0, class_1, …}). */
    private static boolean placeholders(List<String> names) {
        return names.stream().allMatch(c -> PLACEHOLDER_CLASS.matcher(c).matches());
    }

    /** Whether a dataset numbers its classes ({@code 0, 1, …}) rather than naming them. */
    private static boolean numbered(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names a dataset's gold labels are shown under beside {@code model}'s predictions: the
     * model's classes where the dataset only numbers its classes {@code 0, 1, …} (and the model
     * names them), else the dataset's own.
     */
    public static List<String> labelNames(Classifier model, Dataset data) {
        List<String> theirs = classesOf(data);
        return numbered(theirs) && !placeholders(model.classNames()) && theirs.size() == model.numClasses()
                ? model.classNames() : theirs;
    }

    private static List<String> classesOf(Dataset data) {
        return data instanceof TextDataset t ? t.classNames()
                : data instanceof ImageDataset i ? i.classNames() : List.of();
    }

    private static String numberedWarning(Classifier model, Dataset data) {
        return "dataset '" + data.name() + "' numbers its classes " + String.join(", ", classesOf(data))
                + " instead of naming them: they are taken to be the model's " + String.join(", ",
                model.classNames());
    }

    private static FitReport coverage(Vocabulary vocabulary, TextDataset data) {
        long known = 0;
        long all = 0;
        for (TextExample e : data.test()) {
            for (String token : e.tokens()) {
                all++;
                known += vocabulary.id(token) != Vocabulary.OOV ? 1 : 0;
            }
            if (all >= COVERAGE_SAMPLE_TOKENS) {
                break;
            }
        }
        if (all == 0) {
            return FitReport.fits();
        }
        if (known == 0) {
            return new FitReport(List.of(noKnownWord(all, data.name())), List.of());
        }
        double share = known / (double) all;
        List<String> warnings = new ArrayList<>();
        if (share < LOW_VOCABULARY_COVERAGE) {
            warnings.add(String.format(Locale.ROOT, "only %.0f %% of the test tokens of dataset '%s' (%d of %d) "
                    + "are in the model's vocabulary: it was probably trained on other text", 100 * share,
                    data.name(), known, all));
        }
        return new FitReport(List.of(), warnings);
    }

    private static String noKnownWord(long tokens, String dataset) {
        return "none of the " + tokens + " tokens of dataset '" + dataset
                + "' is in the model's vocabulary: the model was not trained on text like this";
    }

    /**
     * Refuses a text set none of whose words the model knows.
     *
     * @throws ModelDatasetMismatchException naming the dataset
     */
    public static void checkVocabulary(AttributionInputs.Tokens tokens, String dataset) {
        long known = 0;
        long all = 0;
        for (int[] ids : tokens.ids()) {
            for (int id : ids) {
                all++;
                known += id != Vocabulary.OOV ? 1 : 0;
            }
        }
        if (all > 0 && known == 0) {
            throw new ModelDatasetMismatchException(noKnownWord(all, dataset));
        }
    }
}
