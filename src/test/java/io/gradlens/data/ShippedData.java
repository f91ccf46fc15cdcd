package io.gradlens.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Loads each shipped dataset once per test JVM (from datasets/ in the module root). */
final class ShippedData {

    static final Path DIR = Path.of("datasets");
    private static final Map<String, Dataset> CACHE = new HashMap<>();

    private ShippedData() {
    }

    static synchronized Dataset load(String name, long seed) {
        return CACHE.computeIfAbsent(name + "#" + seed, key -> {
            try {
                return BuiltInDatasets.load(name, seed, DIR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static ImageDataset image(String name, long seed) {
        return (ImageDataset) load(name, seed);
    }

    static TextDataset text(String name, long seed) {
        return (TextDataset) load(name, seed);
    }
}
