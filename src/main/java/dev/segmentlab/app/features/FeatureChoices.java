package dev.segmentlab.app.features;

import dev.segmentlab.core.features.CustomerFeatures;
import dev.segmentlab.core.features.FeatureOptions;
import dev.segmentlab.core.features.Scaling;
import dev.segmentlab.core.features.Transform;
import dev.segmentlab.core.value.ValueFeatures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The analyst's recipe: one {@link FeatureChoice} per feature, a transform for all and the scaling. Tells its
 * owner once per change (a "transform for all" that touches every feature is one change). UI thread only.
 */
final class FeatureChoices {
  private final ObservableList<FeatureChoice> list = FXCollections.observableArrayList();
  private final ObjectProperty<Transform> transformAll = new SimpleObjectProperty<>(this, "transformAll", Transform.LOG1P);
  private final ObjectProperty<Scaling> scaling = new SimpleObjectProperty<>(this, "scaling", Scaling.STANDARD);
  private final Runnable onChange;
  private boolean quiet;

  FeatureChoices(Runnable onChange) {
    this.onChange = onChange;
    transformAll.addListener((o, a, t) -> {
      if (quiet) return;
      quiet = true;
      for (FeatureChoice c : list) c.setTransform(t);
      quiet = false;
      changed();
    });
    scaling.addListener((o, a, s) -> changed());
  }

  ObservableList<FeatureChoice> list() { return list; }
  ObjectProperty<Transform> transformAllProperty() { return transformAll; }
  ObjectProperty<Scaling> scalingProperty() { return scaling; }

  List<String> chosen() { return list.stream().filter(FeatureChoice::isChosen).map(FeatureChoice::name).toList(); }

  /** Options for some features, with every feature's transform and weight; null for none. */
  FeatureOptions optionsFor(List<String> features) {
    if (features.isEmpty()) return null;
    Map<String, Transform> transforms = new LinkedHashMap<>();
    Map<String, Double> weights = new LinkedHashMap<>();
    for (FeatureChoice c : list) {
      transforms.put(c.name(), c.getTransform());
      weights.put(c.name(), c.getWeight());
    }
    return new FeatureOptions(features, transforms, transformAll.get(), scaling.get(), weights);
  }

  /**
   * Follows new features without telling the owner: choices of features that stay are kept; new features start
   * from the defaults (one-hot columns chosen, untransformed). A wholly new set of features also resets the
   * transform for all to {@code defaultTransform}.
   */
  void sync(CustomerFeatures cf, List<String> defaults, Transform defaultTransform) {
    Map<String, FeatureChoice> old = new LinkedHashMap<>();
    for (FeatureChoice c : list) old.put(c.name(), c);
    quiet = true;
    try {
      if (cf.names().stream().noneMatch(old::containsKey)) transformAll.set(defaultTransform);
      List<FeatureChoice> next = new ArrayList<>();
      for (String name : offered(cf)) {
        FeatureChoice c = old.get(name);
        if (c == null) {
          boolean encoded = name.contains("=") && !defaults.contains(name);
          c = new FeatureChoice(name, encoded || defaults.contains(name), encoded ? Transform.NONE : transformAll.get(), 1);
          c.chosenProperty().addListener((o, a, b) -> changed());
          c.transformProperty().addListener((o, a, b) -> changed());
          c.weightProperty().addListener((o, a, b) -> changed());
        }
        next.add(c);
      }
      // the same choices again (a new cleaning, the same features) leave the list as it is: a change rebuilds the
      // recipe's rows of controls, made and styled anew at the step's next visit
      if (!next.equals(list)) list.setAll(next);
    } finally {
      quiet = false;
    }
  }

  /** The features offered: every computed one, and for transactions CLV and P(alive) (computed when chosen). */
  private static List<String> offered(CustomerFeatures cf) {
    List<String> names = new ArrayList<>(cf.names());
    if (cf.snapshot() != null) {
      for (String v : ValueFeatures.KEYS) if (!names.contains(v)) names.add(v);
    }
    return names;
  }

  void clear() { list.clear(); }

  private void changed() {
    if (!quiet) onChange.run();
  }
}
