package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately plain, double-precision forward pass over a {@link KerasModelSpec}, used only to
 * check that the weights the readers return mean what docs/keras-import.md says they mean (gate
 * order, kernel layout, padding). Supports the chain-shaped models of the test fixtures.
 */
final class ReferenceOps {

    /** A dense row-major tensor in double precision. */
    record T(long[] shape, double[] v) {
        int dim(int i) {
            return (int) shape[i < 0 ? shape.length + i : i];
        }

        static T of(WeightArray w) {
            double[] v = new double[w.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = w.get(i);
            }
            return new T(w.shape(), v);
        }

        WeightArray toFloat() {
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = (float) v[i];
            }
            return new WeightArray(shape, f);
        }
    }

    private ReferenceOps() {}

    static WeightArray run(KerasModelSpec spec, WeightArray input) {
        return runAll(spec, spec.inputNames().get(0), T.of(input)).get(spec.outputNames().get(0)).toFloat();
    }

    /** Runs every layer after {@code startLayer}, whose output is {@code value}; returns all layer outputs. */
    static Map<String, T> runAll(KerasModelSpec spec, String startLayer, T value) {
        Map<String, T> out = new HashMap<>();
        out.put(startLayer, value);
        boolean started = false;
        for (KerasLayerSpec l : spec.layers()) {
            if (!started) {
                started = l.name().equals(startLayer);
                continue;
            }
            if (l.inboundLayers().size() != 1) {
                throw new IllegalArgumentException("reference ops support chains only: " + l.name());
            }
            out.put(l.name(), layer(spec, l, out.get(l.inboundLayers().get(0))));
        }
        return out;
    }

    static T layer(KerasModelSpec spec, KerasLayerSpec l, T x) {
        return switch (l.className()) {
            case "InputLayer", "Dropout", "Masking" -> x;
            case "Activation" -> act(spec, l.stringConfig("activation"), x);
            case "Flatten" -> new T(new long[] {x.shape()[0], x.v().length / x.dim(0)}, x.v());
            case "Embedding" -> embedding(l, x);
            case "Dense" -> act(spec, l.stringConfig("activation"), dense(x, T.of(l.weight("kernel")), bias(l, "bias")));
            case "SimpleRNN", "LSTM", "GRU" -> rnn(spec, l.className(), l.config(), l, "", x,
                    l.boolConfig("go_backwards", false), l.boolConfig("return_sequences", false));
            case "Bidirectional" -> bidirectional(spec, l, x);
            case "Conv1D" -> conv(spec, l, new T(new long[] {x.shape()[0], x.shape()[1], 1, x.shape()[2]}, x.v()), true);
            case "Conv2D" -> conv(spec, l, x, false);
            case "MaxPooling2D" -> maxPool2d(l, x);
            case "GlobalMaxPooling1D", "GlobalAveragePooling1D" -> globalPool1d(x, l.className().contains("Max"));
            default -> throw new IllegalArgumentException("no reference op for " + l.className());
        };
    }

    private static double[] bias(KerasLayerSpec l, String name) {
        WeightArray b = l.weight(name);
        return b == null ? null : T.of(b).v();
    }

    static T act(KerasModelSpec spec, String name, T x) {
        double[] v = x.v().clone();
        switch (name == null ? "linear" : name) {
            case "linear" -> { }
            case "relu" -> { for (int i = 0; i < v.length; i++) v[i] = Math.max(0, v[i]); }
            case "tanh" -> { for (int i = 0; i < v.length; i++) v[i] = Math.tanh(v[i]); }
            case "sigmoid" -> { for (int i = 0; i < v.length; i++) v[i] = 1 / (1 + Math.exp(-v[i])); }
            case "hard_sigmoid" -> {
                for (int i = 0; i < v.length; i++) {
                    v[i] = spec.hardSigmoidIsKeras3() ? Math.min(6, Math.max(0, v[i] + 3)) / 6
                            : Math.min(1, Math.max(0, 0.2 * v[i] + 0.5));
                }
            }
            case "softmax" -> {
                int n = x.dim(-1);
                for (int r = 0; r < v.length / n; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < n; j++) max = Math.max(max, v[r * n + j]);
                    double sum = 0;
                    for (int j = 0; j < n; j++) sum += (v[r * n + j] = Math.exp(v[r * n + j] - max));
                    for (int j = 0; j < n; j++) v[r * n + j] /= sum;
                }
            }
            default -> throw new IllegalArgumentException(name);
        }
        return new T(x.shape(), v);
    }

    /** x [..., in] · kernel [in, out] + bias. */
    static T dense(T x, T kernel, double[] bias) {
        int in = kernel.dim(0);
        int out = kernel.dim(1);
        if (x.dim(-1) != in) {
            throw new IllegalArgumentException("dense input " + x.dim(-1) + " vs kernel " + in);
        }
        int rows = x.v().length / in;
        double[] y = new double[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double s = bias == null ? 0 : bias[o];
                for (int i = 0; i < in; i++) s += x.v()[r * in + i] * kernel.v()[i * out + o];
                y[r * out + o] = s;
            }
        }
        long[] shape = x.shape().clone();
        shape[shape.length - 1] = out;
        return new T(shape, y);
    }

    private static T embedding(KerasLayerSpec l, T x) {
        T table = T.of(l.weight("embeddings"));
        int e = table.dim(1);
        double[] y = new double[x.v().length * e];
        for (int i = 0; i < x.v().length; i++) {
            int idx = (int) Math.round(x.v()[i]);
            System.arraycopy(table.v(), idx * e, y, i * e, e);
        }
        long[] shape = new long[x.shape().length + 1];
        System.arraycopy(x.shape(), 0, shape, 0, x.shape().length);
        shape[shape.length - 1] = e;
        return new T(shape, y);
    }

    /** Recurrent layer over x [B, T, F]; gate order LSTM i,f,c,o; GRU z,r,h. */
    @SuppressWarnings("unchecked")
    private static T rnn(KerasModelSpec spec, String cls, Map<String, Object> cfg, KerasLayerSpec l, String prefix,
            T x, boolean backwards, boolean sequences) {
        int b = x.dim(0);
        int steps = x.dim(1);
        int f = x.dim(2);
        int units = ((Number) cfg.get("units")).intValue();
        String actName = cfg.get("activation") == null ? "tanh" : (String) cfg.get("activation");
        String recName = cfg.get("recurrent_activation") == null ? "sigmoid" : (String) cfg.get("recurrent_activation");
        T w = T.of(l.weight(prefix + "kernel"));
        T u = T.of(l.weight(prefix + "recurrent_kernel"));
        WeightArray biasW = l.weight(prefix + "bias");
        int gates = cls.equals("LSTM") ? 4 : cls.equals("GRU") ? 3 : 1;
        boolean resetAfter = cls.equals("GRU") && Boolean.TRUE.equals(cfg.get("reset_after"));
        double[] bIn = new double[gates * units];
        double[] bRec = new double[gates * units];
        if (biasW != null) {
            double[] bv = T.of(biasW).v();
            System.arraycopy(bv, 0, bIn, 0, gates * units);
            if (resetAfter) {
                System.arraycopy(bv, gates * units, bRec, 0, gates * units);
            }
        }
        double[] out = new double[b * (sequences ? steps : 1) * units];
        for (int n = 0; n < b; n++) {
            double[] h = new double[units];
            double[] c = new double[units];
            for (int s = 0; s < steps; s++) {
                int t = backwards ? steps - 1 - s : s;
                double[] xt = new double[f];
                System.arraycopy(x.v(), (n * steps + t) * f, xt, 0, f);
                double[] zx = matvec(xt, w, bIn);
                double[] zh = matvec(h, u, bRec);
                double[] hNew = new double[units];
                for (int j = 0; j < units; j++) {
                    switch (cls) {
                        case "SimpleRNN" -> hNew[j] = scalar(spec, actName, zx[j] + zh[j]);
                        case "LSTM" -> {
                            double i = scalar(spec, recName, zx[j] + zh[j]);
                            double fg = scalar(spec, recName, zx[units + j] + zh[units + j]);
                            double cc = scalar(spec, actName, zx[2 * units + j] + zh[2 * units + j]);
                            double o = scalar(spec, recName, zx[3 * units + j] + zh[3 * units + j]);
                            c[j] = fg * c[j] + i * cc;
                            hNew[j] = o * scalar(spec, actName, c[j]);
                        }
                        default -> {
                            double z = scalar(spec, recName, zx[j] + zh[j]);
                            double r = scalar(spec, recName, zx[units + j] + zh[units + j]);
                            double hh;
                            if (resetAfter) {
                                hh = scalar(spec, actName, zx[2 * units + j] + r * zh[2 * units + j]);
                            } else {
                                double rec = 0;
                                for (int k = 0; k < units; k++) {
                                    rec += r(spec, recName, zx, zh, units, k) * h[k] * u.v()[k * 3 * units + 2 * units + j];
                                }
                                hh = scalar(spec, actName, zx[2 * units + j] + rec);
                            }
                            hNew[j] = z * h[j] + (1 - z) * hh;
                        }
                    }
                }
                h = hNew;
                if (sequences) {
                    System.arraycopy(h, 0, out, (n * steps + s) * units, units);
                }
            }
            if (!sequences) {
                System.arraycopy(h, 0, out, n * units, units);
            }
        }
        return new T(sequences ? new long[] {b, steps, units} : new long[] {b, units}, out);
    }

    private static double r(KerasModelSpec spec, String recName, double[] zx, double[] zh, int units, int k) {
        return scalar(spec, recName, zx[units + k] + zh[units + k]);
    }

    private static double[] matvec(double[] x, T w, double[] bias) {
        int out = w.dim(1);
        double[] y = bias.clone();
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) y[o] += x[i] * w.v()[i * out + o];
        }
        return y;
    }

    private static double scalar(KerasModelSpec spec, String name, double v) {
        return act(spec, name, new T(new long[] {1}, new double[] {v})).v()[0];
    }

    @SuppressWarnings("unchecked")
    private static T bidirectional(KerasModelSpec spec, KerasLayerSpec l, T x) {
        Map<String, Object> inner = (Map<String, Object>) l.config().get("layer");
        Map<String, Object> cfg = (Map<String, Object>) inner.get("config");
        String cls = (String) inner.get("class_name");
        boolean seq = Boolean.TRUE.equals(cfg.get("return_sequences"));
        T fw = rnn(spec, cls, cfg, l, "forward/", x, false, seq);
        T bw = rnn(spec, cls, cfg, l, "backward/", x, true, seq);
        if (seq) { // Keras flips the backward sequence back to input order
            int b = bw.dim(0), t = bw.dim(1), u = bw.dim(2);
            double[] flipped = new double[bw.v().length];
            for (int n = 0; n < b; n++) {
                for (int s = 0; s < t; s++) System.arraycopy(bw.v(), (n * t + s) * u, flipped, (n * t + t - 1 - s) * u, u);
            }
            bw = new T(bw.shape(), flipped);
        }
        if (!"concat".equals(l.stringConfig("merge_mode"))) {
            throw new IllegalArgumentException("reference supports concat only");
        }
        int u = fw.dim(-1);
        int rows = fw.v().length / u;
        double[] y = new double[rows * 2 * u];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(fw.v(), r * u, y, r * 2 * u, u);
            System.arraycopy(bw.v(), r * u, y, r * 2 * u + u, u);
        }
        long[] shape = fw.shape().clone();
        shape[shape.length - 1] = 2L * u;
        return new T(shape, y);
    }

    /** TF "same" padding: total = max((ceil(n/s)-1)*s + k - n, 0), the smaller half before. */
    private static int[] padAndOut(int n, int k, int s, boolean same) {
        if (!same) {
            return new int[] {0, (n - k) / s + 1};
        }
        int out = (n + s - 1) / s;
        int total = Math.max((out - 1) * s + k - n, 0);
        return new int[] {total / 2, out};
    }

    /** Conv over x [B, H, W, C] with kernel [kh, kw, C, F] (Conv1D: H = length, W = 1, kernel [k, C, F]). */
    private static T conv(KerasModelSpec spec, KerasLayerSpec l, T x, boolean oneD) {
        WeightArray kw8 = l.weight("kernel");
        T k = T.of(kw8);
        int kh = k.dim(0);
        int kwid = oneD ? 1 : k.dim(1);
        int cin = k.dim(-2);
        int fout = k.dim(-1);
        int[] strides = l.intTuple("strides", oneD ? 1 : 2);
        int sh = strides == null ? 1 : strides[0];
        int sw = oneD || strides == null ? 1 : strides[1];
        boolean same = "same".equals(l.stringConfig("padding"));
        int b = x.dim(0), h = x.dim(1), w = x.dim(2);
        int[] ph = padAndOut(h, kh, sh, same);
        int[] pw = padAndOut(w, kwid, sw, same);
        double[] bias = bias(l, "bias");
        double[] y = new double[b * ph[1] * pw[1] * fout];
        for (int n = 0; n < b; n++) {
            for (int oy = 0; oy < ph[1]; oy++) {
                for (int ox = 0; ox < pw[1]; ox++) {
                    for (int fo = 0; fo < fout; fo++) {
                        double s = bias == null ? 0 : bias[fo];
                        for (int dy = 0; dy < kh; dy++) {
                            int iy = oy * sh + dy - ph[0];
                            if (iy < 0 || iy >= h) continue;
                            for (int dx = 0; dx < kwid; dx++) {
                                int ix = ox * sw + dx - pw[0];
                                if (ix < 0 || ix >= w) continue;
                                for (int ci = 0; ci < cin; ci++) {
                                    s += x.v()[((n * h + iy) * w + ix) * cin + ci]
                                            * k.v()[((dy * kwid + dx) * cin + ci) * fout + fo];
                                }
                            }
                        }
                        y[((n * ph[1] + oy) * pw[1] + ox) * fout + fo] = s;
                    }
                }
            }
        }
        T out = oneD ? new T(new long[] {b, ph[1], fout}, y) : new T(new long[] {b, ph[1], pw[1], fout}, y);
        return act(spec, l.stringConfig("activation"), out);
    }

    private static T maxPool2d(KerasLayerSpec l, T x) {
        int[] pool = l.intTuple("pool_size", 2);
        int[] strides = l.intTuple("strides", 2);
        if (strides == null) strides = pool;
        if ("same".equals(l.stringConfig("padding"))) throw new IllegalArgumentException("valid only");
        int b = x.dim(0), h = x.dim(1), w = x.dim(2), c = x.dim(3);
        int oh = (h - pool[0]) / strides[0] + 1, ow = (w - pool[1]) / strides[1] + 1;
        double[] y = new double[b * oh * ow * c];
        for (int n = 0; n < b; n++)
            for (int oy = 0; oy < oh; oy++)
                for (int ox = 0; ox < ow; ox++)
                    for (int ch = 0; ch < c; ch++) {
                        double m = Double.NEGATIVE_INFINITY;
                        for (int dy = 0; dy < pool[0]; dy++)
                            for (int dx = 0; dx < pool[1]; dx++)
                                m = Math.max(m, x.v()[((n * h + oy * strides[0] + dy) * w + ox * strides[1] + dx) * c + ch]);
                        y[((n * oh + oy) * ow + ox) * c + ch] = m;
                    }
        return new T(new long[] {b, oh, ow, c}, y);
    }

    private static T globalPool1d(T x, boolean max) {
        int b = x.dim(0), t = x.dim(1), c = x.dim(2);
        double[] y = new double[b * c];
        for (int n = 0; n < b; n++)
            for (int ch = 0; ch < c; ch++) {
                double acc = max ? Double.NEGATIVE_INFINITY : 0;
                for (int s = 0; s < t; s++) {
                    double v = x.v()[(n * t + s) * c + ch];
                    acc = max ? Math.max(acc, v) : acc + v / t;
                }
                y[n * c + ch] = acc;
            }
        return new T(new long[] {b, c}, y);
    }

    static void assertClose(WeightArray expected, WeightArray actual, double tol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + " shape");
        for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i);
            double a = actual.get(i);
            if (Math.abs(e - a) > tol * Math.max(1, Math.abs(e))) {
                fail(what + "[" + i + "]: expected " + e + " but reference computed " + a + " (tolerance " + tol + ")");
            }
        }
    }

    static List<String> supported() {
        return List.of("InputLayer", "Dropout", "Masking", "Activation", "Flatten", "Embedding", "Dense", "SimpleRNN",
                "LSTM", "GRU", "Bidirectional", "Conv1D", "Conv2D", "MaxPooling2D", "GlobalMaxPooling1D",
                "GlobalAveragePooling1D");
    }
}
