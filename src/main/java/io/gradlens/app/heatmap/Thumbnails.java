package io.gradlens.app.heatmap;

import io.gradlens.app.service.SaliencyResult;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Small images of examples for table cells (Data and Influence tabs). */
public final class Thumbnails {

  private Thumbnails() {
  }

  /** @return the image at its own size (gray for one channel, RGB for three), values in [0, 1] */
  public static Image of(SaliencyResult.ImageInput input) {
    WritableImage image = new WritableImage(input.width(), input.height());
    PixelWriter out = image.getPixelWriter();
    float[] p = input.pixels();
    int c = input.channels();
    for (int y = 0; y < input.height(); y++) {
      for (int x = 0; x < input.width(); x++) {
        int at = (y * input.width() + x) * c;
        double r = clamp(p[at]);
        Color color = c >= 3 ? Color.color(r, clamp(p[at + 1]), clamp(p[at + 2]))
            : Color.gray(r);
        out.setColor(x, y, color);
      }
    }
    return image;
  }

  private static double clamp(float v) {
    return Math.max(0, Math.min(1, v));
  }
}
