package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.explain.TokenAttribution;
import io.gradlens.export.AttributionCsv;
import io.gradlens.export.AttributionProvenance;
import io.gradlens.export.AttributionRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV exports neutralise text cells a spreadsheet would run as formulas; numbers stay numbers. */
class CsvInjectionTest {

    @Test
    void formulaTokensGetALeadingQuoteAndScoresStayNumbers() {
        List<String> tokens = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-", "@sum", "\tx", "\rx", "fine");
        TokenAttribution a = new TokenAttribution(tokens, new int[] {2, 3, 4, 5, 6, 7, 8},
                new double[] {-0.25, 0.5, -1, 0, 1, 2, 3}, 1, new double[] {0.4, 0.6}, "gradient", Map.of(), Map.of());
        String csv = AttributionCsv.rows(new AttributionRecord(a, "test", 0, 1, List.of("neg", "pos")),
                new AttributionProvenance("=cmd|' /C calc'!A0", "gradient", Map.of()));
        List<String> lines = csv.lines().toList();
        assertEquals("0,0,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2,,,-0.250000000,1,1,gradient,test,1,,'=cmd|' /C calc'!A0",
                lines.get(0));
        assertEquals("0,1,'+1,3,,,0.500000000,1,1,gradient,test,1,,'=cmd|' /C calc'!A0", lines.get(1));
        assertEquals("0,2,'-,4,,,-1.00000000,1,1,gradient,test,1,,'=cmd|' /C calc'!A0", lines.get(2));
        assertEquals("'@sum", lines.get(3).split(",")[2]);
        assertEquals("'\tx", lines.get(4).split(",")[2]);
        assertEquals("\"'\rx\"", csv.split("\n")[5].split(",")[2]);
        assertEquals("fine", lines.get(lines.size() - 1).split(",")[2]);
    }

    @Test
    void cellsThatOnlyContainFormulaCharactersAreUnchanged() {
        for (String plain : List.of("", "word", "a=b", "1-2", "x@y.z", "0.5")) {
            assertEquals(plain, AttributionCsv.quote(plain));
        }
        assertEquals("\"'-a,b\"", AttributionCsv.quote("-a,b"));
    }
}
