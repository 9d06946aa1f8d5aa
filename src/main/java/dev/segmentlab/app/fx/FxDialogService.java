package dev.segmentlab.app.fx;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Dialog;
import javafx.scene.control.PasswordField;

/** Dialogs on a real window. */
public final class FxDialogService implements DialogService {
  private final Supplier<Window> owner;
  private File lastFolder;

  public FxDialogService(Supplier<Window> owner) { this.owner = owner; }

  @Override public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Data files", extensions));
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
    if (lastFolder != null && lastFolder.isDirectory()) fc.setInitialDirectory(lastFolder);
    File f = fc.showOpenDialog(owner.get());
    if (f != null) lastFolder = f.getParentFile();
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override public Optional<Path> chooseSaveFile(String title, String initialName, List<String> extensions) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.setInitialFileName(initialName);
    for (String e : extensions) fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(e, e));
    if (lastFolder != null && lastFolder.isDirectory()) fc.setInitialDirectory(lastFolder);
    File f = fc.showSaveDialog(owner.get());
    if (f != null) lastFolder = f.getParentFile();
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override public Optional<Path> chooseFolder(String title) {
    DirectoryChooser dc = new DirectoryChooser();
    dc.setTitle(title);
    File f = dc.showDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override public void showError(String title, String message) {
    Alert a = alert(Alert.AlertType.ERROR, title, message);
    a.show();
  }

  @Override public void showInfo(String title, String message) {
    alert(Alert.AlertType.INFORMATION, title, message).show();
  }

  @Override public boolean confirm(String title, String message) {
    Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
    return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }

  @Override public Optional<String> choose(String title, String message, List<String> options, String initial) {
    ChoiceDialog<String> d = new ChoiceDialog<>(initial, options);
    d.initOwner(owner.get());
    d.setTitle(title);
    d.setHeaderText(message);
    return d.showAndWait();
  }

  @Override public Optional<String> askPassword(String title, String message) {
    Dialog<String> d = new Dialog<>();
    d.initOwner(owner.get());
    d.setTitle(title);
    d.setHeaderText(message);
    PasswordField pw = new PasswordField();
    pw.setId("passwordPrompt");
    d.getDialogPane().setContent(pw);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    d.setResultConverter(b -> b == ButtonType.OK ? pw.getText() : null);
    Platform.runLater(pw::requestFocus);
    return d.showAndWait();
  }

  private Alert alert(Alert.AlertType type, String title, String message) {
    Alert a = new Alert(type);
    a.initOwner(owner.get());
    a.setTitle(title);
    a.setHeaderText(title);
    Label l = new Label(message);
    l.setWrapText(true);
    l.setMaxWidth(520);
    a.getDialogPane().setContent(l);
    return a;
  }
}
