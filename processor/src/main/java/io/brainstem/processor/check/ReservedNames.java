package io.brainstem.processor.check;

import java.util.Optional;

/**
 * The names a model member may not take because the generated code owns them as API; the emitter
 * keeps the list (its {@code GeneratedNames}), the checks only ask it.
 */
@FunctionalInterface
public interface ReservedNames {
  /** What generated code uses {@code name} for, if reserved ({@code noise}: the model has one). */
  Optional<String> use(String name, boolean noise);
}
