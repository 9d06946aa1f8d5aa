package dev.segmentlab.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RunControlTest {

  @Test
  void aSliceFillsItsPartOfTheParentsProgress() {
    List<Double> seen = new ArrayList<>();
    RunControl rc = RunControl.of(null, seen::add, null);
    RunControl load = rc.slice(0, 0.3);
    RunControl sweep = rc.slice(0.35, 0.9).slice(0.5, 1); // nested: the second half of the sweep's part
    load.progress(0);
    load.progress(0.5);
    load.progress(1);
    sweep.progress(0);
    sweep.progress(1);
    assertThat(seen).containsExactly(0.0, 0.15, 0.3, 0.625, 0.9);
  }

  @Test
  void cancellationReachesEverySliceAndStopsWithCancellationException() {
    AtomicBoolean cancelled = new AtomicBoolean();
    RunControl rc = RunControl.of(null, null, cancelled::get);
    RunControl part = rc.slice(0.2, 0.4);
    part.checkCancelled();
    cancelled.set(true);
    assertThat(part.isCancelled()).isTrue();
    assertThat(part.cancelledCheck().getAsBoolean()).isTrue();
    assertThatThrownBy(part::checkCancelled).isInstanceOf(CancellationException.class);
  }

  @Test
  void noneRunsOnTheCallingThreadAndIsNeverCancelled() {
    RunControl none = RunControl.none();
    assertThat(none.executor()).isNull();
    assertThat(none.isCancelled()).isFalse();
    none.progress(0.5); // goes nowhere, throws nothing
    Executor ex = Runnable::run;
    assertThat(RunControl.on(ex).executor()).isSameAs(ex);
    assertThat(none.withExecutor(ex).executor()).isSameAs(ex);
    assertThatThrownBy(() -> none.slice(0.5, 0.4)).isInstanceOf(IllegalArgumentException.class);
  }
}
