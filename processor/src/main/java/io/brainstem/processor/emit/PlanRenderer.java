package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.ModelIR;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link StepPlan} as statements. Kernels inline each right-hand side; the debug loop
 * instead calls the user's {@code @Ode} method on the model instance {@code instance}, after
 * setting its state fields to the values the plan binds. Everything else is rendered identically,
 * which is what makes the two paths bit-identical.
 */
final class PlanRenderer {
  private final ModelIR model;
  private final ExprRenderer exprs;
  private final Vars vars;
  /** The debug instance's variable, or null for kernels. */
  private final String instance;
  /** What each state field of the debug instance was last set to in this element's statements. */
  private final Map<String, String> synced = new HashMap<>();

  PlanRenderer(ModelIR model, Vars vars, String instance) {
    this.model = model;
    this.vars = vars;
    this.exprs = new ExprRenderer(vars::name);
    this.instance = instance;
  }

  static PlanRenderer kernel(ModelIR model, Vars vars) {
    return new PlanRenderer(model, vars, null);
  }

  static PlanRenderer debug(ModelIR model, Vars vars, String instance) {
    return new PlanRenderer(model, vars, instance);
  }

  CodeBlock expr(Expr e) {
    return exprs.render(e);
  }

  CodeBlock hoisted(StepPlan plan) {
    return lets(plan.hoisted());
  }

  CodeBlock perElement(StepPlan plan) {
    synced.clear();
    CodeBlock.Builder code = CodeBlock.builder();
    for (Step step : plan.perElement()) {
      if (step instanceof Let let) {
        code.add(let(let));
      } else {
        Store store = (Store) step;
        code.addStatement("$L = $L", store.state(), exprs.render(store.value()));
      }
    }
    return code.build();
  }

  private CodeBlock lets(List<Let> lets) {
    return lets.stream().map(this::let).collect(CodeBlock.joining(""));
  }

  private CodeBlock let(Let let) {
    CodeBlock.Builder code = CodeBlock.builder();
    StepPlan.Value value = let.value();
    if (value instanceof Arith a) {
      code.addStatement("final double $L = $L", let.name(), exprs.render(a.expr()));
    } else if (value instanceof ExpEulerFactor f) {
      Expr exponent = Exprs.mul(Exprs.dt(), f.linearPart());
      code.addStatement("final double $L = dt * $T.exprel($L)",
          let.name(), RuntimeNames.EXPREL, exprs.render(exponent));
    } else {
      Rate rate = (Rate) value;
      if (rate.bindings().isEmpty()) {
        code.add("// d$L/dt = $L\n", rate.ode().state(), Members.oneLine(rate.ode().sourceText()));
      }
      CodeBlock evaluation = rate(rate, code);
      code.addStatement("final double $L = $L", let.name(), evaluation);
    }
    return code.build();
  }

  /** The inlined right-hand side, or (debug) the call of the user's method after syncing states. */
  private CodeBlock rate(Rate rate, CodeBlock.Builder code) {
    if (instance == null) {
      return exprs.render(rate.inlined());
    }
    // The method may read any state field; set those whose value changed since the last call.
    for (ModelIR.State s : model.states()) {
      Ref bound = rate.bindings().get(s.name());
      String value = bound != null ? bound.name() : s.name();
      if (!value.equals(synced.put(s.name(), value))) {
        code.addStatement("$L.$L = $L", instance, s.name(), value);
      }
    }
    CodeBlock args = rate.ode().argNames().stream()
        .map(arg -> {
          Ref bound = rate.bindings().get(arg);
          return CodeBlock.of("$L", bound != null ? bound.name() : vars.name(vars.ref(arg)));
        })
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("$L.$L($L)", instance, rate.ode().methodName(), args);
  }
}
