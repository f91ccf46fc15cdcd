package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void splitsWordsAndSymbolsAndLowercases() {
        assertEquals(List.of("wow", ".", ".", ".", "loved", "this", "place", "."), Tokenizer.tokenize("Wow... Loved this place."));
    }

    @Test
    void keepsInnerApostrophesAndDigits() {
        assertEquals(List.of("i", "can't", "believe", "it's", "2nd", "-", "rate", "'", "stuff", "'"),
                Tokenizer.tokenize("I can't believe it’s 2nd-rate 'stuff'".replace("it’s", "it's")));
        assertEquals(List.of("it’s"), Tokenizer.tokenize("It’s"));
    }

    @Test
    void handlesUnicodeLettersAndSeparators() {
        assertEquals(List.of("café", "naïve", "über", "!"), Tokenizer.tokenize("Café\u00a0naïve\tÜBER\n!"));
        assertEquals(List.of(), Tokenizer.tokenize("  \t\n "));
    }

    @Test
    void spansPointIntoTheRawText() {
        String text = "Not GOOD, at all";
        List<Tokenizer.Span> spans = Tokenizer.spans(text);
        assertEquals(5, spans.size());
        assertEquals(new Tokenizer.Span("good", 4, 8), spans.get(1));
        for (Tokenizer.Span span : spans) {
            assertEquals(span.text(), text.substring(span.start(), span.end()).toLowerCase(java.util.Locale.ROOT));
        }
    }
}
