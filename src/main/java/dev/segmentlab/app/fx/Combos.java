package dev.segmentlab.app.fx;

import javafx.scene.control.ComboBox;

/** Combo boxes of a set width. */
public final class Combos {
  private Combos() {}

  /**
   * Gives a combo box a set width. Its computed width lays out a list cell for every item, and it is computed
   * again at each CSS pass of its screen: with the Features step's combo boxes this was the longest part of
   * showing the step again.
   */
  public static <T> ComboBox<T> sized(ComboBox<T> box, double width) {
    box.setPrefWidth(width);
    return box;
  }
}
