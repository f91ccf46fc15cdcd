package io.gradlens.workflow.models;

import io.gradlens.explain.SensitivityReport;
import java.util.List;

/**
 * The result of an input sensitivity analysis with what a front end shows beside it.
 *
 * @param report     the gradients per row and input entry, and their means
 * @param dataset    the analysed dataset's name
 * @param classNames a classifier's classes (empty for a regression model)
 * @param outputs    the differentiated output of each row (the regression value, or the log
 *                   probability / logit of the explained class)
 */
public record SensitivityOutcome(SensitivityReport report, String dataset, List<String> classNames,
                                 double[] outputs) {

    /** Copies the lists and checks that there is one output per row. */
    public SensitivityOutcome {
        classNames = List.copyOf(classNames);
        outputs = outputs.clone();
        if (outputs.length != report.rows()) {
            throw new IllegalArgumentException(outputs.length + " outputs for " + report.rows() + " rows");
        }
    }

    @Override
    public double[] outputs() {
        return outputs.clone();
    }
}
