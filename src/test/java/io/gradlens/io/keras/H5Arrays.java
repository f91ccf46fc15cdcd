package io.gradlens.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads float32 datasets of a Keras test-data HDF5 file (inputs/..., predictions/...) by path. */
final class H5Arrays {
    private final Map<String, WeightArray> arrays = new HashMap<>();
    private final Path file;

    private H5Arrays(Path file) {
        this.file = file;
    }

    static H5Arrays read(Path file) {
        H5Arrays out = new H5Arrays(file);
        try (HdfFile hdf = new HdfFile(file)) {
            for (String group : new String[] {"inputs", "predictions"}) {
                Node g = hdf.getChild(group);
                if (g instanceof io.jhdf.api.Group grp) {
                    for (Node ds : grp.getChildren().values()) {
                        out.arrays.put(group + "/" + ds.getName(), Hdf5Support.floatDataset(file, null, ds));
                    }
                }
            }
        }
        return out;
    }

    WeightArray get(String path) {
        WeightArray a = arrays.get(path);
        if (a == null) {
            throw new IllegalArgumentException(file + " has no dataset " + path + "; has " + arrays.keySet());
        }
        return a;
    }
}
