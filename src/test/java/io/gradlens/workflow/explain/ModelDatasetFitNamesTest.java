package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.data.TextDataset;
import io.gradlens.nn.Classifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelDatasetFit#check}: the message says which class names differ. */
class ModelDatasetFitNamesTest {

    @Test
    void sharedNamesLeaveOnlyTheDifferingOnesNamed() {
        String message = refusal(List.of("neg", "pos"), List.of("neg", "positive"));
        assertEquals("the model's classes are neg, pos but the classes of dataset 'd' are neg, positive "
                + "(only the model has pos; only the dataset has positive)", message);
    }

    @Test
    void theSameNamesInAnotherOrderAreCalledOut() {
        assertEquals("the model's classes are neg, pos but the classes of dataset 'd' are pos, neg "
                + "(the same classes in another order, so its class numbers mean other classes)",
                refusal(List.of("neg", "pos"), List.of("pos", "neg")));
    }

    private static String refusal(List<String> modelClasses, List<String> dataClasses) {
        Classifier model = ModelDatasetFitTest.textModel(modelClasses, List.of("good", "bad"));
        TextDataset data = ModelDatasetFitTest.texts("d", dataClasses, "good bad");
        return assertThrows(ModelDatasetMismatchException.class, () -> ModelDatasetFit.check(model, data))
                .getMessage();
    }
}
