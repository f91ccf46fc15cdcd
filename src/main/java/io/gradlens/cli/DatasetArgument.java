package io.gradlens.cli;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.Dataset;
import io.gradlens.data.DatasetLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves a {@code --dataset} argument: an existing file or folder, else a built-in name. */
final class DatasetArgument {

    private DatasetArgument() {
    }

    static Dataset load(String spec, long seed) throws IOException {
        Path path = Path.of(spec);
        if (Files.exists(path)) {
            return DatasetLoader.load(path);
        }
        boolean builtIn = BuiltInDatasets.list().stream().anyMatch(e -> e.name().equals(spec));
        if (!builtIn) {
            throw new IllegalArgumentException("'" + spec + "' is neither a file nor a built-in dataset; built-in: "
                    + BuiltInDatasets.list().stream().map(BuiltInDatasets.Entry::name).toList());
        }
        return BuiltInDatasets.load(spec, seed);
    }
}
