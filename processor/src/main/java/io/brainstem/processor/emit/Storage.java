package io.brainstem.processor.emit;

import com.palantir.javapoet.TypeName;

/**
 * How generated code stores per-element values, the runtime's {@code Precision} seen from the
 * emitter. Arithmetic is double either way: a float kernel widens what it loads and rounds what it
 * stores, so its statements are the double kernel's.
 */
enum Storage {
  DOUBLE("", TypeName.get(double[].class)),
  FLOAT("Float", TypeName.get(float[].class));

  /** Appended to the names of this storage's methods and classes: {@code stepEulerFloat}. */
  final String suffix;
  final TypeName arrayType;

  Storage(String suffix, TypeName arrayType) {
    this.suffix = suffix;
    this.arrayType = arrayType;
  }

  /** {@code value} as a stored element: unchanged, or rounded to float. */
  String store(String value) {
    return this == DOUBLE ? value : "(float) " + value;
  }
}
