package io.gradlens.app.saliency;

import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.ExampleRef;
import io.gradlens.data.edits.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which tokens or pixels of one example an edit list marks "must not matter", and which edits
 * mark a given token. Pure functions over {@link DatasetEdits}; the edits themselves say how masks
 * are applied to training ({@link DatasetEdits#apply}).
 */
public final class MaskMarks {

  private MaskMarks() {
  }

  /**
   * An example by split and position in the unedited dataset, parsed from a workspace example id.
   *
   * @param split train or test
   * @param index position in the split
   */
  public record Position(Split split, int index) {

    /** @return whether {@code ref} names this example */
    boolean names(ExampleRef ref) {
      return ref != null && ref.split() == split && ref.index() == index;
    }
  }

  /**
   * @param exampleId a workspace example id such as {@code test/17}
   * @return its split and index, or empty for an id of another form
   */
  public static Optional<Position> position(String exampleId) {
    if (exampleId == null) {
      return Optional.empty();
    }
    int slash = exampleId.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    try {
      Split split = Split.parse(exampleId.substring(0, slash));
      int index = Integer.parseInt(exampleId.substring(slash + 1));
      return index < 0 ? Optional.empty() : Optional.of(new Position(split, index));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** @return the mask edits of {@code edits} (tokens, words, pixels), oldest first */
  public static List<DatasetEdit> maskEdits(DatasetEdits edits) {
    List<DatasetEdit> masks = new ArrayList<>();
    for (DatasetEdit e : edits.edits()) {
      if (isMask(e)) {
        masks.add(e);
      }
    }
    return masks;
  }

  /** @return whether {@code edit} marks tokens, a word or pixels */
  public static boolean isMask(DatasetEdit edit) {
    return edit instanceof DatasetEdit.MaskTokens || edit instanceof DatasetEdit.MaskWord
        || edit instanceof DatasetEdit.MaskPixels;
  }

  /**
   * @param example the example shown (null: only word marks count)
   * @param tokens its tokens
   * @return the token positions that {@code edits} mark, ascending
   */
  public static SortedSet<Integer> markedTokens(DatasetEdits edits, Position example,
      List<String> tokens) {
    SortedSet<Integer> marked = new TreeSet<>();
    for (DatasetEdit e : edits.edits()) {
      if (e instanceof DatasetEdit.MaskWord w) {
        for (int i = 0; i < tokens.size(); i++) {
          if (tokens.get(i).equals(w.word())) {
            marked.add(i);
          }
        }
      } else if (e instanceof DatasetEdit.MaskTokens m && example != null
          && example.names(m.example())) {
        for (int p : m.positions()) {
          if (p < tokens.size()) {
            marked.add(p);
          }
        }
      }
    }
    return marked;
  }

  /**
   * @param example the image shown (null: only marks on every image count)
   * @param pixelCount pixels per channel plane ({@code height · width})
   * @return per pixel, whether {@code edits} mark it
   */
  public static boolean[] markedPixels(DatasetEdits edits, Position example, int pixelCount) {
    boolean[] marked = new boolean[pixelCount];
    for (DatasetEdit e : edits.edits()) {
      if (e instanceof DatasetEdit.MaskPixels p
          && (p.everywhere() || (example != null && example.names(p.example())))) {
        for (int i : p.pixels()) {
          if (i < pixelCount) {
            marked[i] = true;
          }
        }
      }
    }
    return marked;
  }

  /**
   * The edits that mark token {@code index} (its word everywhere, or this example's positions),
   * i.e. what must go for the token to be unmarked.
   */
  public static List<DatasetEdit> editsMarking(DatasetEdits edits, Position example,
      List<String> tokens, int index) {
    List<DatasetEdit> found = new ArrayList<>();
    for (DatasetEdit e : edits.edits()) {
      if (e instanceof DatasetEdit.MaskWord w && w.word().equals(tokens.get(index))) {
        found.add(e);
      } else if (e instanceof DatasetEdit.MaskTokens m && example != null
          && example.names(m.example()) && contains(m.positions(), index)) {
        found.add(e);
      }
    }
    return found;
  }

  /**
   * @return {@code m} without {@code index}, or empty when it marked only that position
   */
  public static Optional<DatasetEdit.MaskTokens> without(DatasetEdit.MaskTokens m, int index) {
    int[] rest = java.util.Arrays.stream(m.positions()).filter(p -> p != index).toArray();
    return rest.length == 0 ? Optional.empty()
        : Optional.of(new DatasetEdit.MaskTokens(m.example(), rest));
  }

  private static boolean contains(int[] sorted, int value) {
    return java.util.Arrays.binarySearch(sorted, value) >= 0;
  }
}
