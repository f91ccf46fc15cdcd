package io.gradlens.io.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.data.Vocabulary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the vocabulary a Keras text model was trained with and maps it onto GradLens ids exactly
 * (id i in Keras is id i in GradLens, so the embedding rows need no reordering).
 *
 * <p>Two sources:
 * <ul>
 *   <li>a Keras {@code Tokenizer} as JSON ({@code tokenizer.to_json()}): {@code config.word_index}
 *       (a JSON string, or an object) gives 1-based ids, id 0 is padding; {@code config.oov_token}
 *       must be the word with id 1, because GradLens maps every unknown word to id 1
 *       ({@link Vocabulary#OOV}). A tokenizer without an OOV token drops unknown words, which
 *       GradLens cannot represent, and is refused; so are {@code char_level} tokenizers and ids that
 *       are not 1, 2, …, n;</li>
 *   <li>a plain word list, one word per line: line i (counting from 0) is id i; line 0 is padding
 *       and line 1 the OOV token, whatever they say.</li>
 * </ul>
 * The result has exactly as many ids as the embedding has rows: ids beyond the embedding are
 * dropped (words the model cannot look up become OOV, as Keras' {@code num_words} does), and rows no
 * word maps to get placeholder tokens {@code <unused_i>} that no text produces.
 */
public final class KerasVocabulary {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A vocabulary with what the mapping noticed.
     *
     * @param vocabulary the GradLens vocabulary, {@code size()} = the embedding rows
     * @param notes      e.g. how many words were dropped or padded; one sentence each
     */
    public record Loaded(Vocabulary vocabulary, List<String> notes) {
        /** Copies the notes. */
        public Loaded {
            notes = List.copyOf(notes);
        }
    }

    private KerasVocabulary() {
    }

    /**
     * Reads a tokenizer JSON (content starting with <code>{</code>) or a word list.
     *
     * @param file          the file
     * @param embeddingRows the model's Embedding {@code input_dim}
     * @throws IllegalArgumentException naming the file and the problem
     * @throws IOException              if it cannot be read
     */
    public static Loaded read(Path file, int embeddingRows) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such vocabulary file");
        }
        long size = Files.size(file);
        long limit = Limits.VOCABULARY_BYTES.value();
        if (size > limit) {
            throw Limits.exceeded(file, "a vocabulary file of " + size + " bytes", Limits.VOCABULARY_BYTES, limit);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.strip().startsWith("{")) {
            return fromTokenizerJson(text, embeddingRows, file.toString());
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return fromWordList(lines, embeddingRows, file.toString());
    }

    /**
     * Maps a word list (line i = id i; line 0 padding, line 1 OOV).
     *
     * @param source names the list in messages
     */
    public static Loaded fromWordList(List<String> lines, int embeddingRows, String source) {
        if (lines.size() < 2) {
            throw new IllegalArgumentException(source + ": a word list needs at least two lines (line 1 padding, "
                    + "line 2 the out-of-vocabulary token), got " + lines.size());
        }
        List<String> words = new ArrayList<>();
        for (int i = 2; i < lines.size(); i++) {
            String w = lines.get(i).strip();
            if (w.isEmpty()) {
                throw new IllegalArgumentException(source + ": line " + (i + 1) + " (id " + i + ") is empty");
            }
            words.add(w);
        }
        Loaded fitted = fit(words, embeddingRows, source);
        if (words.size() + 2 > embeddingRows) {
            List<String> notes = new ArrayList<>(fitted.notes());
            notes.add((words.size() + 2 - embeddingRows) + " words with ids >= " + embeddingRows
                    + " (the embedding rows) are out of vocabulary");
            return new Loaded(fitted.vocabulary(), notes);
        }
        return fitted;
    }

    /**
     * Maps a Keras {@code tokenizer.to_json()} string.
     *
     * @param source names the tokenizer in messages
     */
    @SuppressWarnings("unchecked")
    public static Loaded fromTokenizerJson(String json, int embeddingRows, String source) {
        Map<String, Object> root;
        try {
            root = JSON.readValue(json, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        Object cfgRaw = root.get("config");
        if (!(cfgRaw instanceof Map<?, ?>) || !"Tokenizer".equals(root.getOrDefault("class_name", "Tokenizer"))) {
            throw new IllegalArgumentException(source + ": not a Keras Tokenizer JSON (expected {\"class_name\": "
                    + "\"Tokenizer\", \"config\": {...}} from tokenizer.to_json())");
        }
        Map<String, Object> cfg = (Map<String, Object>) cfgRaw;
        if (Boolean.TRUE.equals(cfg.get("char_level"))) {
            throw new IllegalArgumentException(source + ": a char_level tokenizer cannot be represented; GradLens "
                    + "tokenizes words");
        }
        Object wi = cfg.get("word_index");
        Map<String, Object> wordIndex;
        try {
            wordIndex = wi instanceof String s ? JSON.readValue(s, Map.class) : (Map<String, Object>) wi;
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException(source + ": config.word_index is not a JSON object of word → id");
        }
        if (wordIndex == null || wordIndex.isEmpty()) {
            throw new IllegalArgumentException(source + ": config.word_index is missing or empty");
        }
        Object oov = cfg.get("oov_token");
        if (!(oov instanceof String oovToken)) {
            throw new IllegalArgumentException(source + ": the tokenizer has no oov_token, so Keras drops unknown "
                    + "words; GradLens maps every unknown word to id 1 and cannot represent that. Re-fit the "
                    + "tokenizer with oov_token set (it then gets id 1), or pass a word list");
        }
        String[] byId = new String[wordIndex.size() + 1];
        for (Map.Entry<String, Object> e : wordIndex.entrySet()) {
            if (!(e.getValue() instanceof Number n) || n.doubleValue() != n.intValue()) {
                throw new IllegalArgumentException(source + ": word_index[\"" + e.getKey() + "\"] is not an integer id: "
                        + e.getValue());
            }
            int id = n.intValue();
            if (id < 1 || id >= byId.length) {
                throw new IllegalArgumentException(source + ": word_index[\"" + e.getKey() + "\"] = " + id
                        + "; ids must be 1.." + (byId.length - 1) + " without gaps (0 is padding)");
            }
            if (byId[id] != null) {
                throw new IllegalArgumentException(source + ": id " + id + " is given to both \"" + byId[id]
                        + "\" and \"" + e.getKey() + "\"");
            }
            byId[id] = e.getKey();
        }
        if (!oovToken.equals(byId[1])) {
            throw new IllegalArgumentException(source + ": the oov_token \"" + oovToken + "\" has id "
                    + wordIndex.get(oovToken) + " but GradLens needs the OOV token at id 1 (id 1 is \"" + byId[1]
                    + "\")");
        }
        boolean lower = !Boolean.FALSE.equals(cfg.get("lower"));
        List<String> words = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (int id = 2; id < byId.length; id++) {
            String w = byId[id];
            if (!lower && !w.equals(w.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(source + ": the tokenizer has lower=false and the word \"" + w
                        + "\" (id " + id + ") has capitals; GradLens lowercases text, so it could never be looked up");
            }
            words.add(w);
        }
        Object numWords = cfg.get("num_words");
        int limit = embeddingRows;
        if (numWords instanceof Number n && n.intValue() < limit) {
            limit = Math.max(2, n.intValue());
            notes.add("the tokenizer's num_words=" + n.intValue() + ": words with higher ids are out of vocabulary");
        }
        Loaded fitted = fit(words.subList(0, Math.max(0, Math.min(words.size(), limit - 2))), embeddingRows, source);
        notes.addAll(fitted.notes());
        if (words.size() + 2 > limit) {
            notes.add((words.size() + 2 - limit) + " words with ids >= " + limit + " are out of vocabulary");
        }
        return new Loaded(fitted.vocabulary(), notes);
    }

    /** {@code <pad>}, {@code <oov>}, then {@code words} (ids 2, 3, …) cut or padded to {@code rows}. */
    private static Loaded fit(List<String> words, int rows, String source) {
        if (rows < 2) {
            throw new IllegalArgumentException(source + ": the embedding has " + rows + " rows; GradLens needs at "
                    + "least 2 (padding and OOV)");
        }
        List<String> notes = new ArrayList<>();
        List<String> kept = new ArrayList<>(words.subList(0, Math.min(words.size(), rows - 2)));
        int unused = 0;
        while (kept.size() < rows - 2) {
            kept.add("<unused_" + (kept.size() + 2) + ">");
            unused++;
        }
        if (unused > 0) {
            notes.add(unused + " embedding rows have no word (placeholders <unused_i>)");
        }
        try {
            return new Loaded(Vocabulary.of(kept), notes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage() + " (" + Vocabulary.PAD_TOKEN + " and "
                    + Vocabulary.OOV_TOKEN + " are reserved for ids 0 and 1)");
        }
    }
}
