package io.gradlens.app.corpus;

import io.gradlens.app.ExportAction;
import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.ChartExporter;
import io.gradlens.app.export.ExportFormat;
import io.gradlens.workflow.corpus.CorpusHiddenState;
import io.gradlens.workflow.corpus.CorpusSaliency;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/**
 * The Corpus tab: a status line with a progress indicator while a folder opens, then the pane of
 * the opened result ({@link HiddenCorpusPane} or {@link SaliencyCorpusPane}). File ▸ Export… saves
 * the mean curve chart (hidden-grad) or the selected example's token heatmap (saliency) as PNG or
 * SVG.
 */
public final class CorpusView extends BorderPane implements Exportable {

  private final FilePrompt prompt;
  private final ErrorReporter errors;
  private Node pane;

  /**
   * @param model the tab's state
   * @param prompt asks for export files
   * @param errors reports export failures
   */
  public CorpusView(CorpusViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.prompt = prompt;
    this.errors = errors;
    setId("corpus-view");
    Label status = new Label();
    status.setId("corpus-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(18, 18);
    busy.visibleProperty().bind(model.loadingProperty());
    HBox top = new HBox(8, busy, status);
    top.setPadding(new Insets(6));
    setTop(top);
    model.openedProperty().addListener((o, a, b) -> show(b));
    show(model.openedProperty().get());
  }

  private void show(CorpusViewModel.Opened opened) {
    if (opened == null) {
      pane = null;
    } else if (opened.results() instanceof CorpusHiddenState h) {
      pane = new HiddenCorpusPane(h, opened.documents());
    } else {
      pane = new SaliencyCorpusPane((CorpusSaliency) opened.results(), opened.examples());
    }
    setCenter(pane);
  }

  @Override
  public void exportInteractively(Window owner) {
    if (pane instanceof HiddenCorpusPane h) {
      new ExportAction(prompt, errors, "Export the corpus curve", "corpus-curve")
          .with(ExportFormat.PNG, t -> ChartExporter.writePng(h.curve().getChart(), 900, 450, t))
          .with(ExportFormat.SVG, t -> ChartExporter.writeSvg(h.curve().getChart(), 900, 450, t))
          .run(owner);
    } else if (pane instanceof SaliencyCorpusPane s) {
      new ExportAction(prompt, errors, "Export the token heatmap", "corpus-tokens")
          .with(ExportFormat.SVG, t -> ChartExporter.writeSvg(s.heatmap(), t))
          .with(ExportFormat.PNG, t -> ChartExporter.writePng(s.heatmap(), t))
          .run(owner);
    }
  }
}
