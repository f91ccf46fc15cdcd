package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.api.Dataset;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** An HDF5 weight is checked against the weight limit from its declared shape, before it is read. */
class Hdf5SupportLimitsTest {

    /** A float32 dataset that declares {@code shape}; reading its data fails the test. */
    private static Dataset declaring(long... shape) {
        return (Dataset) Proxy.newProxyInstance(Dataset.class.getClassLoader(), new Class<?>[] {Dataset.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getJavaType" -> float.class;
                    case "isScalar" -> false;
                    case "getDimensionsAsLong" -> shape;
                    case "getPath" -> "/layers/dense/vars/0";
                    default -> throw new AssertionError(method.getName() + " was called before the size check");
                });
    }

    @Test
    void aHugeDeclaredWeightIsRefusedBeforeItsDataIsRead() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Hdf5Support.floatDataset(Path.of("m.h5"), "dense", declaring(100_000, 100_000)));
        assertEquals("m.h5: layer 'dense': weight /layers/dense/vars/0 of shape [100000, 100000] (40000000000 bytes)"
                + " exceeds the limit of 1073741824 bytes (raise it with -Dgradlens.limit.weightBytes=<bytes>)",
                e.getMessage());
        ModelFormatException overflow = assertThrows(ModelFormatException.class,
                () -> Hdf5Support.floatDataset(Path.of("m.h5"), "dense", declaring(1L << 40, 1L << 40)));
        assertEquals("m.h5: layer 'dense': weight /layers/dense/vars/0 of shape [1099511627776, 1099511627776]"
                + " exceeds the limit of 1073741824 bytes (raise it with -Dgradlens.limit.weightBytes=<bytes>)",
                overflow.getMessage());
    }
}
