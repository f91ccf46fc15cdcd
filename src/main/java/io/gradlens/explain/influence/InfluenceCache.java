package io.gradlens.explain.influence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the precomputation of an {@link InfluenceIndex} (representer points, Yeh et al. 2018,
 * https://arxiv.org/abs/1811.09720; TracIn, Pruthi et al. 2020, https://arxiv.org/abs/2002.08484)
 * is cached beside a model, {@code <model>.influence/<key>/}, and the key: a SHA-256 over the
 * model file's bytes, the dataset, its seed, the method and its parameters and the checkpoint
 * files. The command line and the workbench share it, so either reuses what the other computed.
 */
public final class InfluenceCache {

    /** The file TracIn checkpoints are listed in ({@code CheckpointRecorder.save}). */
    public static final String CHECKPOINT_INDEX = "index.json";

    private InfluenceCache() {
    }

    /** The default cache folder of a model file: {@code <model>.influence}. */
    public static Path defaultRoot(Path model) {
        return Path.of(model + ".influence");
    }

    /** The default checkpoint folder of a model file: {@code <model>.checkpoints}. */
    public static Path defaultCheckpoints(Path model) {
        return Path.of(model + ".checkpoints");
    }

    /** Whether {@code dir} holds a checkpoint index ({@value #CHECKPOINT_INDEX}). */
    public static boolean hasCheckpoints(Path dir) {
        return Files.isRegularFile(dir.resolve(CHECKPOINT_INDEX));
    }

    /**
     * The cache key of one precomputation.
     *
     * @param modelBytes       the model file's content
     * @param dataset          the dataset's name
     * @param datasetSeed      the seed the dataset was generated with
     * @param method           {@code representer} or {@code tracin} (projected TracIn: the other overload)
     * @param lambda           the representer L2 weight (ignored for TracIn)
     * @param checkpointDigest {@link #digestFolder} of the checkpoints, or empty
     * @return 24 hex digits
     */
    public static String key(byte[] modelBytes, String dataset, long datasetSeed, String method, double lambda,
                             byte[] checkpointDigest) {
        return key(modelBytes, dataset, datasetSeed, method,
                method.equals(RepresenterPoints.METHOD) ? Double.toString(lambda) : "last-layer", checkpointDigest);
    }

    /**
     * The cache key of one precomputation whose parameters are spelled out, e.g. projected TracIn's
     * {@code weights=embedding/embeddings,…|d=512|seed=0}.
     *
     * @param methodParameters the method's parameters, every one that changes the index
     * @return 24 hex digits
     */
    public static String key(byte[] modelBytes, String dataset, long datasetSeed, String method,
                             String methodParameters, byte[] checkpointDigest) {
        MessageDigest sha = sha256();
        sha.update(modelBytes);
        String params = "v1|" + dataset + "|" + datasetSeed + "|" + method + "|" + methodParameters;
        sha.update(params.getBytes(StandardCharsets.UTF_8));
        sha.update(checkpointDigest);
        return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    }

    /** SHA-256 over the names and contents of the regular files directly in {@code dir}, by name. */
    public static byte[] digestFolder(Path dir) throws IOException {
        MessageDigest sha = sha256();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
        }
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
