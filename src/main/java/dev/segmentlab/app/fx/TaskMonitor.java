package dev.segmentlab.app.fx;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of the job the status bar shows: its title, progress and a cancel action. The latest started job
 * wins the bar; when it ends, the bar shows the message it left. Touched on the UI thread only.
 */
public final class TaskMonitor {
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Ready");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private Runnable cancel = () -> { };
  private Object owner;

  public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
  public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
  public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

  public boolean isRunning() { return running.get(); }

  /** Cancels the job the bar shows. */
  public void cancel() { cancel.run(); }

  void started(Object job, String t, Runnable cancelAction) {
    owner = job;
    cancel = cancelAction;
    title.set(t + "…");
    progress.set(-1);
    running.set(true);
  }

  void progress(Object job, double p) {
    if (job == owner) progress.set(p);
  }

  void finished(Object job, String message) {
    if (job != owner) return;
    owner = null;
    cancel = () -> { };
    running.set(false);
    progress.set(0);
    title.set(message);
  }

  /** A message in the bar without a job. */
  public void say(String message) {
    if (owner == null) title.set(message);
  }
}
