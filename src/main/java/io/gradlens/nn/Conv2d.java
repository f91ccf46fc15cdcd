package io.gradlens.nn;

import io.gradlens.autodiff.ConvOps;
import io.gradlens.autodiff.FusedConvOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.PatchGeometry;
import io.gradlens.autodiff.PoolGeometry;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * 2-D convolution over channels-last images [N, H, W, C] ({@link ConvOps#conv2d}: a matrix
 * product with the extracted patches, im2col): kernel [kh, kw, in, out], bias [out]. With relu
 * the convolution, bias and activation are one operation ({@link FusedConvOps#conv2dBiasRelu});
 * a relu convolution followed by 2-D max pooling can run as one operation with the pooling
 * ({@link #forwardPooled}, used by {@link Sequential}).
 */
public final class Conv2d implements Layer {

    private final String name;
    private final int filters;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int dh;
    private final int dw;
    private final Padding padding;
    private final Activation activation;
    private final Tensor kernel;
    private final Tensor bias;

    public Conv2d(String name, long inChannels, int filters, int kh, int kw, int sh, int sw, int dh, int dw,
                  Padding padding, Activation activation, Random random, DataType dtype) {
        this.name = name;
        this.filters = filters;
        this.kh = kh;
        this.kw = kw;
        this.sh = sh;
        this.sw = sw;
        this.dh = dh;
        this.dw = dw;
        this.padding = padding;
        this.activation = activation;
        long fanIn = kh * kw * inChannels;
        this.kernel = Initializers.glorotUniform(name + "/kernel", random, dtype, fanIn, (long) kh * kw * filters,
                kh, kw, inChannels, filters);
        this.bias = Initializers.zeros(name + "/bias", dtype, filters);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "conv2d";
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        checkInput(x);
        return convolve(x, kernel, bias, new int[] {kh, kw}, new int[] {sh, sw}, new int[] {dh, dw}, padding,
                activation);
    }

    /**
     * Whether {@code next} can be fused into this layer's operation: this layer has relu and
     * {@code next} is 2-D max pooling.
     */
    boolean fusesWith(Layer next) {
        return activation == Activation.RELU && next instanceof MaxPool pool && pool.isTwoDimensional();
    }

    /**
     * {@code pool.forward(forward(x))} as one operation ({@link FusedConvOps#conv2dBiasReluPool});
     * the convolution's own output is not formed. Requires {@link #fusesWith}{@code (pool)}.
     */
    Tensor forwardPooled(Tensor x, MaxPool pool) {
        if (!fusesWith(pool)) {
            throw new IllegalArgumentException("conv2d layer '" + name + "' cannot be fused with '" + pool.name() + "'");
        }
        checkInput(x);
        Tensor padded = pad(x, new int[] {kh, kw}, new int[] {sh, sw}, new int[] {dh, dw}, padding);
        PatchGeometry g = PatchGeometry.of(padded.shape(), kh, kw, sh, sw, dh, dw);
        PoolGeometry p = pool.geometry(new long[] {g.n(), g.outH(), g.outW(), filters});
        return FusedConvOps.conv2dBiasReluPool(padded, kernel, bias, g, p);
    }

    private void checkInput(Tensor x) {
        if (x.rank() != 4 || x.size(3) != kernel.size(2)) {
            throw new IllegalArgumentException("conv2d layer '" + name + "' expects [batch, height, width, "
                    + kernel.size(2) + "], got " + Arrays.toString(x.shape()));
        }
    }

    /**
     * The shared convolution of Conv1D and Conv2D on a [N, H, W, C] input: one fused operation,
     * including the activation when it is relu.
     */
    static Tensor convolve(Tensor x, Tensor kernel, Tensor bias, int[] k, int[] s, int[] d, Padding padding,
                           Activation activation) {
        Tensor padded = pad(x, k, s, d, padding);
        PatchGeometry g = PatchGeometry.of(padded.shape(), k[0], k[1], s[0], s[1], d[0], d[1]);
        if (activation == Activation.RELU) {
            return FusedConvOps.conv2dBiasRelu(padded, kernel, bias, g);
        }
        return activation.apply(ConvOps.conv2d(padded, kernel, bias, g));
    }

    static Tensor pad(Tensor x, int[] k, int[] s, int[] d, Padding padding) {
        int[] ph = padding.amounts((int) x.size(1), k[0], s[0], d[0]);
        int[] pw = padding.amounts((int) x.size(2), k[1], s[1], d[1]);
        if (ph[0] + ph[1] + pw[0] + pw[1] == 0) {
            return x;
        }
        long[] full = {x.size(0), x.size(1) + ph[0] + ph[1], x.size(2) + pw[0] + pw[1], x.size(3)};
        return Ops.padInto(x, full, new long[] {0, ph[0], pw[0], 0});
    }

    static long outputLength(long n, int k, int s, int d, Padding padding) {
        if (padding == Padding.SAME) {
            return (n + s - 1) / s;
        }
        return (n - ((long) (k - 1) * d + 1)) / s + 1;
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
        c.put("kernel_size", List.of(kh, kw));
        c.put("strides", List.of(sh, sw));
        c.put("dilation_rate", List.of(dh, dw));
        c.put("padding", padding.kerasName());
        c.put("activation", activation.kerasName());
        return c;
    }

    @Override
    public long[] outputShape(long[] in) {
        return new long[] {outputLength(in[0], kh, sh, dh, padding), outputLength(in[1], kw, sw, dw, padding),
            filters};
    }
}
