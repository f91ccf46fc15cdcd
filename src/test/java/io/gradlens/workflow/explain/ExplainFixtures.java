package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.cli.CliRun;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A tiny text dataset (CSV with a test split of 10), an LSTM trained on it through the command
 * line, a dataset in words the model never saw, and an image model for 4x4 images (the built-in
 * digits are 8x8), all in one folder.
 */
final class ExplainFixtures {

    final Path data;
    final Path foreign;
    final Path lstm;
    final Path smallImage;

    private ExplainFixtures(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("text,label,split\n");
        String[] good = {"great film", "loved it", "wonderful acting", "great fun", "really loved the film"};
        String[] bad = {"awful film", "hated it", "terrible acting", "awful mess", "really hated the film"};
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < good.length; i++) {
                String split = r == 3 ? "test" : "train";
                csv.append(good[i]).append(",1,").append(split).append('\n');
                csv.append(bad[i]).append(",0,").append(split).append('\n');
            }
        }
        data = dir.resolve("tiny.csv");
        Files.writeString(data, csv);
        foreign = dir.resolve("foreign.csv");
        Files.writeString(foreign, "text,label,split\nzzz qqq,0,test\nxyzzy plugh,1,test\nqqq zzz,0,train\n");
        lstm = dir.resolve("parity.gradlens");
        CliRun train = CliRun.of("train", "--dataset", data.toString(), "--arch", "lstm", "--epochs", "2",
                "--embedding-dim", "6", "--units", "5", "--batch-size", "8", "--lr", "0.05", "--seed", "1",
                "--out", lstm.toString());
        assertEquals(0, train.exitCode(), train.err());
        smallImage = dir.resolve("small.gradlens");
        Sequential net = Sequential.builder(new long[] {4, 4, 1}, DataType.FLOAT, 3)
                .add("conv2d", "conv", Map.of("filters", 2, "kernel_size", 3, "activation", "relu"))
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 10))
                .build();
        ModelBundle.write(new Classifier(net, new InputSpec.Image(4, 4, 1),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Map.of()), smallImage);
    }

    static ExplainFixtures in(Path dir) throws IOException {
        return new ExplainFixtures(dir);
    }
}
