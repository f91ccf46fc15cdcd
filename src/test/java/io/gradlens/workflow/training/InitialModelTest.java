package io.gradlens.workflow.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.DatasetInfo;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.train.Architectures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InitialModel} refuses data whose kind or image shape differs from the init model's, naming both. */
class InitialModelTest {

    private static final DatasetInfo INFO = new DatasetInfo("test", "none", "", "");

    @TempDir
    Path dir;

    private Path imageModel(int height, int width) throws Exception {
        InputSpec.Image input = new InputSpec.Image(height, width, 1);
        Classifier model = new Classifier(Architectures.build("mlp", input, 2, Architectures.Sizes.DEFAULT, 1),
                input, List.of("0", "1"), Map.of());
        Path file = dir.resolve("images.gradlens");
        ModelBundle.write(model, file);
        return file;
    }

    private static ImageDataset images(int height, int width) {
        ImageSplit split = new ImageSplit(new float[][] {new float[height * width]}, new int[] {0}, null);
        return new ImageDataset("pics", List.of("0", "1"), height, width, 1, split, split, INFO);
    }

    @Test
    void anotherImageShapeIsRefusedNamingBothShapes() throws Exception {
        ImageDataset data = images(5, 5);
        InitialModel init = InitialModel.open(imageModel(4, 4), data);
        assertTrue(init.vocabulary().isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> init.checkFits(data, data.classNames(), new InputSpec.Image(5, 5, 1)));
        assertEquals("--init images.gradlens reads 4x4x1 images but dataset 'pics' has 5x5x1 images; the image "
                + "shape must match", e.getMessage());
        init.checkFits(data, data.classNames(), new InputSpec.Image(4, 4, 1));
    }

    @Test
    void textIsRefusedForAnImageModel() throws Exception {
        TextDataset text = new TextDataset("words", List.of("0", "1"), List.of(new TextExample("hi", 0, null)),
                List.of(), INFO);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InitialModel.open(imageModel(4, 4), text));
        assertEquals("--init images.gradlens reads 4x4x1 images but dataset 'words' holds text", e.getMessage());
    }
}
