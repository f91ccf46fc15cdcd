package io.gradlens.app.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: the first 60 review sentences of {@code datasets/sentences.tsv}, 48 train and 12 test. */
final class TinyReviews {

  private TinyReviews() {
  }

  /** Writes {@code tiny.tsv} into {@code dir} and returns it. */
  static Path write(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("datasets/sentences.tsv"));
    List<String> tiny = new ArrayList<>();
    tiny.add("text\tlabel\tsplit");
    for (int i = 1; i <= 60; i++) {
      String[] f = lines.get(i).split("\t");
      tiny.add(f[0] + "\t" + f[1] + "\t" + (i <= 48 ? "train" : "test"));
    }
    Path file = dir.resolve("tiny.tsv");
    Files.write(file, tiny);
    return file;
  }
}
