package io.gradlens.data;

import io.gradlens.format.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token ↔ id mapping. Id {@value #PAD} is padding ({@code <pad>}), id {@value #OOV} stands for every
 * unknown token ({@code <oov>}); real tokens start at 2.
 *
 * <p>{@link #build} rules: count every token, keep those seen at least {@code minCount} times, order
 * by descending count then by token (String order) for ties, keep the first {@code maxSize - 2}.
 */
public final class Vocabulary {

    /** Padding id. */
    public static final int PAD = 0;
    /** Out-of-vocabulary id. */
    public static final int OOV = 1;
    /** Token text of {@link #PAD}. */
    public static final String PAD_TOKEN = "<pad>";
    /** Token text of {@link #OOV}. */
    public static final String OOV_TOKEN = "<oov>";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.put(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token \"" + this.tokens.get(i) + "\" appears twice");
            }
        }
    }

    /** Builds a vocabulary from tokenized texts by the rules in the class comment. */
    public static Vocabulary build(Iterable<List<String>> texts, int minCount, int maxSize) {
        if (minCount < 1 || maxSize < 2) {
            throw new IllegalArgumentException("need minCount >= 1 and maxSize >= 2, got " + minCount + ", " + maxSize);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> text : texts) {
            for (String token : text) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        counts.remove(PAD_TOKEN);
        counts.remove(OOV_TOKEN);
        List<String> kept = new ArrayList<>();
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(maxSize - 2L)
                .forEach(e -> kept.add(e.getKey()));
        return of(kept);
    }

    /** A vocabulary of {@code <pad>}, {@code <oov>} and then {@code tokens} in order. */
    public static Vocabulary of(List<String> tokens) {
        List<String> all = new ArrayList<>(tokens.size() + 2);
        all.add(PAD_TOKEN);
        all.add(OOV_TOKEN);
        all.addAll(tokens);
        return new Vocabulary(all);
    }

    /** The id of {@code token}, or {@link #OOV}. */
    public int id(String token) {
        return ids.getOrDefault(token, OOV);
    }

    /** The token of {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** Number of ids, including PAD and OOV. */
    public int size() {
        return tokens.size();
    }

    /** All tokens by id, PAD and OOV first. */
    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    /** The ids of {@code tokens}. */
    public int[] encode(List<String> tokens) {
        return tokens.stream().mapToInt(this::id).toArray();
    }

    /** Writes one token per line, by id (line 1 is {@code <pad>}, line 2 {@code <oov>}). */
    public void save(Path file) throws IOException {
        AtomicFile.write(file, (String.join("\n", tokens) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a file written by {@link #save}. */
    public static Vocabulary load(Path file) throws IOException {
        List<String> lines = TextFiles.readLines(file, ReadLimits.current());
        if (lines.size() < 2 || !lines.get(0).equals(PAD_TOKEN) || !lines.get(1).equals(OOV_TOKEN)) {
            throw DatasetFormatException.atLine(file, 1, "a vocabulary starts with " + PAD_TOKEN + " and " + OOV_TOKEN);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Integer before = seen.put(lines.get(i), i + 1);
            if (before != null) {
                throw DatasetFormatException.atLine(file, i + 1, "token \"" + lines.get(i) + "\" already on line " + before);
            }
        }
        return new Vocabulary(lines);
    }
}
