/**
 * Parse: javac trees of one model class to IR pieces, each kept with its origin.
 *
 * <ol>
 *   <li>{@link io.brainstem.processor.parse.FieldParser}: {@code @Param/@State/@Input/@Post}
 *       fields, their modifiers, and constant initializers;
 *   <li>{@link io.brainstem.processor.parse.MethodParser}: method signatures, then bodies through
 *       {@link io.brainstem.processor.parse.BodyParser} (statement shapes) and
 *       {@link io.brainstem.processor.parse.ExprParser} (expressions, kept exactly as written);
 *   <li>the result is a {@link io.brainstem.processor.parse.ParsedModel}, which check validates as
 *       a whole before it becomes a {@code ModelIR}.
 * </ol>
 *
 * Every problem is reported where it is written, once; a member that fails still counts for the
 * whole-model rules so that one mistake never causes a second error.
 */
package io.brainstem.processor.parse;
