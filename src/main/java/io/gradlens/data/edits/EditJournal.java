package io.gradlens.data.edits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * The edit list of one dataset as a user works on it: every change is written to the edit file
 * before it takes effect (so a failed write changes nothing and a restart finds what the user saw),
 * undo removes the newest edit, redo puts back what undo removed in this session.
 *
 * <p>Thread-safe: views may add edits from the FX thread while a background task reads them.
 */
public final class EditJournal {

    private final Path file;
    private final Deque<DatasetEdit> redo = new ArrayDeque<>();
    private DatasetEdits edits;

    private EditJournal(Path file, DatasetEdits edits) {
        this.file = file;
        this.edits = edits;
    }

    /**
     * Opens the journal kept in {@code file} (which need not exist yet).
     *
     * @throws io.gradlens.data.DatasetFormatException if the file exists but is not an edit list
     */
    public static EditJournal open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return new EditJournal(file, DatasetEditFile.read(file));
    }

    /** The file the journal is kept in. */
    public Path file() {
        return file;
    }

    /** The current edits. */
    public synchronized DatasetEdits edits() {
        return edits;
    }

    /** Appends {@code edit}, saves, and forgets what could be redone. */
    public synchronized void add(DatasetEdit edit) throws IOException {
        save(edits.with(edit));
        redo.clear();
    }

    /**
     * Removes the newest occurrence of {@code edit} (e.g. a mask the user clicks off again), saves,
     * and forgets what could be redone.
     *
     * @return whether the list held {@code edit}
     */
    public synchronized boolean remove(DatasetEdit edit) throws IOException {
        int position = edits.edits().lastIndexOf(edit);
        if (position < 0) {
            return false;
        }
        save(edits.without(position));
        redo.clear();
        return true;
    }

    /** Removes the newest edit and saves; empty when there was nothing to undo. */
    public synchronized Optional<DatasetEdit> undo() throws IOException {
        if (edits.isEmpty()) {
            return Optional.empty();
        }
        DatasetEdit last = edits.edits().get(edits.size() - 1);
        save(edits.withoutLast());
        redo.push(last);
        return Optional.of(last);
    }

    /** Re-applies the edit undone last in this session and saves; empty when there is none. */
    public synchronized Optional<DatasetEdit> redo() throws IOException {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        DatasetEdit next = redo.peek();
        save(edits.with(next));
        redo.pop();
        return Optional.of(next);
    }

    /** Whether {@link #undo()} would change something. */
    public synchronized boolean canUndo() {
        return !edits.isEmpty();
    }

    /** Whether {@link #redo()} would change something. */
    public synchronized boolean canRedo() {
        return !redo.isEmpty();
    }

    private void save(DatasetEdits next) throws IOException {
        DatasetEditFile.write(file, next);
        edits = next;
    }
}
