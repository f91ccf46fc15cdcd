package io.gradlens.nn;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Maps integer token ids [B, T] to vectors [B, T, E] by table lookup (weights {@code embeddings}
 * [V, E]). Id {@link #PAD} marks padding: its output is zero, it receives no gradient, and the
 * layer sets the batch's sequence mask so later layers skip it (Keras {@code mask_zero}).
 */
public final class Embedding implements Layer {

    /** The padding id. */
    public static final int PAD = 0;

    private final String name;
    private final Tensor table;
    private final boolean maskZero;

    public Embedding(String name, int vocabularySize, int dim, Random random, DataType dtype) {
        this(name, vocabularySize, dim, true, random, dtype);
    }

    /**
     * @param maskZero true (the GradLens default): id {@link #PAD} is padding, as described above;
     *     false (Keras {@code mask_zero=False}): id 0 is looked up like any other id, its row is
     *     used and trained, and no sequence mask is set
     */
    public Embedding(String name, int vocabularySize, int dim, boolean maskZero, Random random, DataType dtype) {
        this.name = name;
        this.maskZero = maskZero;
        this.table = Initializers.uniform(name + "/embeddings", random, dtype, 0.05, vocabularySize, dim);
    }

    /** Whether id 0 is padding (masked); false for imported Keras embeddings without {@code mask_zero}. */
    public boolean maskZero() {
        return maskZero;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "embedding";
    }

    public int vocabularySize() {
        return Math.toIntExact(table.size(0));
    }

    public int dim() {
        return Math.toIntExact(table.size(1));
    }

    /** The lookup table [V, E]. */
    public Tensor table() {
        return table;
    }

    @Override
    public Tensor forward(Tensor ids, ForwardContext context) {
        if (ids.isFloatingPoint() || ids.rank() != 2) {
            throw new IllegalArgumentException("embedding '" + name + "' expects integer token ids [batch, time], got "
                    + ids.dtype() + " " + java.util.Arrays.toString(ids.shape()));
        }
        int[] flat = ids.value().dup('c').data().asInt();
        boolean padded = maskZero && java.util.Arrays.stream(flat).anyMatch(id -> id == PAD);
        Tensor vectors = NnOps.embedding(table, flat, ids.shape());
        if (!padded) {
            context.setSequenceMask(null);
            return vectors;
        }
        INDArray mask = ids.value().neq(PAD).castTo(table.dtype());
        Tensor maskTensor = Tensor.constant(mask);
        context.setSequenceMask(maskTensor);
        return Ops.mul(vectors, Tensor.constant(mask.reshape(mask.size(0), mask.size(1), 1)));
    }

    /** The sequence mask [B, T] of a batch of ids: 1 for tokens, 0 for padding. */
    public static INDArray maskOf(INDArray ids, DataType dtype) {
        return ids.neq(PAD).castTo(dtype);
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("embeddings", table);
        return p;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("input_dim", vocabularySize());
        c.put("output_dim", dim());
        if (!maskZero) {
            c.put("mask_zero", false);
        }
        return c;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        return new long[] {inputShape[0], dim()};
    }

    /** Ids as a tensor [B, T]. */
    public static Tensor ids(int[][] batch) {
        return Tensor.constant(Nd4j.createFromArray(batch));
    }
}
