package io.brainstem.processor.emit;

import com.palantir.javapoet.JavaFile;
import io.brainstem.processor.ir.ModelIR;

/** Writes the generated source for one checked model: {@code <Model>Group} or {@code <Model>Projection}. */
public final class Emitter {
  private Emitter() {}

  /** The generated file for {@code model}; called only for models without errors. */
  public static JavaFile emit(ModelIR model) {
    throw new UnsupportedOperationException("emitter under construction (branch 'back')");
  }
}
