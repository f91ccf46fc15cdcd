package io.gradlens.workflow.shard;

import io.gradlens.export.ExportJson;
import io.gradlens.format.AtomicFile;
import io.gradlens.workflow.RuntimeVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the finished shards of one job folder exactly ({@code gradlens merge DIR}, and the last
 * step of the Spark job): sums are added and rows stacked by each array's {@link ShardArray.Rule}
 * (never averages of averages), then the job's summaries (means, top-k over the corpus, the
 * representer fit) are computed from the merged arrays. Refuses, naming the file, shards of another
 * request, missing or duplicated shards, and arrays that do not line up. Writes {@code merged/NAME.npy}
 * and {@code merged.json}.
 */
public final class ShardMerge {

    /** The merged manifest's format name and version. */
    public static final String FORMAT = "gradlens-merged/1";

    /** The result of a merge. */
    public record Merged(Path manifest, CorpusRequest request, int shards, int examples, List<String> arrays) {
    }

    private ShardMerge() {
    }

    /**
     * Merges every shard of the job in {@code dir}.
     *
     * @throws IllegalArgumentException for an empty folder, shards of different jobs, missing shards,
     *     arrays that differ between shards
     */
    public static Merged merge(Path dir) throws IOException {
        ShardFolder folder = new ShardFolder(dir);
        List<ShardManifest> manifests = folder.manifests();
        if (manifests.isEmpty()) {
            throw new IllegalArgumentException(folder.dir() + " holds no finished shard (no shard-KKKK-of-NNNN.json)");
        }
        ShardManifest first = manifests.get(0);
        CorpusRequest request = first.request();
        for (ShardManifest m : manifests) {
            String diff = m.request().difference(request);
            if (diff != null) {
                throw new IllegalArgumentException(folder.manifestFile(m.shard()) + " belongs to another job than "
                        + folder.manifestFile(first.shard()) + " (" + diff + ")");
            }
        }
        checkCoverage(folder, manifests, request.shards());
        List<String> arrayNames = entryNames(first);
        for (ShardManifest m : manifests) {
            if (!entryNames(m).equals(arrayNames)) {
                throw new IllegalArgumentException(folder.manifestFile(m.shard()) + " has arrays " + entryNames(m)
                        + ", " + folder.manifestFile(first.shard()) + " has " + arrayNames);
            }
        }
        Map<String, ShardArray> merged = new LinkedHashMap<>();
        for (int a = 0; a < arrayNames.size(); a++) {
            merged.put(arrayNames.get(a), combine(folder, manifests, a));
        }
        List<ShardArray> all = new ArrayList<>(merged.values());
        all.addAll(CorpusJobs.summarise(request, merged));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (ShardArray a : all) {
            String file = "merged/" + a.name() + ".npy";
            ShardFolder.writeArray(folder.dir().resolve(file), a);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", a.name());
            entry.put("file", file);
            entry.put("shape", a.shape());
            entries.add(entry);
        }
        int examples = manifests.stream().mapToInt(ShardManifest::examples).sum();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("request", request.toMap());
        json.put("shards", manifests.size());
        json.put("examples", examples);
        json.put("shard_seconds", manifests.stream()
                .mapToDouble(m -> m.provenance().get("seconds") instanceof Number n ? n.doubleValue() : 0).sum());
        json.put("arrays", entries);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("gradlens", RuntimeVersions.gradlens());
        provenance.put("merged", Instant.now().toString());
        json.put("provenance", provenance);
        Path manifest = folder.dir().resolve("merged.json");
        AtomicFile.write(manifest, (ExportJson.line(json) + "\n").getBytes(StandardCharsets.UTF_8));
        return new Merged(manifest, request, manifests.size(), examples, names(all));
    }

