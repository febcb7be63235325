package io.brainstem.processor.emit;

import io.brainstem.processor.integrate.Uniformity;

/** The three loops generated per integrator. */
enum Variant {
  /** Kernel for group-wide parameters: read once, derived constants hoisted out of the loop. */
  GROUP_WIDE("", Uniformity.GROUP_WIDE_PARAMS),
  /** Kernel for per-element parameters, read from the table's columns. */
  PER_ELEMENT("PerElement", Uniformity.PER_ELEMENT_PARAMS),
  /** {@code jit == false}: calls the user's methods on an instance of the model class. */
  DEBUG("Debug", Uniformity.PER_ELEMENT_PARAMS);

  final String suffix;
  final Uniformity uniformity;

  Variant(String suffix, Uniformity uniformity) {
    this.suffix = suffix;
    this.uniformity = uniformity;
  }
}
