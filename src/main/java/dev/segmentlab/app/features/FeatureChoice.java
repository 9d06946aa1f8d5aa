package dev.segmentlab.app.features;

import dev.segmentlab.core.features.Transform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** One feature in the Features step: whether k-means uses it, its transform and its weight. UI thread only. */
public final class FeatureChoice {
  /** Weights the spinner offers: 0 switches a feature off without unticking it; 5 is plenty. */
  public static final double MAX_WEIGHT = 5;

  private final String name;
  private final BooleanProperty chosen;
  private final ObjectProperty<Transform> transform;
  private final ObjectProperty<Double> weight;

  FeatureChoice(String name, boolean chosen, Transform transform, double weight) {
    this.name = name;
    this.chosen = new SimpleBooleanProperty(this, "chosen", chosen);
    this.transform = new SimpleObjectProperty<>(this, "transform", transform);
    this.weight = new SimpleObjectProperty<>(this, "weight", weight);
  }

  /** The feature key, e.g. {@code recency} or {@code Gender=Female}. */
  public String name() { return name; }

  public BooleanProperty chosenProperty() { return chosen; }
  public boolean isChosen() { return chosen.get(); }
  public void setChosen(boolean v) { chosen.set(v); }

  public ObjectProperty<Transform> transformProperty() { return transform; }
  public Transform getTransform() { return transform.get(); }
  public void setTransform(Transform t) { transform.set(t); }

  /** The weight multiplying the scaled values, 0..{@link #MAX_WEIGHT} (an {@code Object} property for a Spinner). */
  public ObjectProperty<Double> weightProperty() { return weight; }
  public double getWeight() { return weight.get() == null ? 1 : weight.get(); }
  public void setWeight(double w) { weight.set(w); }

  @Override public String toString() { return name; }
}
