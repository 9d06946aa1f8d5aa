package dev.segmentlab.core.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** A {@link Stages.Listener} that counts the stages started, from any thread. */
public final class StageCounter implements Stages.Listener {
  private final AtomicIntegerArray counts = new AtomicIntegerArray(Stages.Stage.values().length);

  @Override public void started(Stages.Stage stage) {
    counts.incrementAndGet(stage.ordinal());
  }

  /** How often {@code stage} started since the last {@link #reset()}. */
  public int count(Stages.Stage stage) {
    return counts.get(stage.ordinal());
  }

  /** Every stage with its count (zeros included), in pipeline order. */
  public Map<Stages.Stage, Integer> counts() {
    Map<Stages.Stage, Integer> m = new EnumMap<>(Stages.Stage.class);
    for (Stages.Stage s : Stages.Stage.values()) m.put(s, count(s));
    return m;
  }

  public void reset() {
    for (int i = 0; i < counts.length(); i++) counts.set(i, 0);
  }
}
