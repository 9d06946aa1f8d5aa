package dev.segmentlab.app.fx;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/** Small factories for labels that show a ViewModel's text. */
public final class Labels {
  private Labels() {}

  /** A label with an id (for tests and CSS) and a style class, its text bound to {@code text}. */
  public static Label bound(String id, String styleClass, ObservableStringValue text) {
    Label l = new Label();
    l.setId(id);
    l.getStyleClass().add(styleClass);
    l.textProperty().bind(text);
    return l;
  }
}
