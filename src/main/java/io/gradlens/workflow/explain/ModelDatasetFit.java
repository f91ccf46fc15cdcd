package io.gradlens.workflow.explain;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.Vocabulary;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.util.List;

/**
 * Whether a classifier can read a dataset, with the one set of messages the command line and the
 * workbench show: input kind, image shape, class count and class names, and (for text) whether the
 * vocabulary knows any of the dataset's words.
 */
public final class ModelDatasetFit {

    private ModelDatasetFit() {
    }

    /**
     * Checks kind, image shape, class count and class names (see {@link #classNameProblem}).
     *
     * @throws ModelDatasetMismatchException naming the model's input and the dataset
     * @throws IllegalArgumentException      for a tabular dataset
     */
    public static void check(Classifier model, Dataset data) {
        List<String> classes;
        if (data instanceof TextDataset text) {
            if (!model.isText()) {
                throw new ModelDatasetMismatchException("the model reads " + model.describeInput() + " but dataset '"
                        + data.name() + "' is text");
            }
            classes = text.classNames();
        } else if (data instanceof ImageDataset images) {
            if (!(model.input() instanceof InputSpec.Image img) || img.height() != images.height()
                    || img.width() != images.width() || img.channels() != images.channels()) {
                throw new ModelDatasetMismatchException("the model reads " + model.describeInput() + " but dataset '"
                        + data.name() + "' has images " + images.height() + "x" + images.width() + "x"
                        + images.channels());
            }
            classes = images.classNames();
        } else {
            throw new IllegalArgumentException("dataset '" + data.name() + "' is tabular; text and image "
                    + "classifiers are explained on text and image datasets");
        }
        if (model.numClasses() != classes.size()) {
            throw new ModelDatasetMismatchException("the model has " + model.numClasses() + " classes "
                    + model.classNames() + " but dataset '" + data.name() + "' has " + classes.size() + " "
                    + classes);
        }
        String names = classNameProblem(model.classNames(), classes);
        if (names != null) {
            throw new ModelDatasetMismatchException("the model has classes " + model.classNames() + " but dataset '"
                    + data.name() + "' has " + classes + ": " + names);
        }
    }

    /**
     * What differs between two class lists of the same size, or null when they match. Lists of
     * bare indices ({@code "0", "1", ...}, what files with integer labels and IDX sets give) match
     * any list, as they name no class.
     */
    static String classNameProblem(List<String> model, List<String> dataset) {
        if (model.equals(dataset) || isIndexNames(model) || isIndexNames(dataset)) {
            return null;
        }
        List<String> onlyModel = model.stream().filter(c -> !dataset.contains(c)).toList();
        List<String> onlyData = dataset.stream().filter(c -> !model.contains(c)).toList();
        if (onlyModel.isEmpty() && onlyData.isEmpty()) {
            return "the same names in another order (class indices would be mixed up)";
        }
        return "only the model has " + onlyModel + ", only the dataset has " + onlyData;
    }

    private static boolean isIndexNames(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }

    /** Test texts a vocabulary check reads at most ({@link #fits}): enough to find one known word. */
    static final int VOCABULARY_SAMPLE = 200;

    /**
     * Whether {@code model} can read {@code data}: {@link #check} passes and, for text, the model's
     * vocabulary knows at least one word of the first {@value #VOCABULARY_SAMPLE} test texts (or
     * training texts when there are no test texts; a set without any token passes) — the checks every explanation of the dataset
     * runs, answered without an exception (e.g. to offer only the models that fit).
     */
    public static boolean fits(Classifier model, Dataset data) {
        try {
            check(model, data);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (data instanceof TextDataset text) {
            List<io.gradlens.data.TextExample> examples = text.test().isEmpty() ? text.train() : text.test();
            List<String> sample = examples.subList(0, Math.min(VOCABULARY_SAMPLE, examples.size())).stream()
                    .map(io.gradlens.data.TextExample::text).toList();
            Vocabulary vocabulary = model.tokens().vocabulary();
            boolean anyToken = false;
            for (String t : sample) {
                for (String token : model.tokens().tokens(t)) {
                    anyToken = true;
                    if (vocabulary.id(token) != Vocabulary.OOV) {
                        return true;
                    }
                }
            }
            return !anyToken; // as checkVocabulary: a set without tokens is not refused

        }
        return true;
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
            throw new ModelDatasetMismatchException("none of the " + all + " tokens of dataset '" + dataset
                    + "' is in the model's vocabulary: the model was not trained on text like this");
        }
    }
}
