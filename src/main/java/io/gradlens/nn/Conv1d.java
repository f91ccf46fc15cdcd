package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * 1-D convolution over sequences [N, T, C]: kernel [k, in, out], bias [out]. Computed as a
 * Conv2D of height 1.
 */
public final class Conv1d implements Layer {

    private final String name;
    private final int filters;
    private final int k;
    private final int stride;
    private final int dilation;
    private final Padding padding;
    private final Activation activation;
    private final Tensor kernel;
    private final Tensor bias;

    public Conv1d(String name, long inChannels, int filters, int k, int stride, int dilation, Padding padding,
                  Activation activation, Random random, DataType dtype) {
        this.name = name;
        this.filters = filters;
        this.k = k;
        this.stride = stride;
        this.dilation = dilation;
        this.padding = padding;
        this.activation = activation;
        this.kernel = Initializers.glorotUniform(name + "/kernel", random, dtype, k * inChannels, (long) k * filters,
                k, inChannels, filters);
        this.bias = Initializers.zeros(name + "/bias", dtype, filters);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "conv1d";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        if (x.rank() != 3 || x.size(2) != kernel.size(1)) {
            throw new IllegalArgumentException("conv1d layer '" + name + "' expects [batch, time, "
                    + kernel.size(1) + "], got " + Arrays.toString(x.shape()));
        }
        Tensor image = Ops.reshape(x, x.size(0), 1, x.size(1), x.size(2));
        Tensor kernel2d = Ops.reshape(kernel, 1, k, kernel.size(1), filters);
        Tensor y = Conv2d.convolve(image, kernel2d, bias, new int[] {1, k}, new int[] {1, stride},
                new int[] {1, dilation}, padding, activation);
        return Ops.reshape(y, y.size(0), y.size(2), filters);
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        p.put("kernel", kernel);
        p.put("bias", bias);
        return p;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filters", filters);
        c.put("kernel_size", k);
        c.put("strides", stride);
        c.put("dilation_rate", dilation);
        c.put("padding", padding.kerasName());
        c.put("activation", activation.kerasName());
        return c;
    }

    @Override
    public long[] outputShape(long[] in) {
        return new long[] {Conv2d.outputLength(in[0], k, stride, dilation, padding), filters};
    }
}
