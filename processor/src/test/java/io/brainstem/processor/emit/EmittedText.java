package io.brainstem.processor.emit;

import com.palantir.javapoet.JavaFile;
import io.brainstem.processor.ir.ModelIR;
import java.util.stream.Collectors;

/** Everything the processor writes for a model without vector kernels, as one text. */
public final class EmittedText {
  private EmittedText() {}

  /** The group or projection first, then the classes loaded apart from it. */
  public static String of(ModelIR model) {
    return Emitter.emitAll(model, false).stream().map(JavaFile::toString)
        .collect(Collectors.joining("\n"));
  }
}
