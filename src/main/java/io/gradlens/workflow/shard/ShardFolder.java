package io.gradlens.workflow.shard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.export.ExportJson;
import io.gradlens.format.AtomicFile;
import io.gradlens.format.Npy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The folder of one sharded job: shard K/N's arrays in {@code shard-KKKK-of-NNNN/NAME.npy} (float64)
 * and its manifest {@code shard-KKKK-of-NNNN.json} beside them, written last and atomically
 * ({@link AtomicFile}): a shard is finished exactly when its manifest exists, a shard killed midway
 * leaves only temporary files (removed when it runs again) and arrays without a manifest (rewritten).
 * The merged result goes to {@code merged/} and {@code merged.json}.
 */
public final class ShardFolder {

    /** The largest manifest read (a manifest holds a request and a few shapes). */
    static final long MAX_MANIFEST_BYTES = 1L << 20;
    /** The largest array read, in bytes (a Java array's reach). */
    static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 1024L;
    private static final Pattern MANIFEST = Pattern.compile("shard-\\d{4}-of-\\d{4}\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    /** The job folder {@code dir} (created when the first shard is written). */
    public ShardFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** Shard K/N's manifest file. */
    public Path manifestFile(Shard shard) {
        return dir.resolve(shard.stem() + ".json");
    }

    /**
     * Shard K/N's manifest when the shard is finished.
     *
     * @throws IllegalArgumentException when the folder holds that shard of a different request
     *     (naming the file and the first difference)
     */
    public Optional<ShardManifest> finished(Shard shard, CorpusRequest request) throws IOException {
        Path file = manifestFile(shard);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ShardManifest m = readManifest(file);
        String diff = m.request().difference(request);
        if (diff != null) {
            throw new IllegalArgumentException(file + " belongs to another job (" + diff + "); use another --out "
                    + "folder or remove it");
        }
        return Optional.of(m);
    }

    /**
     * Writes a shard: every array (each atomically), then the manifest (atomically), so the manifest
     * appears only after all its arrays are in place.
     */
    public ShardManifest write(CorpusRequest request, Shard shard, Shard.Range range, List<ShardArray> arrays,
                               Map<String, Object> provenance) throws IOException {
        Path sub = dir.resolve(shard.stem());
        Files.createDirectories(sub);
        Path manifestFile = manifestFile(shard);
        removeTemporaries(sub, p -> p.getFileName().toString().endsWith(".tmp"));
        removeTemporaries(dir, p -> AtomicFile.isTemporaryOf(p, manifestFile));
        List<ShardManifest.Entry> entries = new ArrayList<>();
        for (ShardArray a : arrays) {
            String file = shard.stem() + "/" + a.name() + ".npy";
            writeArray(dir.resolve(file), a);
            entries.add(new ShardManifest.Entry(a.name(), file, a.shape(), a.rule()));
        }
        ShardManifest manifest = new ShardManifest(request, shard, range, entries, provenance);
        AtomicFile.write(manifestFile, (ExportJson.line(manifest.toMap()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        return manifest;
    }

    /** Every finished shard's manifest in the folder, in file-name order. */
    public List<ShardManifest> manifests() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> MANIFEST.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        List<ShardManifest> out = new ArrayList<>();
        for (Path f : files) {
            out.add(readManifest(f));
        }
        return out;
    }

    /**
     * The arrays of a finished shard, checked against the manifest.
     *
     * @throws IllegalArgumentException naming the file that is missing, too large or of another shape
     */
    public List<ShardArray> read(ShardManifest manifest) throws IOException {
        List<ShardArray> out = new ArrayList<>();
        for (ShardManifest.Entry e : manifest.arrays()) {
            Path file = arrayFile(manifest, e);
            ShardArray a = readArray(file, e.name(), e.rule());
            if (!Arrays.equals(a.shape(), e.shape())) {
                throw new IllegalArgumentException(file + " has shape " + Arrays.toString(a.shape())
                        + ", its manifest says " + Arrays.toString(e.shape()));
            }
            out.add(a);
        }
        return out;
    }

    /**
     * The file of one array of a shard, which must lie inside the folder.
     *
     * @throws IllegalArgumentException for a manifest pointing elsewhere
     */
    Path arrayFile(ShardManifest manifest, ShardManifest.Entry entry) {
        Path file = dir.resolve(entry.file()).normalize();
        if (!file.startsWith(dir)) {
            throw new IllegalArgumentException(manifestFile(manifest.shard()) + ": array file " + entry.file()
                    + " lies outside " + dir);
        }
        return file;
    }

    /** Writes one array as float64 {@code .npy}, atomically. */
    static void writeArray(Path file, ShardArray a) throws IOException {
        INDArray array = Nd4j.create(a.values(), a.shape(), DataType.DOUBLE);
        AtomicFile.write(file, Npy.write(array));
    }

    /** Reads one float64 {@code .npy} array, refusing files beyond {@link #MAX_ARRAY_BYTES}. */
    static ShardArray readArray(Path file, String name, ShardArray.Rule rule) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": the shard's array is missing");
        }
        long size = Files.size(file);
        if (size > MAX_ARRAY_BYTES) {
            throw new IllegalArgumentException(file + ": " + size + " bytes, more than one array may hold ("
                    + MAX_ARRAY_BYTES + ")");
        }
        INDArray array = Npy.read(Files.readAllBytes(file), file.toString());
        double[] values = array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        return new ShardArray(name, array.shape(), values, rule);
    }

    /** Reads a manifest (at most {@link #MAX_MANIFEST_BYTES}). */
    static ShardManifest readManifest(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException(file + ": " + size + " bytes is too large for a shard manifest");
        }
        Map<?, ?> map;
        try {
            map = JSON.readValue(file.toFile(), Map.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        return ShardManifest.fromMap(map, file.toString());
    }

    /**
     * Removes the temporary files that a run killed while writing left in {@code folder}: only those
     * {@code mine} accepts, since other shards may be writing beside them right now.
     */
    private static void removeTemporaries(Path folder, java.util.function.Predicate<Path> mine) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(p -> p.getFileName().toString().startsWith(".")).filter(mine).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
