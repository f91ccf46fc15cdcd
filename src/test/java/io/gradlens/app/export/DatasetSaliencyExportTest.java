package io.gradlens.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.fakes.FakeTextSaliencyService;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSaliencyExportTest {

  private static final List<Example> EXAMPLES = List.of(
      new Example("test/0", "a great film", "positive", "positive", 0.9),
      new Example("test/1", "dull, \"slow\"", "negative", "negative", 0.8));

  @Test
  void jsonLinesHaveOneObjectPerExampleWithModelAndParameters(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("out.jsonl");
    List<Long> progress = new ArrayList<>();
    int n = DatasetSaliencyExport.export(EXAMPLES, new FakeTextSaliencyService(),
        SaliencyRequest.defaults(), "model-x", file, (done, total, m) -> progress.add(done),
        CancellationToken.NONE);
    assertEquals(2, n);
    assertEquals(List.of(1L, 2L), progress);
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    JsonNode first = new ObjectMapper().readTree(lines.get(0));
    assertEquals("test/0", first.get("id").asText());
    assertEquals("model-x", first.get("model").asText());
    assertEquals("sum", first.get("parameters").get("aggregation").asText());
    assertEquals(first.get("tokens").size(), first.get("scores").size());
  }

  @Test
  void csvHasOneRowPerToken(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out.csv");
    DatasetSaliencyExport.export(EXAMPLES, new FakeTextSaliencyService(),
        SaliencyRequest.defaults(), "m", file, ProgressListener.NONE, CancellationToken.NONE);
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(0).startsWith("id,label,prediction,target,method,position,token,score"));
    int tokens = FakeTextSaliencyService.tokenize("a great film").size()
        + FakeTextSaliencyService.tokenize("dull, \"slow\"").size();
    assertEquals(1 + tokens, lines.size());
  }

  @Test
  void aCancelledExportLeavesNoFile(@TempDir Path dir) {
    Path file = dir.resolve("out.jsonl");
    CancellationToken cancel = new CancellationToken();
    cancel.cancel();
    assertThrows(CancellationToken.CancelledException.class, () ->
        DatasetSaliencyExport.export(EXAMPLES, new FakeTextSaliencyService(),
            SaliencyRequest.defaults(), "m", file, ProgressListener.NONE, cancel));
    assertFalse(Files.exists(file));
  }
}
