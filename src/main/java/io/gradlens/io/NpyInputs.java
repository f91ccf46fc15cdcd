package io.gradlens.io;

import io.gradlens.format.Npy;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a batch of model inputs from a NumPy {@code .npy} file ({@code --input-npy} of
 * {@code predict} and {@code saliency}) and checks it against the model: the array is
 * [batch, …input shape] (a single example without the batch axis is accepted and gets one); models
 * whose first layer is an embedding need integer token ids ({@code int32}, or floats that are whole
 * numbers), other models get float values cast to the model's dtype.
 */
public final class NpyInputs {

    private static final long MAX_BYTES = 1L << 30;

    private NpyInputs() {
    }

    /**
     * @return the input batch as a constant tensor
     * @throws IllegalArgumentException naming the file and what does not fit the model
     * @throws IOException if the file cannot be read
     */
    public static Tensor read(Path file, Classifier model) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such .npy file");
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": larger than 1 GiB");
        }
        return batch(Npy.read(Files.readAllBytes(file), file.toString()), model.network(), file.toString());
    }

    /**
     * Checks and converts an array to an input batch for {@code network}.
     *
     * @param what names the array in messages
     */
    public static Tensor batch(INDArray array, Sequential network, String what) {
        long[] want = network.inputShape();
        INDArray a = array;
        if (a.rank() == want.length) {
            a = a.reshape(prepend(1, a.shape()));
        }
        if (a.rank() != want.length + 1 || !fits(a.shape(), want)) {
            throw new IllegalArgumentException(what + ": array shape " + Arrays.toString(array.shape())
                    + " does not fit the model input [batch, " + describe(want) + "]");
        }
        if (a.size(0) == 0) {
            throw new IllegalArgumentException(what + ": the array holds no examples");
        }
        if (network.takesTokenIds()) {
            if (a.dataType().isFPType()) {
                INDArray rounded = org.nd4j.linalg.ops.transforms.Transforms.round(a, true);
                if (!rounded.equals(a)) {
                    throw new IllegalArgumentException(what + ": the model reads token ids but the array holds "
                            + "fractional values");
                }
            }
            INDArray ids = a.castTo(DataType.INT).dup('c');
            long rows = ((io.gradlens.nn.Embedding) network.layer(0)).vocabularySize();
            double min = ids.minNumber().doubleValue();
            double max = ids.maxNumber().doubleValue();
            if (min < 0 || max >= rows) {
                throw new IllegalArgumentException(what + ": token ids must be in [0, " + rows + "), found "
                        + (long) min + " to " + (long) max);
            }
            return Tensor.constant(ids);
        }
        INDArray x = a.castTo(network.dtype()).dup('c');
        if (x.isNaN().any() || x.isInfinite().any()) {
            throw new IllegalArgumentException(what + ": the array contains NaN or infinite values");
        }
        return Tensor.constant(x);
    }

    private static boolean fits(long[] shape, long[] want) {
        for (int i = 0; i < want.length; i++) {
            if (want[i] >= 0 && shape[i + 1] != want[i]) {
                return false;
            }
        }
        return true;
    }

    private static long[] prepend(long first, long[] rest) {
        long[] out = new long[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static String describe(long[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "any" : String.valueOf(shape[i]));
        }
        return sb.toString();
    }
}
