package io.brainstem.processor.check;

import io.brainstem.annotations.Neuron;
import io.brainstem.annotations.Synapse;
import io.brainstem.processor.integrate.BackwardPlanner;
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
 * {@code @Noise} (BS451: its draws are not replayed backwards yet).
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
    Optional<String> why = BackwardPlanner.notDifferentiable(model);
    if (why.isPresent()) {
      String at = model.onPre().map(ModelIR.Action::methodName)
          .or(() -> model.output().map(ModelIR.Output::methodName)).orElse("");
      diagnostics.error(ErrorCode.SYNAPSE_NOT_DIFFERENTIABLE, method(type, at),
          "@Synapse(backward = true): " + why.get(),
          "Keep the states per postsynaptic neuron, give the model an @Output, and let @OnPre"
              + " only add a parameter to a state (g += w;); or drop backward = true.");
    }
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
