package io.gradlens.app.fakes;

import io.gradlens.app.FilePrompt;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Test double: answers file prompts from a queue instead of showing a dialog. */
public final class FixedFilePrompt implements FilePrompt {

  private final Deque<Path> answers = new ArrayDeque<>();
  private List<FileChooser.ExtensionFilter> lastFilters = List.of();

  /** Queues the answer to the next prompt. */
  public synchronized void answer(Path path) {
    answers.add(path);
  }

  @Override
  public synchronized Optional<Path> open(Window owner, String title,
      List<FileChooser.ExtensionFilter> filters) {
    lastFilters = List.copyOf(filters);
    return Optional.ofNullable(answers.poll());
  }

  /** @return the extension filters the last open prompt offered */
  public synchronized List<FileChooser.ExtensionFilter> lastFilters() {
    return lastFilters;
  }

  @Override
  public synchronized Optional<Path> save(Window owner, String title, String defaultName,
      List<FileChooser.ExtensionFilter> filters) {
    return Optional.ofNullable(answers.poll());
  }

  /** Answers folder prompts from the same queue. */
  @Override
  public synchronized Optional<Path> openDirectory(Window owner, String title) {
    return Optional.ofNullable(answers.poll());
  }
}
