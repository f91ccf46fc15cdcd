package io.gradlens.app.session;

import io.gradlens.app.service.WorkspaceEntry;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one way out of the workbench (File ▸ Quit, Ctrl+Q, the window's close button): while a
 * training runs it asks first; models trained in this session and not saved are offered for
 * saving (Save all… / Quit without saving / Cancel). Only then is the window closed.
 */
public final class QuitFlow {

  /** The answers to the unsaved-models question. */
  public enum Choice {
    /** Save every unsaved model, then quit. */
    SAVE_ALL,
    /** Quit and lose them. */
    DISCARD,
    /** Stay. */
    CANCEL
  }

  /** The questions asked on the way out (dialogs in the app, answers in tests). */
  public interface Questions {

    /** @return whether to quit although a training runs (it is cancelled) */
    boolean quitDuringTraining();

    /** @return what to do with these trained, unsaved models */
    Choice unsavedModels(List<WorkspaceEntry> models);
  }

  private final Questions questions;
  private final BooleanSupplier training;
  private final Runnable cancelTraining;
  private final Supplier<List<WorkspaceEntry>> unsaved;
  private final BiConsumer<List<WorkspaceEntry>, Runnable> saveAll;

  /**
   * @param questions asks the user
   * @param training whether a training runs now
   * @param cancelTraining cancels it
   * @param unsaved the trained models not saved yet
   * @param saveAll saves the given models and runs the callback once all are saved (not when
   *     the user gives up or a save fails)
   */
  public QuitFlow(Questions questions, BooleanSupplier training, Runnable cancelTraining,
      Supplier<List<WorkspaceEntry>> unsaved, BiConsumer<List<WorkspaceEntry>, Runnable> saveAll) {
    this.questions = questions;
    this.training = training;
    this.cancelTraining = cancelTraining;
    this.unsaved = unsaved;
    this.saveAll = saveAll;
  }

  /**
   * Asks what needs asking and runs {@code close} unless the user stays.
   *
   * @return whether {@code close} ran (or will run, after the models are saved)
   */
  public boolean quit(Runnable close) {
    if (training.getAsBoolean()) {
      if (!questions.quitDuringTraining()) {
        return false;
      }
      cancelTraining.run();
    }
    List<WorkspaceEntry> models = unsaved.get();
    if (models.isEmpty()) {
      close.run();
      return true;
    }
    switch (questions.unsavedModels(models)) {
      case SAVE_ALL -> saveAll.accept(models, close);
      case DISCARD -> close.run();
      default -> {
        return false;
      }
    }
    return true;
  }
}
