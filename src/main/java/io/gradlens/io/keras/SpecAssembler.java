package io.gradlens.io.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Puts a parsed architecture and a weight source together into a validated {@link KerasModelSpec}. */
final class SpecAssembler {

    /** Supplies the weights of one layer keyed by parameter name (empty map if the file has none). */
    @FunctionalInterface
    interface WeightSource {
        Map<String, WeightArray> weights(KerasConfigParser.RawLayer layer);
    }

    private SpecAssembler() {}

    static KerasModelSpec assemble(Path file, String format, String version, KerasConfigParser.Topology topology,
            WeightSource source) {
        List<KerasConfigParser.RawLayer> checked = KerasModelValidator.checkArchitecture(file, topology);
        List<KerasLayerSpec> layers = new ArrayList<>();
        for (KerasConfigParser.RawLayer l : checked) {
            Map<String, WeightArray> w = source.weights(l);
            Map<String, Object> cfg = KerasModelValidator.checkWeights(file, l, w == null ? Map.of() : w);
            layers.add(new KerasLayerSpec(l.name(), l.className(), cfg, l.inbound(),
                    w == null ? Map.of() : new LinkedHashMap<>(w)));
        }
        return new KerasModelSpec(format, version, layers, topology.inputs(), topology.outputs());
    }

    /**
     * Maps a stored weight name such as {@code lstm/kernel:0}, {@code lstm/lstm_cell/kernel:0} or
     * {@code bidirectional/forward_lstm/kernel:0} to the parameter key used in {@link KerasLayerSpec}
     * ({@code kernel}, {@code forward/kernel}, ...).
     */
    static String paramKey(Path file, String layer, String className, String storedName) {
        String n = storedName;
        int colon = n.lastIndexOf(':');
        if (colon > n.lastIndexOf('/') && colon > 0) {
            n = n.substring(0, colon);
        }
        String[] parts = n.split("/");
        String param = parts[parts.length - 1];
        if (param.isEmpty()) {
            throw new ModelFormatException(file, layer, "malformed weight name '" + storedName + "'");
        }
        if (!className.equals("Bidirectional")) {
            return param;
        }
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].startsWith("forward_")) {
                return "forward/" + param;
            }
            if (parts[i].startsWith("backward_")) {
                return "backward/" + param;
            }
        }
        throw new ModelFormatException(file, layer, "Bidirectional weight '" + storedName
                + "' names neither a forward_ nor a backward_ layer");
    }

    static void putUnique(Path file, String layer, Map<String, WeightArray> into, String key, WeightArray w) {
        if (into.put(key, w) != null) {
            throw new ModelFormatException(file, layer, "weight '" + key + "' is stored twice");
        }
    }
}
