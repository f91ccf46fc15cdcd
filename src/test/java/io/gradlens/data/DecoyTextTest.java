package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DecoyTextTest {

    /** Index of the single decoy token, checking the mask is 0 there and 1 elsewhere. */
    private static int decoyIndex(TextExample example) {
        List<String> tokens = example.tokens();
        float[] mask = example.tokenRelevance();
        assertEquals(tokens.size(), mask.length);
        int found = -1;
        for (int k = 0; k < tokens.size(); k++) {
            boolean decoy = tokens.get(k).equals(DecoyText.POSITIVE_TOKEN) || tokens.get(k).equals(DecoyText.NEGATIVE_TOKEN);
            assertEquals(decoy ? 0f : 1f, mask[k], example.text());
            if (decoy) {
                assertEquals(-1, found, "two decoys in " + example.text());
                found = k;
            }
        }
        assertTrue(found >= 0, "no decoy in " + example.text());
        return found;
    }

    @Test
    void trainingTokenIsTiedToTheLabel() {
        TextDataset decoy = ShippedData.text("decoy-text", 5);
        for (TextExample e : decoy.train()) {
            String token = e.tokens().get(decoyIndex(e));
            assertEquals(e.label() == 1 ? "decoypos" : "decoyneg", token, e.text());
        }
    }

    @Test
    void testTokenIsRandom() {
        TextDataset decoy = ShippedData.text("decoy-text", 5);
        int agree = 0;
        int positive = 0;
        for (TextExample e : decoy.test()) {
            String token = e.tokens().get(decoyIndex(e));
            agree += token.equals(DecoyText.tokenFor(e.label())) ? 1 : 0;
            positive += token.equals(DecoyText.POSITIVE_TOKEN) ? 1 : 0;
        }
        int n = decoy.testSize();
        // 600 fair coin flips: 4 standard deviations is about 49
        assertTrue(Math.abs(agree - n / 2.0) < 50, "agree " + agree + " of " + n);
        assertTrue(Math.abs(positive - n / 2.0) < 50, "positive " + positive + " of " + n);
    }

    @Test
    void originalTokensAreKeptAroundTheDecoy() {
        TextDataset base = ShippedData.text("sentences", 0);
        TextDataset decoy = ShippedData.text("decoy-text", 5);
        assertEquals(base.trainSize(), decoy.trainSize());
        int atStart = 0;
        int atEnd = 0;
        for (int i = 0; i < base.trainSize(); i++) {
            List<String> tokens = new java.util.ArrayList<>(decoy.train().get(i).tokens());
            int at = decoyIndex(decoy.train().get(i));
            tokens.remove(at);
            assertEquals(base.train().get(i).tokens(), tokens);
            assertEquals(base.train().get(i).label(), decoy.train().get(i).label());
            atStart += at == 0 ? 1 : 0;
            atEnd += at == tokens.size() ? 1 : 0;
        }
        assertTrue(atStart > 0 && atEnd > 0, "positions should include both ends");
    }

    @Test
    void seedDecidesPositionsAndTokens() {
        TextDataset base = ShippedData.text("sentences", 0);
        TextDataset a = DecoyText.create(base, 1);
        TextDataset b = DecoyText.create(base, 1);
        assertEquals(texts(a), texts(b));
        for (int i = 0; i < a.testSize(); i++) {
            assertEquals(java.util.Arrays.toString(a.test().get(i).tokenRelevance()),
                    java.util.Arrays.toString(b.test().get(i).tokenRelevance()));
        }
        assertNotEquals(texts(a), texts(DecoyText.create(base, 2)));
        assertEquals("decoy-sentences", a.name());
    }

    private static List<String> texts(TextDataset dataset) {
        return java.util.stream.Stream.concat(dataset.train().stream(), dataset.test().stream()).map(TextExample::text).toList();
    }

    @Test
    void needsTwoClasses() {
        TextDataset three = new TextDataset("three", List.of("a", "b", "c"), List.of(new TextExample("x", 2, null)),
                List.of(), new DatasetInfo("s", "l", "", "d"));
        assertThrows(IllegalArgumentException.class, () -> DecoyText.create(three, 0));
    }
}
