package io.brainstem.processor.check;

import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import io.brainstem.processor.integrate.BackwardPlanner;
import io.brainstem.processor.integrate.PerSynapseBackward;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Rules for {@code @Neuron(backward = true)} and {@code @Synapse(backward = true)}: the model must
 * have a derivative the backward step can compute (BS450 for a neuron, BS452 for a synapse), and no
 * {@code @Noise} (BS451: its draws are not replayed backwards yet); a synapse's states kept per
 * synapse stay local to it (BS453, see PerSynapseBackward) and it is not plastic (BS454).
 */
public final class BackwardRules {
  private final Diagnostics diagnostics;

  public BackwardRules(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** True when {@code type} asks for a backward step ({@code @Neuron} or {@code @Synapse}). */
  public static boolean requested(TypeElement type) {
    Neuron neuron = type.getAnnotation(Neuron.class);
    Synapse synapse = type.getAnnotation(Synapse.class);
    return neuron != null && neuron.backward() || synapse != null && synapse.backward();
  }

  /**
   * Reports what in the synapse {@code model} has no backward step: the generated one covers
   * states kept per postsynaptic neuron, the output, and spikes that add a parameter to them
   * (BS452); {@code @Noise} is BS451 as for neurons.
   */
  public void check(TypeElement type, SynapseIR model) {
    if (!model.noises().isEmpty()) {
      ModelIR.Noise noise = model.noises().get(0);
      diagnostics.error(ErrorCode.BACKWARD_WITH_NOISE, method(type, noise.methodName()),
          "backward = true needs the step's derivative, and the @Noise draws of " + noise.state()
              + " are not replayed by the backward step",
          "Train the model without its @Noise (a noiseless copy), or drop backward = true.");
    }
    Optional<String> plastic = BackwardPlanner.plastic(model);
    if (plastic.isPresent()) {
      String at = model.onPost().map(ModelIR.Action::methodName)
          .orElse(model.eventOdes().isEmpty() ? "" : model.eventOdes().get(0).methodName());
      diagnostics.error(ErrorCode.BACKWARD_PLASTIC, method(type, at),
          "@Synapse(backward = true) on a plastic synapse: " + plastic.get()
              + ", and back-propagation through time does not differentiate weight updates",
          "Train a copy without the plasticity (@Param @PerSynapse weights the trainer learns,"
              + " no @OnPost or event-driven @Ode), or drop backward = true.");
      return;
    }
    if (BackwardPlanner.perSynapseState(model).isPresent()) {
      Optional<PerSynapseBackward.Unsupported> no = PerSynapseBackward.unsupported(model);
      if (no.isPresent()) {
        Element at = field(type, no.get().at());
        diagnostics.error(ErrorCode.BACKWARD_PER_SYNAPSE_STATE,
            at == type ? method(type, no.get().at()) : at,
            "@Synapse(backward = true): " + no.get().why(),
            "Keep per-synapse state local to the synapse: its @Ode and @OnPre jumps read only"
                + " per-synapse variables and parameters, @OnPre adds to postsynaptic states"
                + " (g += w * u * x), nothing is @PerPre; or drop backward = true.");
        return;
      }
    }
    Optional<String> why = BackwardPlanner.notDifferentiable(model);
    if (why.isPresent()) {
      String at = model.onPre().map(ModelIR.Action::methodName)
          .or(() -> model.output().map(ModelIR.Output::methodName)).orElse("");
      diagnostics.error(ErrorCode.SYNAPSE_NOT_DIFFERENTIABLE, method(type, at),
          "@Synapse(backward = true): " + why.get(),
          "Give the model an @Output and let @OnPre only add a parameter to a state or set a"
              + " state to one (g += w; release = T_duration;), or, with no state, add to a @Post"
              + " (V += w;); or drop backward = true.");
    }
  }

  private static Element field(TypeElement type, String name) {
    for (javax.lang.model.element.VariableElement f
        : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (f.getSimpleName().contentEquals(name)) {
        return f;
      }
    }
    return type;
  }

  /** Reports what in {@code model} has no backward step. */
  public void check(TypeElement type, NeuronIR model) {
    if (!model.noises().isEmpty()) {
      ModelIR.Noise noise = model.noises().get(0);
      diagnostics.error(ErrorCode.BACKWARD_WITH_NOISE, method(type, noise.methodName()),
          "backward = true needs the step's derivative, and the @Noise draws of " + noise.state()
              + " are not replayed by the backward step",
          "Train the model without its @Noise (a noiseless copy), or drop backward = true.");
    }
    Optional<String> why = BackwardPlanner.notDifferentiable(model);
    if (why.isPresent()) {
      diagnostics.error(ErrorCode.NOT_DIFFERENTIABLE,
          method(type, model.threshold().orElseThrow().methodName()),
          "backward = true: " + why.get(),
          "Write the threshold as one comparison of a state with a value (return V >= V_th;),"
              + " or drop backward = true.");
    }
  }

  private static Element method(TypeElement type, String name) {
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (m.getSimpleName().contentEquals(name)) {
        return m;
      }
    }
    return type;
  }
}
