package io.gradlens.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Keras 2 / tf.keras HDF5 files.
 *
 * <p>Full-model files ({@code model.save("m.h5")}) hold the architecture as the JSON string
 * attribute {@code model_config} on the root and the weights under {@code model_weights}: that
 * group's attribute {@code layer_names} lists the layers, each layer group's attribute
 * {@code weight_names} lists its weights in Keras order, and each weight is the float32 dataset
 * {@code model_weights/<layer>/<weight name>} (for example {@code model_weights/lstm/lstm/kernel:0}).
 * Weights-only files ({@code model.save_weights("w.h5")}) have the same layer groups at the root;
 * read them with {@link #read(Path, Path)} and the architecture JSON ({@code model.to_json()}).
 */
public final class Keras2H5Reader {

    private Keras2H5Reader() {}

    /**
     * Reads a full-model Keras 2 HDF5 file.
     *
     * @param file the {@code .h5} file
     * @return the validated model description
     * @throws ModelFormatException if the file is not a readable, supported Keras 2 model
     */
    public static KerasModelSpec read(Path file) {
        requireFile(file);
        try (HdfFile hdf = Hdf5Support.open(file)) {
            String config = Hdf5Support.stringAttribute(file, hdf, "model_config");
            if (config == null) {
                if (Hdf5Support.stringListAttribute(file, hdf, "layer_names") != null) {
                    throw new ModelFormatException(file, null, "this is a weights-only HDF5 file (no model_config"
                            + " attribute); read it together with the architecture JSON");
                }
                throw new ModelFormatException(file, null, "no model_config attribute on the HDF5 root;"
                        + " not a Keras full-model file");
            }
            return read(file, hdf, config, version(file, hdf));
        }
    }

    /**
     * Reads a weights-only HDF5 file together with a separate architecture JSON file (as written by
     * {@code model.to_json()}); a full-model file is also accepted, its own architecture is then
     * ignored in favour of {@code configJson}.
     *
     * @param weightsFile the {@code .h5} weights
     * @param configJson the architecture JSON file
     * @return the validated model description
     * @throws ModelFormatException if the files are not readable or not supported
     */
    public static KerasModelSpec read(Path weightsFile, Path configJson) {
        requireFile(weightsFile);
        requireFile(configJson);
        String config;
        try {
            long size = Files.size(configJson);
            long limit = Limits.JSON_BYTES.value();
            if (size > limit) {
                throw Limits.exceeded(configJson, "architecture JSON of " + size + " bytes", Limits.JSON_BYTES, limit);
            }
            config = Files.readString(configJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelFormatException(configJson, null, "cannot read: " + e.getMessage(), e);
        }
        try (HdfFile hdf = Hdf5Support.open(weightsFile)) {
            return read(weightsFile, hdf, config, version(weightsFile, hdf));
        }
    }

    private static String version(Path file, HdfFile hdf) {
        String v = Hdf5Support.stringAttribute(file, hdf, "keras_version");
        if (v == null) {
            Node mw = Hdf5Support.child(file, hdf, "model_weights");
            if (mw != null) {
                v = Hdf5Support.stringAttribute(file, mw, "keras_version");
            }
        }
        return v;
    }

    private static KerasModelSpec read(Path file, HdfFile hdf, String configJson, String version) {
        KerasConfigParser parser = new KerasConfigParser(file);
        Object json = parser.parseJson(configJson, "model_config");
        if (json instanceof Map<?, ?> m && m.get("model_config") instanceof Map<?, ?> inner) {
            json = inner; // a TF.js-style topology wrapper
        }
        KerasConfigParser.Topology topology = parser.parse(json);
        // Refuse unsupported layers before touching weights, so the message names the real problem.
        KerasModelValidator.checkArchitecture(file, topology);

        Node mwNode = Hdf5Support.child(file, hdf, "model_weights");
        Group weightsRoot = mwNode instanceof Group g ? g : hdf;
        List<String> layerNames = Hdf5Support.stringListAttribute(file, weightsRoot, "layer_names");
        if (layerNames == null) {
            throw new ModelFormatException(file, null, "no layer_names attribute on " + weightsRoot.getPath()
                    + "; the file holds no Keras weights");
        }
        Set<String> known = new HashSet<>();
        topology.layers().forEach(l -> known.add(l.name()));
        for (String n : layerNames) {
            if (!known.contains(n)) {
                throw new ModelFormatException(file, n, "the file has weights for this layer but the"
                        + " architecture has no layer of that name");
            }
        }
        Set<String> stored = new HashSet<>(layerNames);
        return SpecAssembler.assemble(file, KerasModelSpec.FORMAT_KERAS2_H5, version, topology, layer -> {
            Map<String, WeightArray> out = new LinkedHashMap<>();
            if (!stored.contains(layer.name())) {
                return out;
            }
            Node group = Hdf5Support.child(file, weightsRoot, layer.name());
            if (group == null) {
                throw new ModelFormatException(file, layer.name(), "layer is listed in layer_names but its group "
                        + weightsRoot.getPath() + layer.name() + " is missing");
            }
            List<String> weightNames = Hdf5Support.stringListAttribute(file, group, "weight_names");
            if (weightNames == null) {
                throw new ModelFormatException(file, layer.name(), "layer group has no weight_names attribute");
            }
            if (layer.className().equals("Bidirectional") && new HashSet<>(weightNames).size() < weightNames.size()) {
                throw new ModelFormatException(file, layer.name(), "Bidirectional weight names " + weightNames
                        + " are not distinct, so the forward and backward weights were stored under the same"
                        + " dataset names and one direction is lost (Keras 3 writes legacy .h5 files this way);"
                        + " re-save the model in the .keras format");
            }
            for (String wn : weightNames) {
                Node ds = Hdf5Support.child(file, (Group) group, wn);
                if (ds == null) {
                    throw new ModelFormatException(file, layer.name(), "weight '" + wn
                            + "' is listed in weight_names but its dataset is missing");
                }
                String key = SpecAssembler.paramKey(file, layer.name(), layer.className(), wn);
                SpecAssembler.putUnique(file, layer.name(), out, key, Hdf5Support.floatDataset(file, layer.name(), ds));
            }
            return out;
        });
    }

    static void requireFile(Path file) {
        if (file == null) {
            throw new ModelFormatException(null, null, "no file given");
        }
        if (!Files.isRegularFile(file)) {
            throw new ModelFormatException(file, null, "no such file");
        }
    }
}
