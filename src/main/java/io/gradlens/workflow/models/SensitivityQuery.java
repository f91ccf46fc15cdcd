package io.gradlens.workflow.models;

import io.gradlens.data.Dataset;
import io.gradlens.data.edits.Split;
import io.gradlens.nn.Model;
import java.util.Objects;

/**
 * What an input sensitivity analysis explains: a model of any kind on the first rows of a dataset
 * split.
 *
 * @param model   the model: a multi-input regression model reads the columns of a tabular dataset,
 *                an image classifier the images of an image dataset
 * @param dataset the rows
 * @param split   which split
 * @param limit   at most this many rows (0: all)
 * @param output  the differentiated output: {@code logprob} or {@code logit} (classifiers),
 *                {@code regression} (regression models), or {@code null} for the model's default
 *                ({@code logprob}, resp. {@code regression})
 * @param target  a classifier's explained class: {@code predicted} (or {@code null}: each row's
 *                prediction), a class index or a class name
 */
public record SensitivityQuery(Model model, Dataset dataset, Split split, int limit, String output, String target) {

    /** Checks the mandatory fields and the limit. */
    public SensitivityQuery {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        if (limit < 0) {
            throw new IllegalArgumentException("the row limit must be ≥ 0, got " + limit);
        }
    }
}
