package dev.segmentlab.app.fx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Dialogs and file choosers, behind an interface so that ViewModels stay testable without a window. */
public interface DialogService {
  /** A file to open, filtered to the given extensions (e.g. "*.csv"), or empty when the user cancels. */
  Optional<Path> chooseOpenFile(String title, List<String> extensions);

  /** A file to save to, or empty. */
  Optional<Path> chooseSaveFile(String title, String initialName, List<String> extensions);

  /** A folder, or empty. */
  Optional<Path> chooseFolder(String title);

  /** An error the user must read. */
  void showError(String title, String message);

  /** Information. */
  void showInfo(String title, String message);

  /** A yes/no question; true for yes. */
  boolean confirm(String title, String message);

  /** A choice among options, or empty. */
  Optional<String> choose(String title, String message, List<String> options, String initial);

  /** A password, typed hidden and never stored, or empty when the user cancels (default: cancels). */
  default Optional<String> askPassword(String title, String message) { return Optional.empty(); }
}
