package dev.segmentlab.app;

import dev.segmentlab.app.fx.DialogService;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A scripted DialogService: answers from queues, records what it was asked to show. */
public final class TestDialogs implements DialogService {
  public final Deque<Path> files = new ArrayDeque<>();
  public final Deque<String> choices = new ArrayDeque<>();
  public final List<String> errors = new ArrayList<>();
  public final List<String> infos = new ArrayList<>();
  public boolean confirmAnswer = true;

  @Override public Optional<Path> chooseOpenFile(String title, List<String> extensions) { return Optional.ofNullable(files.poll()); }
  @Override public Optional<Path> chooseSaveFile(String title, String initialName, List<String> extensions) { return Optional.ofNullable(files.poll()); }
  @Override public Optional<Path> chooseFolder(String title) { return Optional.ofNullable(files.poll()); }
  @Override public void showError(String title, String message) { errors.add(message); }
  @Override public void showInfo(String title, String message) { infos.add(message); }
  @Override public boolean confirm(String title, String message) { return confirmAnswer; }
  @Override public Optional<String> choose(String title, String message, List<String> options, String initial) {
    return Optional.ofNullable(choices.poll());
  }
}
