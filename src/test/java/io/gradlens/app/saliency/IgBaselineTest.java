package io.gradlens.app.saliency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.explain.Aggregation;
import org.junit.jupiter.api.Test;

/** The toolbar's baseline choices become the command line's {@code --baseline} values. */
class IgBaselineTest {

  @Test
  void eachChoiceIsACommandLineValue() {
    assertEquals("zero", IgBaseline.ZERO.cliValue("ignored"));
    assertEquals("0.5", IgBaseline.CONSTANT.cliValue(" 0.5 "));
    assertEquals("-1.0", IgBaseline.CONSTANT.cliValue("-1"));
    assertEquals("token:the", IgBaseline.TOKEN.cliValue("the"));
    assertFalse(IgBaseline.ZERO.needsValue());
    assertTrue(IgBaseline.TOKEN.needsValue());
  }

  @Test
  void badValuesAreRefusedWithAMessage() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> IgBaseline.CONSTANT.cliValue(
        "grey")).getMessage().contains("'grey'"));
    assertThrows(IllegalArgumentException.class, () -> IgBaseline.CONSTANT.cliValue("NaN"));
    assertThrows(IllegalArgumentException.class, () -> IgBaseline.TOKEN.cliValue(" "));
    assertThrows(IllegalArgumentException.class, () -> IgBaseline.TOKEN.cliValue("two words"));
  }

  @Test
  void theRequestCarriesTheBaselineToTheRegistry() {
    SaliencyRequest r = new SaliencyRequest(SaliencyMethod.INTEGRATED_GRADIENTS, null,
        Aggregation.SUM, 10, 1, 0, IgBaseline.TOKEN.cliValue("film"));
    assertEquals("token:film", r.parameters().get("baseline"));
    assertEquals("token:film", r.configured().settings().text("baseline"));
    assertEquals("zero", SaliencyRequest.defaults().baseline());
  }
}
