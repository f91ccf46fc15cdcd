package io.gradlens.workflow.influence;

import io.gradlens.explain.influence.InfluenceCache;
import io.gradlens.explain.influence.InfluenceData;
import io.gradlens.explain.influence.InfluenceIndex;
import io.gradlens.explain.influence.ProjectedTestSide;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.install.AppDirectories;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The influence index use case (representer points, Yeh et al., NeurIPS 2018,
 * https://arxiv.org/abs/1811.09720; TracIn, Pruthi et al., NeurIPS 2020,
 * https://arxiv.org/abs/2002.08484): an {@link InfluenceIndexRequest} in, a cached
 * {@link PreparedInfluence} out, which then answers proponents/opponents and self-influence queries.
 * {@code gradlens influence} and the workbench's Influence tab both call this class, so they compute,
 * cache and refuse alike.
 *
 * <p><b>Cache key.</b> On disk an index lives in {@code <root>/<key>/<method>.npz}, {@code <root>}
 * being {@code <model>.influence} unless a root is given, and {@code <key>} =
 * {@link InfluenceCache#key}: a SHA-256 over the model file's bytes, the dataset's
 * {@link InfluenceDatasetName} and seed, the method, λ (representer), the layers, dimension and seed
 * ({@link TracInProjection#cacheParameters}: the chosen weights by name, projected TracIn) and the
 * digest of the checkpoint files (both TracIns). A changed model file, dataset file, checkpoint or
 * projection setting gives a new key, so a stale index is
 * never read: it is rebuilt. There is no disk key (memory only) for a model without a file, a dataset
 * without a name (edits applied) or checkpoints held in memory. In memory the last
 * {@value #MEMORY_SLOTS} indexes are kept, each under the identity of the model and dataset objects,
 * the method, λ, the projection settings, the checkpoint source and the disk key; of projected
 * TracIn only the newest index, since its test side holds the projection's blocks.
 *
 * <p><b>Projected TracIn.</b> Only the training side, d numbers per example and checkpoint, is the
 * index (computed in blocks of {@link io.gradlens.explain.influence.ProjectedTracIn#BLOCK} examples,
 * on a private copy of the network); the test side is computed from the checkpoints at query time by a
 * {@link ProjectedTestSide}, one tape pass per checkpoint. {@link TracInProjection#checkFits} refuses
 * settings whose memory would not fit before any is taken.
 *
 * <p><b>Checkpoints and fallback.</b> TracIn's checkpoints are found by
 * {@link InfluenceCheckpoints}; without them the request is refused with
 * {@link InfluenceCheckpoints#missingMessage} (an {@link IllegalArgumentException}), never answered by
 * another method. A disk cache that cannot be written (a read-only folder) costs only the
 * precomputation next time: the index is still returned, and the failure goes to the warning sink.
 *
 * <p>Progress goes to a {@link ProgressListener}; a cancelled {@link CancellationToken} stops the
 * precomputation with {@link CancellationToken.CancelledException}.
 */
public final class InfluenceIndexWorkflow {

    /** Indexes kept in memory (each holds the training features, a few MB at most). */
    public static final int MEMORY_SLOTS = 4;

    private final Path cacheRoot;
    private final boolean diskCache;
    private final Consumer<String> warnings;
    private final Map<MemoryKey, PreparedInfluence> memory = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<MemoryKey, PreparedInfluence> eldest) {
            return size() > MEMORY_SLOTS;
        }
    };

    /**
     * @param cacheRoot the disk-cache folder, or {@code null} for {@link #defaultCacheRoot()}
     * @param diskCache whether to read and write the disk cache at all
     * @param warnings  where to say that the disk cache could not be written (never printed here)
     */
    public InfluenceIndexWorkflow(Path cacheRoot, boolean diskCache, Consumer<String> warnings) {
        this.cacheRoot = cacheRoot;
        this.diskCache = diskCache;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
    }

    /** Why {@code request} would be refused before any work (TracIn without checkpoints), or empty. */
    public static Optional<String> unavailable(InfluenceMethod method, Path modelFile, InfluenceCheckpoints source) {
        return method.needsCheckpoints() ? source.missing(modelFile) : Optional.empty();
    }

    /**
     * The index of {@code request}, from memory, from disk, or computed now (and then cached).
     *
     * @throws IllegalArgumentException when the dataset does not fit the model or TracIn has no checkpoints
     * @throws IOException when the model, the checkpoints or the cache cannot be read
     * @throws CancellationToken.CancelledException when cancelled
     */
    public PreparedInfluence prepare(InfluenceIndexRequest request, ProgressListener progress,
                                     CancellationToken cancel) throws IOException {
        Optional<String> refused = unavailable(request.method(), request.modelFile(), request.checkpoints());
        if (refused.isPresent()) {
            throw new IllegalArgumentException(refused.get());
        }
        cancel.throwIfCancelled();
        ResolvedCheckpoints checkpoints = request.method().needsCheckpoints()
                ? request.checkpoints().resolve(request.modelFile()) : null;
        String key = diskKey(request, checkpoints);
        Path dir = key == null ? null : root(request.modelFile()).resolve(key);
        MemoryKey memoryKey = new MemoryKey(request, key);
        synchronized (memory) {
            PreparedInfluence known = memory.get(memoryKey);
            if (known != null) {
                return known.reused();
            }
        }
        // Checked before any progress is reported, so a misfit fails at the door.
        InfluenceData data = InfluenceData.of(request.model(), request.data());
        ProjectedTestSide testSide = null;
        if (request.method() == InfluenceMethod.TRACIN_PROJECTED) {
            request.projection().checkFits(request.model().network(), data.train().size(),
                    checkpoints.checkpoints().size());
            testSide = new ProjectedTestSide(request.model().network(), checkpoints.checkpoints(), data.test(),
                    request.projection().layers(), request.projection().projection());
        }
        cancel.throwIfCancelled();
        InfluenceIndex index = dir == null ? null : testSide != null ? InfluenceIndex.loadProjected(dir, testSide)
                : InfluenceIndex.load(dir, request.method().id());
        boolean cached = index != null;
        if (index == null) {
            progress.progress(0, 0, String.format(Locale.ROOT, "Precomputing %s over %,d training examples\u2026",
                    request.method().id(), data.train().size()));
            Classifier model = request.model();
            index = switch (request.method()) {
                case REPRESENTER -> InfluenceIndex.representer(model.network(), data.train(), data.test(),
                        request.lambda(), progress, cancel);
                case TRACIN -> InfluenceIndex.tracin(model.network(), checkpoints.checkpoints(), data.train(),
                        data.test());
                case TRACIN_PROJECTED -> InfluenceIndex.projectedTracIn(model.network(), data.train(), data.test(),
                        testSide, progress, cancel);
            };
            cancel.throwIfCancelled();
            save(index, dir);
        }
        RepresenterPoints.Fidelity f = index.testFidelity();
        PreparedInfluence prepared = new PreparedInfluence(request.method(), index, request.model().numClasses(),
                f == null ? Double.NaN : f.pearson(), checkpoints == null ? 0 : checkpoints.checkpoints().size(),
                cached, key, dir, request.projectionUsed());
        synchronized (memory) {
            if (testSide != null) {
                // Its test side holds the projection's blocks (up to half the native budget), so
                // only the newest projected index stays in memory.
                memory.keySet().removeIf(k -> k.method == InfluenceMethod.TRACIN_PROJECTED);
            }
            memory.put(memoryKey, prepared);
        }
        return prepared;
    }

    /**
     * The disk-cache key of {@code request} ({@link InfluenceCache#key}), or {@code null} when it has
     * none: no disk cache, no model file, an unnamed dataset, or checkpoints only in memory.
     */
    private String diskKey(InfluenceIndexRequest request, ResolvedCheckpoints checkpoints) throws IOException {
        if (!diskCache || request.modelFile() == null || request.datasetName() == null
                || (checkpoints != null && checkpoints.digest() == null)) {
            return null;
        }
        byte[] digest = checkpoints == null ? new byte[0] : checkpoints.digest();
        byte[] modelBytes = Files.readAllBytes(request.modelFile());
        TracInProjection projection = request.projectionUsed();
        return projection != null
                ? InfluenceCache.key(modelBytes, request.datasetName().name(), request.datasetName().seed(),
                        request.method().id(), projection.cacheParameters(request.model().network()), digest)
                : InfluenceCache.key(modelBytes, request.datasetName().name(), request.datasetName().seed(),
                        request.method().id(), request.lambda(), digest);
    }

    private Path root(Path modelFile) {
        return cacheRoot != null ? cacheRoot : defaultCacheRoot();
    }

    /**
     * The disk cache both front ends share by default: {@code influence/} in the user's cache folder
     * ({@code $XDG_CACHE_HOME/gradlens}). Not beside the model, whose folder may be read-only (an
     * installed app's shipped models); the key holds the model file's bytes, so models never mix.
     */
    public static Path defaultCacheRoot() {
        return AppDirectories.current().cache().resolve("influence");
    }

    private void save(InfluenceIndex index, Path dir) {
        if (dir == null) {
            return;
        }
        try {
            index.save(dir);
        } catch (IOException | UncheckedIOException e) {
            warnings.accept("could not cache the influence index in " + dir + ": " + e.getMessage());
        }
    }

    /** One memory slot: the model and dataset by identity, the rest by value. */
    private static final class MemoryKey {
        private final Classifier model;
        private final Object data;
        private final InfluenceMethod method;
        private final double lambda;
        private final InfluenceCheckpoints checkpoints;
        private final TracInProjection projection;
        private final String diskKey;

        MemoryKey(InfluenceIndexRequest r, String diskKey) {
            this.model = r.model();
            this.data = r.data();
            this.method = r.method();
            this.lambda = r.lambda();
            this.projection = r.projectionUsed();
            this.checkpoints = r.checkpoints();
            this.diskKey = diskKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MemoryKey k && k.model == model && k.data == data && k.method == method
                    && Double.compare(k.lambda, lambda) == 0 && sameSource(k.checkpoints, checkpoints)
                    && Objects.equals(k.projection, projection)
                    && Objects.equals(k.diskKey, diskKey);
        }

        private static boolean sameSource(InfluenceCheckpoints a, InfluenceCheckpoints b) {
            // Recorded snapshots by identity (comparing their weights would cost a pass over them).
            if (a instanceof InfluenceCheckpoints.Recorded ra && b instanceof InfluenceCheckpoints.Recorded rb) {
                return ra.checkpoints() == rb.checkpoints();
            }
            return a.equals(b);
        }

        @Override
        public int hashCode() {
            return Objects.hash(System.identityHashCode(model), System.identityHashCode(data), method, lambda,
                    projection, diskKey, checkpoints instanceof InfluenceCheckpoints.Recorded r
                            ? System.identityHashCode(r.checkpoints()) : checkpoints.hashCode());
        }
    }
}