    /** Every shard 1..N exactly once, their example ranges back to back from 0. */
    private static void checkCoverage(ShardFolder folder, List<ShardManifest> manifests, int count) {
        boolean[] seen = new boolean[count + 1];
        for (ShardManifest m : manifests) {
            seen[m.shard().index()] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            if (!seen[k]) {
                missing.add(k + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(folder.dir() + ": shard" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + (missing.size() > 1 ? " are" : " is") + " missing; run "
                    + (missing.size() > 1 ? "them" : "it") + " (--shard K/" + count + ") before merging");
        }
        int expected = 0;
        for (ShardManifest m : manifests) { // file-name order is shard order
            if (m.range().from() != expected) {
                throw new IllegalArgumentException(folder.manifestFile(m.shard()) + " covers examples "
                        + m.range().from() + ".." + m.range().to() + ", expected to start at " + expected);
            }
            expected = m.range().to();
        }
    }

    /**
     * Merges array {@code a} of every shard by its rule, reading one shard's copy at a time (the
     * merged shape comes from the manifests).
     */
    private static ShardArray combine(ShardFolder folder, List<ShardManifest> manifests, int a) throws IOException {
        ShardManifest.Entry first = manifests.get(0).arrays().get(a);
        int rank = first.shape().length;
        long[] shape = first.shape();
        for (ShardManifest m : manifests) {
            ShardManifest.Entry e = m.arrays().get(a);
            long[] s = e.shape();
            if (e.rule() != first.rule() || s.length != rank || rank == 0) {
                throw new IllegalArgumentException(folder.manifestFile(m.shard()) + ": array '" + first.name()
                        + "' is " + e.rule().label() + Arrays.toString(s) + ", in "
                        + folder.manifestFile(manifests.get(0).shard()) + " " + first.rule().label()
                        + Arrays.toString(first.shape()));
            }
            for (int d = 0; d < rank; d++) {
                shape[d] = Math.max(shape[d], s[d]);
            }
        }
        boolean concat = first.rule() == ShardArray.Rule.CONCAT;
        if (concat) {
            shape[0] = manifests.stream().mapToLong(m -> m.arrays().get(a).shape()[0]).sum();
        }
        long total = ShardArray.elements(shape);
        if (total * Double.BYTES > ShardFolder.MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException("merged array '" + first.name() + "' " + Arrays.toString(shape)
                    + " would exceed " + ShardFolder.MAX_ARRAY_BYTES + " bytes");
        }
        double[] out = new double[(int) total];
        long row = 0;
        double[] same = null;
        for (ShardManifest m : manifests) {
            ShardManifest.Entry e = m.arrays().get(a);
            Path file = folder.arrayFile(m, e);
            ShardArray part = ShardFolder.readArray(file, e.name(), e.rule());
            if (!Arrays.equals(part.shape(), e.shape())) {
                throw new IllegalArgumentException(file + " has shape "
                        + Arrays.toString(part.shape()) + ", its manifest says " + Arrays.toString(e.shape()));
            }
            if (first.rule() == ShardArray.Rule.SAME) {
                if (same != null && !Arrays.equals(same, part.values())) {
                    throw new IllegalArgumentException(file + " differs from the same array of "
                            + folder.manifestFile(manifests.get(0).shard()) + " (shards of different models?)");
                }
                same = part.values();
                continue;
            }
            place(part.values(), part.shape(), out, shape, concat ? row : 0);
            row += e.shape()[0];
        }
        return new ShardArray(first.name(), shape, same != null ? same : out, first.rule());
    }

    /** Adds {@code src} (shape {@code from}) into {@code dst} (shape {@code to}) at row {@code row0}. */
    private static void place(double[] src, long[] from, double[] dst, long[] to, long row0) {
        int rank = from.length;
        long[] idx = new long[rank];
        for (int i = 0; i < src.length; i++) {
            long at = row0 + idx[0];
            for (int d = 1; d < rank; d++) {
                at = at * to[d] + idx[d];
            }
            dst[(int) at] += src[i];
            for (int d = rank - 1; d >= 0; d--) {
                if (++idx[d] < from[d]) {
                    break;
                }
                idx[d] = 0;
            }
        }
    }

    private static List<String> names(List<ShardArray> arrays) {
        return arrays.stream().map(ShardArray::name).toList();
    }

    private static List<String> entryNames(ShardManifest m) {
        return m.arrays().stream().map(ShardManifest.Entry::name).toList();
    }
}
