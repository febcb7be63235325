package io.brainstem.processor.emit;

import com.palantir.javapoet.ClassName;

/** Runtime types the generated code uses, by name: the processor never depends on the runtime. */
final class RuntimeNames {
  private RuntimeNames() {}

  static final ClassName NEURON_GROUP = ClassName.get("io.brainstem.network", "NeuronGroup");
  static final ClassName PROJECTION = ClassName.get("io.brainstem.network", "Projection");
  static final ClassName PRECISION = ClassName.get("io.brainstem.network", "Precision");
  static final ClassName PARAMETERS = ClassName.get("io.brainstem.network", "Parameters");
  static final ClassName CONNECTOR = ClassName.get("io.brainstem.connectivity", "Connector");
  static final ClassName SYNAPSE_INIT = ClassName.get("io.brainstem.connectivity", "SynapseInit");
  static final ClassName EXPREL = ClassName.get("io.brainstem.math", "Exprel");
  static final ClassName RUNGE_KUTTA = ClassName.get("io.brainstem.math", "RungeKutta");
  static final ClassName GAUSSIAN = ClassName.get("io.brainstem.math", "Gaussian");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName NEURON_KERNEL = ClassName.get("io.brainstem.network", "NeuronKernel");
  static final ClassName FUSED_INPUT = ClassName.get("io.brainstem.network", "FusedInput");
  static final ClassName FUSED_INPUTS = ClassName.get("io.brainstem.network", "FusedInputs");
  static final ClassName VECTOR_WARM_UP = ClassName.get("io.brainstem.network", "VectorWarmUp");
  static final ClassName FUSED_SHAPE =
      ClassName.get("io.brainstem.network", "FusedInput", "Shape");
  static final ClassName PROJECTION_KERNEL =
      ClassName.get("io.brainstem.network", "ProjectionKernel");
  static final ClassName STAGE_TABLEAU = ClassName.get("io.brainstem.network", "StageTableau");
  static final ClassName COUPLING = ClassName.get("io.brainstem.network", "Coupling");
  static final ClassName KERNELS = ClassName.get("io.brainstem.network", "Kernels");
  static final ClassName VECTOR_MATH = ClassName.get("io.brainstem.math", "VectorMath");

  private static final String VECTOR = "jdk.incubator.vector";
  static final ClassName DOUBLE_VECTOR = ClassName.get(VECTOR, "DoubleVector");
  static final ClassName FLOAT_VECTOR = ClassName.get(VECTOR, "FloatVector");
  static final ClassName VECTOR_SHAPE = ClassName.get(VECTOR, "VectorShape");
  static final ClassName VECTOR_SPECIES = ClassName.get(VECTOR, "VectorSpecies");
  static final ClassName VECTOR_MASK = ClassName.get(VECTOR, "VectorMask");
  static final ClassName VECTOR_OPERATORS = ClassName.get(VECTOR, "VectorOperators");
  static final String PROCESSOR = "io.brainstem.processor.BrainstemProcessor";
}
