package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.Dataset;
import io.gradlens.data.DatasetLoader;
import io.gradlens.io.ModelFiles;
import io.gradlens.nn.Classifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelDatasetFit#fits}: the answer the compare chooser filters by. */
class ModelDatasetFitsTest {

    @TempDir
    static Path dir;
    static ExplainFixtures fixtures;
    static Classifier lstm;

    @BeforeAll
    static void fixtures() throws Exception {
        fixtures = ExplainFixtures.in(dir);
        lstm = ModelFiles.open(fixtures.lstm);
    }

    @Test
    void theModelFitsTheDatasetItWasTrainedOn() throws Exception {
        assertTrue(ModelDatasetFit.fits(lstm, DatasetLoader.load(fixtures.data)));
    }

    @Test
    void aDatasetWithOtherClassesDoesNotFit() throws Exception {
        Path three = dir.resolve("three-classes.csv");
        Files.writeString(three, "text,label,split\ngreat film,0,train\nawful film,1,train\n"
                + "loved it,2,train\ngreat fun,0,test\nhated it,1,test\nreally loved the film,2,test\n");
        Dataset data = DatasetLoader.load(three);
        assertTrue(lstm.isText());
        assertFalse(ModelDatasetFit.fits(lstm, data), "2 classes vs 3, though every word is known");
    }

    @Test
    void aDatasetInWordsTheModelNeverSawDoesNotFit() throws Exception {
        assertFalse(ModelDatasetFit.fits(lstm, DatasetLoader.load(fixtures.foreign)));
    }

    @Test
    void anImageModelDoesNotFitText() throws Exception {
        assertFalse(ModelDatasetFit.fits(ModelFiles.open(fixtures.smallImage), DatasetLoader.load(fixtures.data)));
    }
}
