package io.brainstem.processor.check;

import io.brainstem.annotations.Neuron;
import io.brainstem.processor.integrate.BackwardPlanner;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Rules for {@code @Neuron(backward = true)}: the model must have a derivative the backward step
 * can compute (BS450), and no {@code @Noise} (BS451: its draws are not replayed backwards yet).
 */
public final class BackwardRules {
  private final Diagnostics diagnostics;

  public BackwardRules(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** True when {@code type} asks for a backward step. */
  public static boolean requested(TypeElement type) {
    Neuron neuron = type.getAnnotation(Neuron.class);
    return neuron != null && neuron.backward();
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
