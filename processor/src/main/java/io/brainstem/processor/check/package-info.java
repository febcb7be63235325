/**
 * Check: the error codes, how messages are formatted and placed, and the rules that need the
 * whole model ({@link io.brainstem.processor.check.ClassRules} on the annotated type,
 * {@link io.brainstem.processor.check.ModelRules} on the parsed members). Every message is
 * {@code [BS<nnn> <CODE>] <rule>. <fix>}; docs/error-codes.md lists each code.
 */
package io.brainstem.processor.check;
