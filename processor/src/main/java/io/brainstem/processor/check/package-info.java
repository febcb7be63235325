/**
 * Check: the error codes, how messages are formatted and placed, and the rules that need the
 * whole model ({@link io.brainstem.processor.check.ClassRules} on the annotated type,
 * {@link io.brainstem.processor.check.ModelRules} on the parsed members, then
 * {@link io.brainstem.processor.check.UnitRules}, the compile-time units check), and the warnings for
 * models that compile but look wrong ({@link io.brainstem.processor.check.ModelWarnings}, only for a
 * model without errors). Every message is {@code [BS<nnn> <CODE>] <rule>. <fix>};
 * docs/error-codes.md lists each code.
 */
package io.brainstem.processor.check;
