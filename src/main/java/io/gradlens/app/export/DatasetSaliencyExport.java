package io.gradlens.app.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Explains every example of a dataset and writes the scores as JSON Lines (one object per
 * example, with the model and the method's parameters) or CSV (one row per token or pixel).
 * Runs on a worker thread: it reports progress per example and stops within one example when
 * cancelled. The file is written atomically only after every example was explained, so a failed
 * or cancelled export never leaves a partial file.
 *
 * <p>Minimal writers owned by the workbench until the core has its own export package.
 */
public final class DatasetSaliencyExport {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The file formats of a dataset export. */
  public enum Format {
    /** One JSON object per line and example. */
    JSONL,
    /** One row per token (or pixel). */
    CSV;

    /** @return the format for a file name ({@code .jsonl} or {@code .csv}), if any */
    public static java.util.Optional<Format> of(Path file) {
      String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
      return name.endsWith(".jsonl") ? java.util.Optional.of(JSONL)
          : name.endsWith(".csv") ? java.util.Optional.of(CSV) : java.util.Optional.empty();
    }
  }

  /** One explained example. */
  record Row(Example example, SaliencyResult result) {
  }

  private DatasetSaliencyExport() {
  }

  /**
   * Explains {@code examples} under the current model and writes them to {@code target}.
   *
   * @param model the model's name, recorded in every JSON line
   * @return the number of examples written
   * @throws Exception when an explanation or the write fails (the target is then untouched)
   */
  public static int export(List<Example> examples, TextSaliencyService service,
      SaliencyRequest request, String model, Path target, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    Format format = Format.of(target).orElseThrow(() -> new IllegalArgumentException(
        "Export to .jsonl or .csv, not " + target.getFileName()));
    List<Row> rows = new ArrayList<>(examples.size());
    int n = examples.size();
    for (int i = 0; i < n; i++) {
      cancel.throwIfCancelled();
      Example e = examples.get(i);
      rows.add(new Row(e, service.explain(e.text(), request, ProgressListener.NONE, cancel)));
      progress.progress(i + 1, n, String.format(Locale.ROOT, "Explaining %d/%d", i + 1, n));
    }
    cancel.throwIfCancelled();
    if (format == Format.JSONL) {
      writeJsonl(target, rows, request, model);
    } else {
      writeCsv(target, rows);
    }
    return rows.size();
  }

  static void writeJsonl(Path target, List<Row> rows, SaliencyRequest request, String model)
      throws IOException {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("aggregation", request.aggregation().name().toLowerCase(Locale.ROOT));
    switch (request.method()) {
      case INTEGRATED_GRADIENTS -> parameters.put("steps", request.steps());
      case SMOOTHGRAD -> {
        parameters.put("samples", request.samples());
        parameters.put("noise", request.noise());
      }
      default -> { }
    }
    AtomicFileWriter.write(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      for (Row row : rows) {
        SaliencyResult r = row.result();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", row.example().id());
        if (!r.isImage()) {
          line.put("text", row.example().text());
        }
        line.put("label", row.example().label());
        line.put("prediction", r.classNames().get(r.predictedClass()));
        line.put("target", r.classNames().get(r.targetClass()));
        line.put("model", model);
        line.put("method", r.method());
        line.put("parameters", parameters);
        line.put("probabilities", r.probabilities());
        if (r.isImage()) {
          line.put("height", r.image().height());
          line.put("width", r.image().width());
        } else {
          line.put("tokens", r.tokens());
        }
        line.put("scores", finite(r.scores()));
        w.write(JSON.writeValueAsString(line));
        w.write('\n');
      }
      w.flush();
    });
  }

  /** JSON has no NaN: non-finite scores become null. */
  private static List<Double> finite(double[] scores) {
    List<Double> out = new ArrayList<>(scores.length);
    for (double s : scores) {
      out.add(Double.isFinite(s) ? s : null);
    }
    return out;
  }

  static void writeCsv(Path target, List<Row> rows) throws IOException {
    List<List<String>> table = new ArrayList<>();
    for (Row row : rows) {
      SaliencyResult r = row.result();
      double[] scores = r.scores();
      for (int i = 0; i < scores.length; i++) {
        table.add(List.of(row.example().id(), row.example().label(),
            r.classNames().get(r.predictedClass()), r.classNames().get(r.targetClass()),
            r.method(), Integer.toString(i), r.tokens().get(i),
            Double.isNaN(scores[i]) ? "NaN" : String.format(Locale.ROOT, "%.9g", scores[i])));
      }
    }
    CsvWriter.write(target, List.of("id", "label", "prediction", "target", "method", "position",
        "token", "score"), table);
  }
}
