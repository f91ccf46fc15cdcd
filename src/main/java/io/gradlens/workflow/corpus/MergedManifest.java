package io.gradlens.workflow.corpus;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.workflow.shard.CorpusRequest;
import io.gradlens.workflow.shard.ShardMerge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code merged.json} of a job folder, read and checked: its format is {@link ShardMerge#FORMAT},
 * its request is a valid {@link CorpusRequest}, every array it lists lies in the folder. A folder of
 * shards that were never merged, or merged while shards were missing, is refused with what to run.
 *
 * @param dir          the job folder
 * @param request      the job's request
 * @param shards       the shards merged
 * @param examples     the examples (documents) over all shards
 * @param shardSeconds the seconds the shards took together
 * @param arrays       each array's file (absolute) and shape, by name, in the manifest's order
 * @param provenance   the merge's provenance (version, time)
 */
public record MergedManifest(Path dir, CorpusRequest request, int shards, int examples, double shardSeconds,
                             Map<String, Entry> arrays, Map<String, Object> provenance) {

    /** The largest {@code merged.json} read. */
    static final long MAX_BYTES = 1L << 20;
    private static final Pattern SHARD_MANIFEST = Pattern.compile("shard-\\d{4}-of-\\d{4}\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One merged array.
     *
     * @param file  its {@code .npy} file
     * @param shape its shape as the manifest says
     */
    public record Entry(Path file, long[] shape) {
        public Entry {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }

    public MergedManifest {
        arrays = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /**
     * Reads {@code dir/merged.json}.
     *
     * @throws IllegalArgumentException naming the folder or file: no such folder, not merged yet, not a
     *     merged manifest, a field missing, fewer shards merged than the request has
     */
    public static MergedManifest read(Path dir) throws IOException {
        Path folder = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + ": no such folder");
        }
        Path file = folder.resolve("merged.json");
        if (!Files.isRegularFile(file)) {
            long shardFiles;
            try (Stream<Path> list = Files.list(folder)) {
                shardFiles = list.filter(p -> SHARD_MANIFEST.matcher(p.getFileName().toString()).matches()).count();
            }
            throw new IllegalArgumentException(folder + (shardFiles > 0
                    ? " holds " + shardFiles + " finished shard" + (shardFiles > 1 ? "s" : "")
                    + " but no merged result; run gradlens merge " + folder + " first"
                    : " holds no merged corpus result (no merged.json)"));
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": " + Files.size(file) + " bytes is too large for a merged "
                    + "manifest");
        }
        Map<?, ?> m;
        try {
            m = JSON.readValue(file.toFile(), Map.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        try {
            return fromMap(folder, m);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + ": a field of the manifest is missing or has the wrong type", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static MergedManifest fromMap(Path folder, Map<?, ?> m) {
        if (!ShardMerge.FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("not a " + ShardMerge.FORMAT + " manifest (format " + m.get("format")
                    + ")");
        }
        CorpusRequest request = CorpusRequest.fromMap((Map<?, ?>) m.get("request"));
        int shards = ((Number) m.get("shards")).intValue();
        if (shards != request.shards()) {
            throw new IllegalArgumentException("merged " + shards + " of the request's " + request.shards()
                    + " shards (a partial merge); run gradlens merge again once every shard is finished");
        }
        Map<String, Entry> arrays = new LinkedHashMap<>();
        for (Object o : (List<?>) m.get("arrays")) {
            Map<?, ?> a = (Map<?, ?>) o;
            String name = (String) a.get("name");
            Path file = folder.resolve((String) a.get("file")).normalize();
            if (!file.startsWith(folder)) {
                throw new IllegalArgumentException("array '" + name + "' lies outside the folder (" + a.get("file")
                        + ")");
            }
            List<?> dims = (List<?>) a.get("shape");
            long[] shape = new long[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = ((Number) dims.get(i)).longValue();
            }
            arrays.put(name, new Entry(file, shape));
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        if (m.get("provenance") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> provenance.put(String.valueOf(k), v));
        }
        double seconds = m.get("shard_seconds") instanceof Number n ? n.doubleValue() : 0;
        return new MergedManifest(folder, request, shards, ((Number) m.get("examples")).intValue(), seconds, arrays,
                provenance);
    }
}
