package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelDatasetFit#classNameProblem}: which class names differ between a model and a dataset. */
class ModelDatasetFitNamesTest {

    @Test
    void equalNamesAndBareIndicesFit() {
        assertNull(ModelDatasetFit.classNameProblem(List.of("neg", "pos"), List.of("neg", "pos")));
        assertNull(ModelDatasetFit.classNameProblem(List.of("neg", "pos"), List.of("0", "1")));
        assertNull(ModelDatasetFit.classNameProblem(List.of("0", "1", "2"), List.of("cat", "dog", "eel")));
    }

    @Test
    void differingNamesAreNamedAndAnotherOrderIsCalledOut() {
        assertEquals("only the model has [pos], only the dataset has [positive]",
                ModelDatasetFit.classNameProblem(List.of("neg", "pos"), List.of("neg", "positive")));
        assertEquals("the same names in another order (class indices would be mixed up)",
                ModelDatasetFit.classNameProblem(List.of("neg", "pos"), List.of("pos", "neg")));
        assertEquals("only the model has [1], only the dataset has [cat]",
                ModelDatasetFit.classNameProblem(List.of("1", "0"), List.of("cat", "0")), "not bare indices in order");
    }
}
