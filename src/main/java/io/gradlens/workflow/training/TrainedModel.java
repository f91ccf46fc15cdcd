package io.gradlens.workflow.training;

import io.gradlens.nn.Classifier;
import io.gradlens.nn.PriceModel;
import java.util.Objects;

/** The model a training run produced: a classifier, or the price regression model of a table. */
public sealed interface TrainedModel {

    /**
     * A text or image classifier (its provenance map is the run's provenance).
     *
     * @param classifier the trained classifier
     */
    record Classification(Classifier classifier) implements TrainedModel {
        /** Checks the field. */
        public Classification {
            Objects.requireNonNull(classifier, "classifier");
        }
    }

    /**
     * The price regression model and its error on the table's test split.
     *
     * @param model    the trained model
     * @param testRmse root mean squared error of the price on the test split
     */
    record PriceRegression(PriceModel model, double testRmse) implements TrainedModel {
        /** Checks the field. */
        public PriceRegression {
            Objects.requireNonNull(model, "model");
        }
    }
}
