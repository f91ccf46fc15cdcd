package io.gradlens.app.sanity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.sanity.SanityVerdict.Kind;
import io.gradlens.app.service.SanityCheckResult;
import io.gradlens.explain.SanityReport;
import io.gradlens.explain.SanityStep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict's thresholds, boundaries included, and that the text states them. */
class SanityVerdictTest {

  @Test
  void thresholdsSplitTheRangeIntoThreeReadings() {
    assertEquals(Kind.DEPENDS_ON_WEIGHTS, SanityVerdict.of(-0.2).kind());
    assertEquals(Kind.DEPENDS_ON_WEIGHTS, SanityVerdict.of(0.3).kind());
    assertEquals(Kind.MIXED, SanityVerdict.of(Math.nextUp(0.3)).kind());
    assertEquals(Kind.MIXED, SanityVerdict.of(Math.nextDown(0.7)).kind());
    assertEquals(Kind.INSENSITIVE_TO_WEIGHTS, SanityVerdict.of(0.7).kind());
    assertEquals(Kind.INSENSITIVE_TO_WEIGHTS, SanityVerdict.of(1.0).kind());
    assertEquals(Kind.UNDEFINED, SanityVerdict.of(Double.NaN).kind());
  }

  @Test
  void theLastStepDecidesNotTheFirst() {
    SanityCheckResult r = new SanityCheckResult("m", new SanityReport("gradient", Map.of(), 4,
        List.of(new SanityStep(List.of("dense"), 0.95, 0.9, new double[0], new double[0]),
            new SanityStep(List.of("dense", "lstm"), 0.1, 0.05, new double[0], new double[0]))));
    SanityVerdict v = SanityVerdict.of(r);
    assertEquals(Kind.DEPENDS_ON_WEIGHTS, v.kind());
    assertEquals(0.1, v.finalSpearman());
  }

  @Test
  void textNamesTheReadingTheValueAndTheThreshold() {
    String pass = SanityVerdict.of(0.07).text();
    assertTrue(pass.startsWith("Saliency depends on the weights: it decorrelates"), pass);
    assertTrue(pass.contains("0.07") && pass.contains("0.3"), pass);
    String fail = SanityVerdict.of(0.83).text();
    assertTrue(fail.contains("barely changes") && fail.contains("may reflect the input, not the "
        + "model") && fail.contains("0.83") && fail.contains("0.7"), fail);
    assertTrue(SanityVerdict.of(0.5).text().contains("between 0.3 and 0.7"));
  }
}
