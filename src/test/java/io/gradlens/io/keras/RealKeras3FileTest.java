package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one file written by real Keras 3 (3.15.0) in the fixtures: a subclassed model from the Keras
 * test data. As a whole it must be refused (subclassed models are Python code); its real
 * {@code model.weights.h5} must still be read correctly when paired with an equivalent Sequential
 * architecture, which checks the Keras 3 weight layout on bytes h5py wrote.
 */
class RealKeras3FileTest {

    private static final Path REAL = Fixtures.resource("real3/pre_pr22362_nested_container.keras");

    @TempDir
    Path tmp;

    @Test
    void subclassedModelIsRefused() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> KerasModelFiles.read(REAL));
        assertInstanceOf(UnsupportedModelException.class, e);
        assertTrue(e.getMessage().contains("NestedDenseModel") && e.getMessage().contains(REAL.toString()),
                e.getMessage());
    }

    /** The model's layers: Dense d_0, d_1, d_2 (4→4, no bias), then Dense "dense" (4→2). */
    private static String sequentialConfig(String lastName) {
        StringBuilder layers = new StringBuilder("{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", "
                + "\"config\": {\"batch_shape\": [null, 4], \"dtype\": \"float32\", \"name\": \"input_layer\"}, "
                + "\"registered_name\": null}");
        for (int i = 0; i < 3; i++) {
            layers.append(", ").append(dense("d_" + i, 4, false));
        }
        layers.append(", ").append(dense(lastName, 2, true));
        return "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"seq\", "
                + "\"layers\": [" + layers + "]}, \"registered_name\": null}";
    }

    private static String dense(String name, int units, boolean bias) {
        return "{\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\": \"" + name
                + "\", \"units\": " + units + ", \"activation\": \"linear\", \"use_bias\": " + bias
                + "}, \"registered_name\": null}";
    }

    private Path withConfig(String config) throws IOException {
        Path out = tmp.resolve("paired-" + System.nanoTime() + ".keras");
        try (ZipFile in = new ZipFile(REAL.toFile()); ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
            for (String name : List.of("metadata.json", "model.weights.h5")) {
                zos.putNextEntry(new ZipEntry(name));
                try (InputStream is = in.getInputStream(in.getEntry(name))) {
                    is.transferTo(zos);
                }
                zos.closeEntry();
            }
            zos.putNextEntry(new ZipEntry("config.json"));
            zos.write(config.getBytes(StandardCharsets.UTF_8));
            zos.closeEntry();
        }
        return out;
    }

    @Test
    void realKeras3WeightsReadThroughTheKeras3Layout() throws IOException {
        KerasModelSpec spec = Keras3Reader.read(withConfig(sequentialConfig("dense")));
        assertEquals("3.15.0", spec.kerasVersion());
        assertEquals(List.of("input_layer", "d_0", "d_1", "d_2", "dense"),
                spec.layers().stream().map(KerasLayerSpec::name).toList());
        assertArrayEquals(new long[] {4, 4}, spec.layer("d_1").orElseThrow().weight("kernel").shape());
        assertNull(spec.layer("d_1").orElseThrow().weight("bias"));
        assertArrayEquals(new long[] {4, 2}, spec.layer("dense").orElseThrow().weight("kernel").shape());
        assertArrayEquals(new long[] {2}, spec.layer("dense").orElseThrow().weight("bias").shape());
    }

    @Test
    void storedLayerNameMustAgree() throws IOException {
        // Keras 3.15 writes the layer name on each vars group; a config naming the last layer
        // differently is caught.
        Path f = withConfig(sequentialConfig("head"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Keras3Reader.read(f));
        assertTrue(e.getMessage().contains("layer 'head'") && e.getMessage().contains("named 'dense'"), e.getMessage());
    }
}
