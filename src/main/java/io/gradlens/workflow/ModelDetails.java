package io.gradlens.workflow;

import io.gradlens.io.ModelFiles;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Model;
import io.gradlens.nn.MultiInputModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a model is and where it came from, as {@code bin/gradlens info} prints it and the workbench's
 * model details show it: its kind, its inputs, its classes and its {@link ModelProvenance}.
 *
 * @param kind       {@code sequential} (a classifier) or {@code price} (the price regression model)
 * @param inputs     each input's name and a description of it ({@code tokens: vocabulary of 4,597})
 * @param classes    class names (empty for a regression)
 * @param provenance where it came from
 */
public record ModelDetails(String kind, Map<String, String> inputs, List<String> classes,
                           ModelProvenance provenance) {

    /** Freezes the collections. */
    public ModelDetails {
        Objects.requireNonNull(kind, "kind");
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        classes = List.copyOf(classes);
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The details of a model file of any format and kind ({@link ModelFiles#openModel}). */
    public static ModelDetails read(Path file) throws IOException {
        return of(ModelFiles.openModel(file, null));
    }

    /** The details of a model: a classifier, or the multi-input price regression. */
    public static ModelDetails of(Model model) {
        ModelProvenance provenance = ModelProvenance.fromMap(model.provenance());
        if (model instanceof Classifier classifier) {
            return new ModelDetails("sequential", Map.of("input", describe(classifier.input())),
                    classifier.classNames(), provenance);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        ((MultiInputModel) model).featureNames().forEach((name, columns) -> inputs.put(name, "numeric " + columns));
        return new ModelDetails("price", inputs, List.of(), provenance);
    }

    private static String describe(InputSpec spec) {
        if (spec instanceof InputSpec.Tokens t) {
            return String.format(Locale.ROOT, "tokens (vocabulary of %,d)", t.vocabulary().size());
        }
        if (spec instanceof InputSpec.Image img) {
            return "image " + img.height() + "\u00d7" + img.width() + "\u00d7" + img.channels();
        }
        return "numeric " + Arrays.toString(((InputSpec.Numeric) spec).shape());
    }

    /**
     * The details as labelled lines, one fact each ({@code "dataset: sentences (built in)"}); the
     * command line prints them and the workbench shows them.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("kind: " + kind + ("price".equals(kind) ? " (regression)" : " (classifier)"));
        inputs.forEach((name, what) -> out.add("input" + (inputs.size() == 1 ? "" : " " + name) + ": " + what));
        if (!classes.isEmpty()) {
            out.add("classes: " + String.join(", ", classes));
        }
        ModelProvenance p = provenance;
        ModelProvenance.DatasetProvenance d = p.dataset();
        d.name().ifPresent(n -> out.add("dataset: " + n + d.builtIn().map(b -> b ? " (built in)" : "").orElse("")));
        d.path().ifPresent(v -> out.add("dataset path: " + v));
        d.source().ifPresent(v -> out.add("dataset source: " + v));
        d.sha256().ifPresent(v -> out.add("dataset sha256: " + v));
        d.edits().ifPresent(e -> out.add("dataset edits: " + e.count() + " from " + e.file()));
        p.architecture().ifPresent(v -> out.add("architecture: " + v));
        if (!p.hyperparameters().isEmpty()) {
            StringBuilder h = new StringBuilder("hyperparameters:");
            p.hyperparameters().forEach((k, v) -> h.append(' ').append(k).append('=').append(v));
            out.add(h.toString());
        }
        p.seed().ifPresent(v -> out.add("seed: " + v));
        p.trainedIn().ifPresent(v -> out.add("trained in: " + v.fileName()));
        p.created().ifPresent(v -> out.add("created: " + v));
        p.trainingSeconds().ifPresent(v -> out.add(String.format(Locale.ROOT, "training seconds: %.1f", v)));
        p.gradlensVersion().ifPresent(v -> out.add("GradLens: " + v));
        p.nd4jVersion().ifPresent(v -> out.add("ND4J: " + v));
        p.javaVersion().ifPresent(v -> out.add("Java: " + v + p.jvm().map(j -> " (" + j + ")").orElse("")));
        p.os().ifPresent(v -> out.add("OS: " + v));
        p.extra().forEach((k, v) -> out.add(k + ": " + v));
        return out;
    }

    /** The details as one JSON-ready map: kind, inputs, classes, provenance (the bundle's map). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind);
        m.put("inputs", inputs);
        m.put("classes", classes);
        m.put("provenance", provenance.toMap());
        return m;
    }
}
