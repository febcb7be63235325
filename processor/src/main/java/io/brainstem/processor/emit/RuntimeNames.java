package io.brainstem.processor.emit;

import com.palantir.javapoet.ClassName;

/** Runtime types the generated code uses, by name: the processor never depends on the runtime. */
final class RuntimeNames {
  private RuntimeNames() {}

  static final ClassName NEURON_GROUP = ClassName.get("io.brainstem.network", "NeuronGroup");
  static final ClassName PROJECTION = ClassName.get("io.brainstem.network", "Projection");
  static final ClassName PARAMETERS = ClassName.get("io.brainstem.network", "Parameters");
  static final ClassName CONNECTOR = ClassName.get("io.brainstem.connectivity", "Connector");
  static final ClassName EXPREL = ClassName.get("io.brainstem.math", "Exprel");
  static final ClassName GAUSSIAN = ClassName.get("io.brainstem.math", "Gaussian");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final String PROCESSOR = "io.brainstem.processor.BrainstemProcessor";
}
