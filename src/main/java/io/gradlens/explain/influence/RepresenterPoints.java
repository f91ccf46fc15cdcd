package io.gradlens.explain.influence;

import io.gradlens.util.CancellationToken;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Representer point selection (Yeh, Kim, Yen and Ravikumar, "Representer Point Selection for
 * Explaining Deep Neural Networks", NeurIPS 2018, https://arxiv.org/abs/1811.09720).
 *
 * <p>The penultimate features {@code f̃_i} (with a bias column, see {@link LastLayerFeatures}) are
 * frozen and the last layer is refitted, as in the paper, to the model's own softmax outputs
 * {@code p_i} with an L2 penalty: {@code Θ* = argmin (1/n) Σ_i CE(softmax(f̃_i Θ), p_i) + λ‖Θ‖²}
 * (a convex problem, solved by Nesterov's accelerated gradient from the model's own last layer).
 * At the minimum {@code Θ* = Σ_i f̃_i α_iᵀ} with {@code α_i = −1/(2λn) · ∂L_i/∂Φ_i =
 * −(softmax(f̃_i Θ*) − p_i)/(2λn)}, so every logit decomposes over training points: the value of
 * training point {@code i} for test point {@code t} and class {@code j} is {@code α_ij · f̃_iᵀ f̃_t}.
 *
 * <p>When to use: to see which training examples a prediction rests on (proponents, positive)
 * and which pull against it (opponents, negative), and to rank training examples by {@code
 * |α_{i,y_i}|} to find suspected mislabels. {@link #fidelity} says how faithfully the decomposition
 * reproduces the model's logits (the paper reports Pearson 0.9998 on train, 0.996 on test).
 */
public final class RepresenterPoints {

    /** The paper's default L2 weight. */
    public static final double DEFAULT_LAMBDA = 0.003;
    /** Method name in rankings. */
    public static final String METHOD = "representer";

    private final double lambda;
    private final int n;
    private final int width;
    private final int classes;
    private final double[] features;
    private final double[] alpha;
    private final int[] labels;
    private final INDArray featureMatrix;
    private final INDArray alphaMatrix;
    private final double[] labelAlpha;
    private final Fit fit;

    /**
     * How the refit went.
     *
     * @param iterations   accelerated-gradient iterations
     * @param gradientNorm Frobenius norm of the objective's gradient at the end
     * @param objective    the objective at the end
     * @param seconds      wall time of the fit
     */
    public record Fit(int iterations, double gradientNorm, double objective, double seconds) {
    }

    /**
     * Fidelity of the decomposition.
     *
     * @param pearson         Pearson correlation of the model's logits and {@code Σ_i α_ij f̃_iᵀ f̃_t} over
     *                        all examples and classes, each example's logits centred first (softmax
     *                        ignores a per-example shift, and so does the refit)
     * @param pearsonUncentred the same without centring
     */
    public record Fidelity(double pearson, double pearsonUncentred) {
    }

    private RepresenterPoints(double lambda, INDArray featureMatrix, INDArray alphaMatrix, double[] labelAlpha,
                              int[] labels, Fit fit) {
        this.labelAlpha = labelAlpha.clone();
        this.lambda = lambda;
        this.featureMatrix = featureMatrix;
        this.alphaMatrix = alphaMatrix;
        this.n = (int) featureMatrix.size(0);
        this.width = (int) featureMatrix.size(1);
        this.classes = (int) alphaMatrix.size(1);
        this.features = featureMatrix.dup('c').data().asDouble();
        this.alpha = alphaMatrix.dup('c').data().asDouble();
        this.labels = labels.clone();
        this.fit = fit;
    }

    /**
     * Refits the last layer on {@code train} and computes the representer values α.
     *
     * @param lambda L2 weight λ &gt; 0 (paper default {@value #DEFAULT_LAMBDA})
     * @param start  the starting Θ [d + 1, C] (the model's own last layer), or null for zeros
     */
    public static RepresenterPoints fit(LastLayerFeatures train, double lambda, INDArray start) {
        return fit(train, lambda, start, CancellationToken.NONE);
    }

    /**
     * As {@link #fit(LastLayerFeatures, double, INDArray)}, checking {@code cancel} every 25
     * iterations.
     *
     * @throws CancellationToken.CancelledException when cancelled
     */
    public static RepresenterPoints fit(LastLayerFeatures train, double lambda, INDArray start,
                                        CancellationToken cancel) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("the representer L2 weight λ must be a positive number, got " + lambda);
        }
        long t0 = System.nanoTime();
        INDArray f = train.features();
        INDArray p = train.probabilities();
        int n = train.size();
        INDArray theta = start == null ? Nd4j.zeros(DataType.DOUBLE, train.width(), train.classes())
                : start.castTo(DataType.DOUBLE).dup();
        // Lipschitz constant of the gradient: the softmax cross-entropy Hessian in the logits is at
        // most 1/2, so L ≤ λ_max(F̃ᵀF̃)/(2n) + 2λ; strong convexity 2λ.
        INDArray gram = product(f.transpose(), f).divi(n);
        double lipschitz = largestEigenvalue(gram) / 2 + 2 * lambda;
        gram.close();
        double kappa = lipschitz / (2 * lambda);
        double momentum = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
        INDArray previous = theta.dup();
        double tolerance = 1e-7;
        int maxIterations = 50_000;
        int iteration = 0;
        double gradNorm = Double.NaN;
        // Memory scope of an iteration: each one makes a few [n, C] temporaries, and thousands of
        // iterations of them, left to the collector, grew the process by GBs (docs/benchmarks.md,
        // "Memory: the real peak"). They are closed as soon as they are dead; the arithmetic is the
        // same, operation for operation.
        while (iteration < maxIterations) {
            INDArray step = theta.sub(previous).muli(momentum);
            INDArray y = theta.add(step);
            step.close();
            INDArray g = gradient(f, p, y, lambda, n);
            previous.close();
            previous = theta;
            theta = y.subi(g.divi(lipschitz));
            g.close();
            iteration++;
            if (iteration % 25 == 0) {
                cancel.throwIfCancelled();
                INDArray gt = gradient(f, p, theta, lambda, n);
                gradNorm = gt.norm2Number().doubleValue();
                if (gradNorm <= tolerance * Math.max(1e-12, 2 * lambda * theta.norm2Number().doubleValue())) {
                    gt.close();
                    break;
                }
                // adaptive restart (O'Donoghue and Candès 2015): drop momentum when it points uphill
                INDArray moved = theta.sub(previous);
                INDArray product = gt.mul(moved);
                double uphill = product.sumNumber().doubleValue();
                product.close();
                moved.close();
                gt.close();
                if (uphill > 0) {
                    previous.close();
                    previous = theta.dup();
                }
            }
        }
        previous.close();
        INDArray logits = product(f, theta);
        INDArray s = LastLayerFeatures.softmax(logits);
        logits.close();
        INDArray dLdPhi = s.sub(p);
        INDArray a = dLdPhi.mul(-1.0 / (2 * lambda * n));
        dLdPhi.close();
        INDArray squares = theta.mul(theta);
        double objective = crossEntropy(s, p) / n + lambda * squares.sumNumber().doubleValue();
        squares.close();
        INDArray last = gradient(f, p, theta, lambda, n);
        gradNorm = last.norm2Number().doubleValue();
        last.close();
        theta.close();
        Fit fit = new Fit(iteration, gradNorm, objective, (System.nanoTime() - t0) / 1e9);
        // α of the given label with the loss taken against the given labels: −(ŝ_{i,y_i} − 1)/(2λn)
        double[] labelAlpha = new double[n];
        int[] y = train.labels();
        for (int i = 0; i < n; i++) {
            labelAlpha[i] = (1 - s.getDouble(i, y[i])) / (2 * lambda * n);
        }
        s.close();
        p.close();
        return new RepresenterPoints(lambda, f, a, labelAlpha, y, fit);
    }

    /**
     * {@code a · b} as {@code a.mmul(b)} computes it, without its hidden temporary: ND4J 1.0.0-M2.1
     * multiplies into a column-major array and copies that into the row-major result it returns,
     * leaving the column-major one to the collector (an [n, C] array per product, thousands per
     * refit). Here the column-major product is closed once copied; the numbers are the same.
     */
    static INDArray product(INDArray a, INDArray b) {
        INDArray columnMajor = Nd4j.createUninitialized(a.dataType(), new long[] {a.size(0), b.size(1)}, 'f');
        a.mmul(b, columnMajor);
        INDArray result = columnMajor.dup('c');
        columnMajor.close();
        return result;
    }

    /** The refit's gradient; its temporaries are closed, the result is the caller's. */
    private static INDArray gradient(INDArray f, INDArray p, INDArray theta, double lambda, int n) {
        INDArray z = product(f, theta);
        INDArray s = LastLayerFeatures.softmax(z).subi(p);
        z.close();
        INDArray g = product(f.transpose(), s).divi(n);
        s.close();
        INDArray decay = theta.mul(2 * lambda);
        g.addi(decay);
        decay.close();
        return g;
    }

    private static double crossEntropy(INDArray s, INDArray p) {
        INDArray logS = org.nd4j.linalg.ops.transforms.Transforms.log(s.add(1e-300), false);
        INDArray terms = p.mul(logS);
        double sum = terms.sumNumber().doubleValue();
        terms.close();
        logS.close();
        return -sum;
    }

    private static double largestEigenvalue(INDArray symmetric) {
        INDArray v = Nd4j.ones(DataType.DOUBLE, symmetric.size(0), 1);
        double value = 0;
        for (int i = 0; i < 200; i++) {
            INDArray w = product(symmetric, v);
            double norm = w.norm2Number().doubleValue();
            if (norm == 0) {
                v.close();
                w.close();
                return 0;
            }
            value = norm / v.norm2Number().doubleValue();
            v.close();
            v = w.divi(norm);
        }
        v.close();
        return value * 1.01;
    }

    /** The L2 weight λ. */
    public double lambda() {
        return lambda;
    }

    /** How the refit converged. */
    public Fit fitReport() {
        return fit;
    }

    /** Number of training examples. */
    public int size() {
        return n;
    }

    /** Number of classes. */
    public int classes() {
        return classes;
    }

    /** The representer values α, [n, C] (a copy). */
    public INDArray alpha() {
        return alphaMatrix.dup();
    }

    /**
     * The value {@code α_ij · f̃_iᵀ f̃_t} of every training point {@code i} for a test point with
     * features {@code testFeature} (length d + 1, last entry 1) and class {@code j}.
     */
    public double[] values(double[] testFeature, int classIndex) {
        checkQuery(testFeature, classIndex);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int row = i * width;
            double k = 0;
            for (int d = 0; d < width; d++) {
                k += features[row + d] * testFeature[d];
            }
            out[i] = alpha[i * classes + classIndex] * k;
        }
        return out;
    }

    /** Top-k proponents and opponents of class {@code classIndex} for one test point. */
    public InfluenceRanking explain(int testIndex, double[] testFeature, int classIndex, int k) {
        long t0 = System.nanoTime();
        double[] v = values(testFeature, classIndex);
        double millis = (System.nanoTime() - t0) / 1e6;
        return InfluenceRanking.of(METHOD, testIndex, classIndex, v, labels, k, millis);
    }

    /** The logits the decomposition reconstructs, {@code F̃_data · (F̃ᵀ α)}, [m, C]. */
    public INDArray reconstruct(LastLayerFeatures data) {
        return data.features().mmul(featureMatrix.transpose().mmul(alphaMatrix));
    }

    /** Pearson correlation of the model's logits on {@code data} with their reconstruction. */
    public Fidelity fidelity(LastLayerFeatures data) {
        INDArray r = reconstruct(data);
        INDArray z = data.logits();
        double raw = Rankings.pearson(z.dup('c').data().asDouble(), r.dup('c').data().asDouble());
        INDArray zc = z.subColumnVector(z.mean(1).reshape(z.size(0), 1));
        INDArray rc = r.subColumnVector(r.mean(1).reshape(r.size(0), 1));
        double centred = Rankings.pearson(zc.dup('c').data().asDouble(), rc.dup('c').data().asDouble());
        return new Fidelity(centred, raw);
    }

    /**
     * Training examples ranked by {@code |α_{i,y_i}|}, the paper's dataset-debugging score, with
     * α taken, as in the paper's definition, from the loss against the given (possibly wrong)
     * training labels at the refitted layer: {@code |α_{i,y_i}| = (1 − ŝ_{i,y_i})/(2λn)}. (The
     * α of the decomposition, fitted to the model's own outputs, carries no label information
     * and does not find mislabels.)
     */
    public SelfInfluenceRanking importance(int k) {
        return SelfInfluenceRanking.of(METHOD, labelAlpha, labels, k);
    }

    private void checkQuery(double[] testFeature, int classIndex) {
        if (testFeature.length != width) {
            throw new IllegalArgumentException("the test feature has " + testFeature.length + " values, the training "
                    + "features " + width);
        }
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " is out of range 0.." + (classes - 1));
        }
    }

    /** The state to cache: features, α, labels, λ and the fit report. */
    public Map<String, INDArray> toArrays() {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("features", featureMatrix);
        m.put("alpha", alphaMatrix);
        m.put("labels", Nd4j.createFromArray(labels));
        m.put("label_alpha", Nd4j.createFromArray(labelAlpha));
        m.put("meta", Nd4j.createFromArray(lambda, fit.iterations(), fit.gradientNorm(), fit.objective(),
                fit.seconds()));
        return m;
    }

    /** Restores the state written by {@link #toArrays()}. */
    public static RepresenterPoints fromArrays(Map<String, INDArray> m) {
        for (String key : new String[] {"features", "alpha", "labels", "label_alpha", "meta"}) {
            if (!m.containsKey(key)) {
                throw new IllegalArgumentException("cached representer state lacks '" + key + "'");
            }
        }
        double[] meta = m.get("meta").castTo(DataType.DOUBLE).data().asDouble();
        return new RepresenterPoints(meta[0], m.get("features").castTo(DataType.DOUBLE),
                m.get("alpha").castTo(DataType.DOUBLE),
                m.get("label_alpha").castTo(DataType.DOUBLE).data().asDouble(), m.get("labels").toIntVector(),
                new Fit((int) meta[1], meta[2], meta[3], meta[4]));
    }
}
