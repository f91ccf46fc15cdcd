package io.gradlens.app.influence;

import io.gradlens.app.service.InfluentialExample;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;

/**
 * A table of ranked training examples: rank, the text or a thumbnail, gold label, score. Scores
 * show 3 significant digits in a column wide enough for them (e.g. {@code -1.27e-05}), the full
 * value ({@link RankedExample#formatScore}) in the cell's tooltip.
 */
final class RankingTable {

  /** Width of the score column: room for {@code -1.27e-05} and the sort arrow. */
  static final double SCORE_WIDTH = 96;

  /** Thumbnails are drawn at this many screen pixels per image pixel. */
  private static final double THUMBNAIL_SCALE = 1.5;

  private RankingTable() {
  }

  /**
   * @param id the node id
   * @param rows the rows to show
   * @param scoreTitle the score column's title
   * @param placeholder shown without rows
   */
  static TableView<RankedExample> create(String id, ObservableList<RankedExample> rows,
      String scoreTitle, String placeholder) {
    TableView<RankedExample> table = new TableView<>(rows);
    table.setId(id);
    TableColumn<RankedExample, Integer> rank = new TableColumn<>("#");
    rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
    rank.setPrefWidth(36);
    rank.setMinWidth(36);
    TableColumn<RankedExample, InfluentialExample> example = new TableColumn<>("Training example");
    example.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().example()));
    example.setCellFactory(c -> new ExampleCell());
    example.setPrefWidth(360);
    example.setSortable(false);
    TableColumn<RankedExample, String> label = new TableColumn<>("Label");
    label.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().example().label()));
    label.setPrefWidth(90);
    label.setMinWidth(70);
    TableColumn<RankedExample, Double> score = new TableColumn<>(scoreTitle);
    score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().example().score()));
    score.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(Double item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? "" : shortScore(item));
        setTooltip(empty || item == null ? null
            : new javafx.scene.control.Tooltip(RankedExample.formatScore(item)));
      }
    });
    score.setPrefWidth(SCORE_WIDTH);
    score.setMinWidth(SCORE_WIDTH);
    table.getColumns().setAll(java.util.List.of(rank, example, label, score));
    table.setPlaceholder(new Label(placeholder));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    return table;
  }

  /** @return a score with 3 significant digits, locale-independent, e.g. {@code 0.00123} */
  static String shortScore(double score) {
    return String.format(java.util.Locale.ROOT, "%.3g", score);
  }

  /** Shows the text, or the image as a thumbnail with its caption as tooltip. */
  private static final class ExampleCell extends TableCell<RankedExample, InfluentialExample> {
    @Override
    protected void updateItem(InfluentialExample item, boolean empty) {
      super.updateItem(item, empty);
      setTooltip(null);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
      } else if (item.image() != null) {
        ImageView view = new ImageView(io.gradlens.app.heatmap.Thumbnails.of(item.image()));
        view.setFitHeight(item.image().height() * THUMBNAIL_SCALE);
        view.setPreserveRatio(true);
        setGraphic(view);
        setText(item.exampleId());
      } else {
        setGraphic(null);
        setText(item.text());
        setTooltip(new javafx.scene.control.Tooltip(item.exampleId() + ": " + item.text()));
      }
    }
  }
}
