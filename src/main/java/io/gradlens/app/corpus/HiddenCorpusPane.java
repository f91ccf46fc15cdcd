package io.gradlens.app.corpus;

import io.gradlens.app.hidden.StepChart;
import io.gradlens.workflow.corpus.CorpusHiddenState;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A merged hidden-grad result: the corpus's mean gradient curve, the mean T×T map (sampled at the
 * displayed resolution from its mapped file), and the documents with their top rows; selecting a
 * document draws its largest row G[t][·], read from the mapped per-document rows.
 */
final class HiddenCorpusPane extends BorderPane {

  private final StepChart curve = new StepChart("Mean gradient curve over the corpus", "c[t]");
  private final StepChart row = new StepChart("Top row of the selected document", "G[t][s]");
  private final MappedMapView map = new MappedMapView();
  private final TableView<CorpusHiddenState.Document> table = new TableView<>();

  HiddenCorpusPane(CorpusHiddenState result, List<CorpusHiddenState.Document> documents) {
    setId("corpus-hidden");
    Label count = new Label(result.size() + " documents, T = " + result.steps());
    count.setId("corpus-documents");
    curve.setId("corpus-curve");
    curve.setExample("mean c[t]", result.meanCurve());
    row.setId("corpus-row");
    map.setMap(result.meanMap());
    Label caption = new Label();
    caption.textProperty().bind(map.captionProperty());
    VBox mapBox = new VBox(4, map, caption);
    VBox.setVgrow(map, Priority.ALWAYS);
    SplitPane charts = new SplitPane(new VBox(curve, row), mapBox);
    VBox.setVgrow(curve, Priority.ALWAYS);
    VBox.setVgrow(row, Priority.ALWAYS);
    table.setId("corpus-documents-table");
    table.getColumns().add(Columns.of("Document", 90, CorpusHiddenState.Document::index));
    table.getColumns().add(Columns.of("Length", 70, CorpusHiddenState.Document::length));
    table.getColumns().add(Columns.of("Top rows (t: c[t])", 420, HiddenCorpusPane::topText));
    table.getItems().setAll(documents);
    table.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
      int i = b.intValue();
      if (i < 0 || documents.get(i).top().isEmpty()) {
        row.setExample(null, null);
        return;
      }
      CorpusHiddenState.TopRow top = documents.get(i).top().get(0);
      row.setExample("document " + top.document() + ", t = " + top.step(), result.topRow(i, 0));
    });
    SplitPane body = new SplitPane(charts, table);
    body.setOrientation(Orientation.VERTICAL);
    body.setDividerPositions(0.62);
    setTop(count);
    setCenter(body);
  }

  private static String topText(CorpusHiddenState.Document d) {
    return d.top().stream().map(t -> t.step() + ": " + String.format(Locale.ROOT, "%.4g", t.curve()))
        .collect(Collectors.joining(", "));
  }

  StepChart curve() {
    return curve;
  }

  MappedMapView map() {
    return map;
  }
}
