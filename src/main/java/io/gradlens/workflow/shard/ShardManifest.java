package io.gradlens.workflow.shard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON record of one finished shard, written after its arrays: the request, which shard and
 * which example indices it covers, each array's file, shape and merge rule, and provenance (versions,
 * host, time taken). Its presence is what marks the shard finished.
 *
 * @param request    the job
 * @param shard      K/N
 * @param range      the example indices covered
 * @param arrays     the arrays written, in order
 * @param provenance versions, host, start time and seconds taken
 */
public record ShardManifest(CorpusRequest request, Shard shard, Shard.Range range, List<Entry> arrays,
                            Map<String, Object> provenance) {

    /** The manifest format's name and version. */
    public static final String FORMAT = "gradlens-shard/1";

    /**
     * One array of the shard.
     *
     * @param name  the array's name
     * @param file  its {@code .npy} file, relative to the job folder
     * @param shape its shape
     * @param rule  its merge rule
     */
    public record Entry(String name, String file, long[] shape, ShardArray.Rule rule) {
        public Entry {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }
    }

    public ShardManifest {
        arrays = List.copyOf(arrays);
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** Examples in this shard. */
    public int examples() {
        return range.size();
    }

    /** JSON-ready values. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("shard", shard.index());
        m.put("shards", shard.count());
        m.put("from", range.from());
        m.put("to", range.to());
        m.put("request", request.toMap());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Entry e : arrays) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", e.name());
            a.put("file", e.file());
            a.put("shape", e.shape());
            a.put("merge", e.rule().label());
            list.add(a);
        }
        m.put("arrays", list);
        m.put("provenance", provenance);
        return m;
    }

    /**
     * Reads {@link #toMap()}'s form.
     *
     * @param where names the file in messages
     * @throws IllegalArgumentException naming {@code where} and the bad field
     */
    public static ShardManifest fromMap(Map<?, ?> m, String where) {
        try {
            if (!FORMAT.equals(m.get("format"))) {
                throw new IllegalArgumentException("not a " + FORMAT + " manifest (format " + m.get("format") + ")");
            }
            CorpusRequest request = CorpusRequest.fromMap((Map<?, ?>) m.get("request"));
            Shard shard = new Shard(integer(m.get("shard"), "shard"), integer(m.get("shards"), "shards"));
            Shard.Range range = new Shard.Range(integer(m.get("from"), "from"), integer(m.get("to"), "to"));
            List<Entry> entries = new ArrayList<>();
            for (Object o : (List<?>) m.get("arrays")) {
                Map<?, ?> a = (Map<?, ?>) o;
                List<?> dims = (List<?>) a.get("shape");
                long[] shape = new long[dims.size()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = ((Number) dims.get(i)).longValue();
                }
                entries.add(new Entry((String) a.get("name"), (String) a.get("file"), shape,
                        ShardArray.Rule.parse((String) a.get("merge"))));
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            if (m.get("provenance") instanceof Map<?, ?> p) {
                p.forEach((k, v) -> provenance.put(String.valueOf(k), v));
            }
            return new ShardManifest(request, shard, range, entries, provenance);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": a field of the manifest is missing or has the wrong type");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static int integer(Object v, String field) {
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("'" + field + "' must be a number, got " + v);
        }
        return n.intValue();
    }
}
