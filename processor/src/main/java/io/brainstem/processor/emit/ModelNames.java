package io.brainstem.processor.emit;

import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.NeuronIR;
import java.util.ArrayList;
import java.util.List;

/** What a model's expressions read (the names generated code uses: {@link GeneratedNames}). */
final class ModelNames {
  private ModelNames() {}

  /** True when any expression of the model reads the clock {@code t}, or a method takes it. */
  static boolean readsTime(ModelIR model) {
    // Noise draws are keyed by the absolute step round(t / dt), so noisy models need t too.
    // An @Ode may declare t without reading it: its debug call still passes t.
    return !model.noises().isEmpty()
        || model.odes().stream().anyMatch(o -> o.argNames().contains("t"))
        || expressions(model).stream().anyMatch(e -> Exprs.mentions(e, RefKind.TIME));
  }

  private static List<Expr> expressions(ModelIR model) {
    List<Expr> out = new ArrayList<>();
    model.odes().forEach(o -> out.addAll(Exprs.parts(o)));
    model.noises().forEach(o -> {
      out.addAll(o.locals().values());
      out.add(o.diffusion());
    });
    if (model instanceof NeuronIR neuron) {
      neuron.threshold().ifPresent(th -> out.addAll(Exprs.parts(th)));
      neuron.reset().ifPresent(r -> r.assignments().stream().map(Assign::value).forEach(out::add));
    } else if (model instanceof SynapseIR synapse) {
      synapse.onPre()
          .ifPresent(a -> a.assignments().stream().map(Assign::value).forEach(out::add));
      synapse.output().ifPresent(o -> out.addAll(Exprs.parts(o)));
      synapse.graded().ifPresent(o -> out.addAll(Exprs.parts(o)));
    }
    return out;
  }
}
