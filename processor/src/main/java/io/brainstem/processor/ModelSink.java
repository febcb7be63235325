package io.brainstem.processor;

import io.brainstem.processor.ir.ModelIR;
import java.io.IOException;
import javax.lang.model.element.TypeElement;

/**
 * The last stage, run for each model without errors. Production emits and writes the source;
 * tests substitute their own to capture the IR or to simulate a failing stage.
 */
interface ModelSink {
  void accept(ModelIR model, TypeElement origin) throws IOException;
}
