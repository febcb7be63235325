package io.brainstem.processor.check;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import io.brainstem.annotations.Units;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * The constants of {@link Units} ({@code ms}, {@code mV}, {@code nS}, ...) as model bodies read
 * them: a bare name after {@code import static io.brainstem.annotations.Units.*} (or of the one
 * name), or {@code Units.ms} after importing the class. The value is read from the class itself,
 * so generated code multiplies by exactly the double the model's own method does.
 */
public final class UnitConstants {
  private static final String CLASS = Units.class.getName();
  private static final String PACKAGE = Units.class.getPackageName();

  private UnitConstants() {}

  /** The value of {@code Units.<name>}, or null when there is no such constant. */
  public static Double value(String name) {
    try {
      Field field = Units.class.getField(name);
      boolean constant = Modifier.isStatic(field.getModifiers()) && field.getType() == double.class;
      return constant ? field.getDouble(null) : null;
    } catch (NoSuchFieldException | IllegalAccessException e) {
      return null;
    }
  }

  /**
   * The unit of the number {@code Units.<name>}, or null: Brainstem's coherent unit of its
   * dimension (ms, mV, nA, uS, nF, MOhm, 1/ms), since the value is one {@code name} expressed in
   * it ({@code 5 * Hz} is 0.005 in 1/ms). Each constant is named after its unit.
   */
  public static Unit unit(String name) {
    Double value = value(name);
    return value == null ? null
        : UnitParser.parse(name).times(Unit.ONE.scaled(-(int) Math.round(Math.log10(value))));
  }

  /** Whether the bare name {@code name} is a {@link Units} constant statically imported in {@code unit}. */
  public static boolean imported(String name, CompilationUnitTree unit) {
    if (value(name) == null) {
      return false;
    }
    for (ImportTree anImport : unit.getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (anImport.isStatic()
          && (imported.equals(CLASS + "." + name) || imported.equals(CLASS + ".*"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code qualifier.name} reads a {@link Units} constant (the class imported or qualified). */
  public static boolean selected(String qualifier, String name, CompilationUnitTree unit) {
    if (value(name) == null) {
      return false;
    }
    if (qualifier.equals(CLASS)) {
      return true;
    }
    if (!qualifier.equals("Units")) {
      return false;
    }
    for (ImportTree anImport : unit.getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (!anImport.isStatic() && (imported.equals(CLASS) || imported.equals(PACKAGE + ".*"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code unit} imports {@link Units} or its constants (then unit checks are on). */
  public static boolean importsUnits(CompilationUnitTree unit) {
    for (ImportTree anImport : unit.getImports()) {
      String imported = anImport.getQualifiedIdentifier().toString();
      if (imported.equals(CLASS) || imported.startsWith(CLASS + ".")) {
        return true;
      }
    }
    return false;
  }
}
