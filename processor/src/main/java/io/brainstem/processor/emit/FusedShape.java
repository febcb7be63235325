package io.brainstem.processor.emit;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.integrate.Linearity;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.SynapseIR;
import java.util.Optional;

/**
 * The exponential synapse a postsynaptic group's vector loop can take over (the runtime's {@code
 * FusedInput}): one state {@code g} per postsynaptic neuron with {@code dg/dt = -g / tau}
 * ({@code tau} a parameter) integrated by exp_auto, and the output {@code g} (a current) or
 * {@code g * (E - X)} (a conductance; {@code E} a parameter, {@code X} a {@code @Post} field). The
 * runtime then computes exactly the operations the projection's kernels would, in their order, so
 * the shapes are matched on the expressions as written, not up to algebra. The decay may also be
 * {@code -g * (1.0 / tau)}, as fast math parses {@code -g / tau}; then {@code reciprocal}.
 *
 * @param state the state {@code g}
 * @param tau the time constant's parameter
 * @param reversal the reversal potential's parameter, or null for a current
 * @param post the postsynaptic variable {@code X} (its name on the group), or null for a current
 * @param reciprocal the decay multiplies by {@code 1.0 / tau} instead of dividing by {@code tau}
 */
public record FusedShape(String state, String tau, String reversal, String post,
    boolean reciprocal) {

  /** A shape whose decay divides by {@code tau}. */
  public FusedShape(String state, String tau, String reversal, String post) {
    this(state, tau, reversal, post, false);
  }

  /** The shape of {@code model}, if it has it. */
  public static Optional<FusedShape> of(SynapseIR model) {
    if (model.states().size() != 1 || model.odes().size() != 1 || model.output().isEmpty()
        || !model.synapseOdes().isEmpty() || !model.eventOdes().isEmpty()
        || model.onPost().isPresent() || model.graded().isPresent() || !model.pres().isEmpty()
        || !model.noises().isEmpty() || EventEmitter.applies(model)
        || !Linearity.supported(model).contains(Integrator.EXP_AUTO)) {
      return Optional.empty();
    }
    Ode ode = model.odes().get(0);
    String g = ode.state();
    Optional<String> tau = ode.locals().isEmpty() ? decay(ode.rhs(), g) : Optional.empty();
    boolean reciprocal = tau.isPresent() && divisor(ode.rhs()) instanceof Binary;
    Output out = model.output().get();
    boolean onlyG = model.onPre().map(a -> a.assignments().stream()
        .allMatch(x -> x.state().equals(g))).orElse(true);
    if (tau.isEmpty() || !out.locals().isEmpty() || model.homeOf(g) != null || !onlyG
        || model.onPre().isEmpty() || model.homeOf(tau.get()) != null) {
      return Optional.empty();
    }
    Expr value = out.value();
    if (isRef(value, g, RefKind.STATE)) {
      return Optional.of(new FusedShape(g, tau.get(), null, null, reciprocal));
    }
    if (value instanceof Binary b && b.op() == BinOp.MUL) {
      Expr drive = isRef(b.left(), g, RefKind.STATE) ? b.right()
          : isRef(b.right(), g, RefKind.STATE) ? b.left() : null;
      if (drive instanceof Binary d && d.op() == BinOp.SUB && d.left() instanceof Ref e
          && e.kind() == RefKind.PARAM && model.homeOf(e.name()) == null
          && d.right() instanceof Ref x && x.kind() == RefKind.POST) {
        return model.posts().stream().filter(p -> p.fieldName().equals(x.name())).findFirst()
            .map(p -> new FusedShape(g, tau.get(), e.name(), p.postName(), reciprocal));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code tau} when {@code rhs} is {@code -g / tau} or {@code -(g / tau)}, or the same with
   * {@code * (1.0 / tau)} for {@code / tau}.
   */
  private static Optional<String> decay(Expr rhs, String g) {
    Expr quotient = rhs instanceof Neg n ? n.operand() : rhs;
    Expr divisor = divisor(rhs);
    Expr tauExpr = divisor instanceof Binary r ? r.right() : divisor;
    if (!(quotient instanceof Binary b) || !(tauExpr instanceof Ref tau)
        || tau.kind() != RefKind.PARAM) {
      return Optional.empty();
    }
    boolean negatedFirst = !(rhs instanceof Neg) && b.left() instanceof Neg n
        && isRef(n.operand(), g, RefKind.STATE);
    boolean negatedAfter = rhs instanceof Neg && isRef(b.left(), g, RefKind.STATE);
    return negatedFirst || negatedAfter ? Optional.of(tau.name()) : Optional.empty();
  }

  /**
   * The right operand of {@code rhs}'s quotient: {@code tau} of {@code x / tau}, {@code 1.0 / tau}
   * of {@code x * (1.0 / tau)}; null for any other shape (tau itself is checked by the caller).
   */
  private static Expr divisor(Expr rhs) {
    Expr quotient = rhs instanceof Neg n ? n.operand() : rhs;
    if (!(quotient instanceof Binary b)) {
      return null;
    }
    if (b.op() == BinOp.DIV) {
      return b.right() instanceof Ref ? b.right() : null;
    }
    boolean byReciprocal = b.op() == BinOp.MUL && b.right() instanceof Binary r
        && r.op() == BinOp.DIV && r.left() instanceof Expr.Num one && one.value() == 1.0;
    return byReciprocal ? b.right() : null;
  }

  private static boolean isRef(Expr e, String name, RefKind kind) {
    return e instanceof Ref r && r.name().equals(name) && r.kind() == kind;
  }
}
