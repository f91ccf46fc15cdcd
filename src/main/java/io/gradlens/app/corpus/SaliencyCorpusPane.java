package io.gradlens.app.corpus;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.heatmap.TokenHeatmapView;
import io.gradlens.workflow.corpus.CorpusSaliency;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;

/**
 * A merged saliency result: a table of the examples (index, prediction, label, the tokens with the
 * largest |score|) and the token heatmap of the selected example.
 */
final class SaliencyCorpusPane extends BorderPane {

  private final TableView<CorpusSaliency.Example> table = new TableView<>();
  private final TokenHeatmapView heatmap = new TokenHeatmapView();

  SaliencyCorpusPane(CorpusSaliency result, List<CorpusSaliency.Example> examples) {
    setId("corpus-saliency");
    Label count = new Label(result.size() + " documents, " + result.classes() + " classes");
    count.setId("corpus-documents");
    table.setId("corpus-examples");
    table.getColumns().add(Columns.of("Example", 80, CorpusSaliency.Example::index));
    table.getColumns().add(Columns.of("Predicted", 100, e -> result.className(e.predicted())));
    table.getColumns().add(Columns.of("Label", 100, e -> e.label() < 0 ? "\u2013" : result.className(e.label())));
    table.getColumns().add(Columns.of("Top tokens", 320, e -> String.join(", ", e.topTokens(3))));
    table.getItems().setAll(examples);
    heatmap.setId("corpus-tokens");
    heatmap.showMessage("Select an example to see its token scores.");
    table.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
      if (e == null) {
        heatmap.showMessage("Select an example to see its token scores.");
      } else {
        heatmap.setTokens(e.tokens(), e.scores(), DivergingColorScale.fitting(e.scores()));
      }
    });
    ScrollPane scroll = new ScrollPane(heatmap);
    scroll.setFitToWidth(true);
    SplitPane body = new SplitPane(table, scroll);
    body.setOrientation(Orientation.VERTICAL);
    body.setDividerPositions(0.6);
    setTop(count);
    setCenter(body);
  }

  TokenHeatmapView heatmap() {
    return heatmap;
  }
}
