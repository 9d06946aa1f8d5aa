package dev.segmentlab.core.value;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Minimises a smooth function of positive parameters over their logs, with Commons Math: BOBYQA (a trust-region
 * method on a quadratic model, few evaluations) followed by a Nelder–Mead polish that restarts from its own
 * optimum until the value stops falling. Why in logs: the parameters must stay positive, and the likelihoods are
 * far closer to quadratic in ln p than in p. A non-finite value counts as +∞, so the search steps back.
 */
final class LogSpaceMinimizer {
  private LogSpaceMinimizer() {}

  /** Bound on |ln θ|: θ between about 10⁻¹³ and 10¹³. */
  static final double LOG_BOUND = 30;

  record Result(double[] logParams, double value, int evaluations) {}

  /**
   * @param f the function of ln θ to minimise (a mean negative log-likelihood)
   * @param start ln θ to start from
   * @param maxEvaluations budget over both stages
   */
  static Result minimize(ToDoubleFunction<double[]> f, double[] start, int maxEvaluations) {
    int n = start.length;
    int[] evals = {0};
    ObjectiveFunction objective = new ObjectiveFunction(p -> {
      evals[0]++;
      double v = f.applyAsDouble(p);
      return Double.isFinite(v) ? v : Double.MAX_VALUE;
    });
    double[] lo = new double[n], hi = new double[n], x = start.clone();
    for (int i = 0; i < n; i++) {
      lo[i] = -LOG_BOUND;
      hi[i] = LOG_BOUND;
      x[i] = Math.max(-LOG_BOUND + 1, Math.min(LOG_BOUND - 1, x[i]));
    }
    double best = objective.getObjectiveFunction().value(x);
    try {
      PointValuePair p = new BOBYQAOptimizer(2 * n + 1, 0.5, 1e-8).optimize(new MaxEval(maxEvaluations / 2), objective,
          GoalType.MINIMIZE, new InitialGuess(x), new SimpleBounds(lo, hi));
      if (p.getValue() < best) {
        best = p.getValue();
        x = p.getPoint();
      }
    } catch (TooManyEvaluationsException e) {
      // the simplex below carries on from the start
    }
    SimplexOptimizer simplex = new SimplexOptimizer(1e-12, 1e-14);
    for (int round = 0; round < 3; round++) {
      PointValuePair p;
      try {
        p = simplex.optimize(new MaxEval(Math.max(100, maxEvaluations - evals[0])), objective, GoalType.MINIMIZE,
            new InitialGuess(x), new NelderMeadSimplex(n, 0.05));
      } catch (TooManyEvaluationsException e) {
        break;
      }
      boolean improved = p.getValue() < best - 1e-12 * Math.abs(best);
      if (p.getValue() < best) {
        best = p.getValue();
        x = p.getPoint();
      }
      if (!improved) break;
    }
    return new Result(x, best, evals[0]);
  }
}
