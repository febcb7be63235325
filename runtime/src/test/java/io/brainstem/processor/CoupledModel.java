package io.brainstem.processor;

import com.google.testing.compile.JavaFileObjects;
import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Assign.AssignOp;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.Call;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Fn;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Num;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Action;
import io.brainstem.processor.ir.ModelIR.Kind;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.State;
import io.brainstem.processor.ir.ModelIR.Threshold;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;

/**
 * A harder neuron than Lif: Izhikevich's coupled (v, u) with a time-dependent drive, a third state
 * named {@code i} (the generated loop index's usual name), a two-state reset and no refractoriness.
 */
final class CoupledModel {
  private CoupledModel() {}

  static final String SOURCE = """
      package test.models;

      import io.brainstem.annotations.Input;
      import io.brainstem.annotations.Integrator;
      import io.brainstem.annotations.Neuron;
      import io.brainstem.annotations.Ode;
      import io.brainstem.annotations.Param;
      import io.brainstem.annotations.Reset;
      import io.brainstem.annotations.State;
      import io.brainstem.annotations.Threshold;

      @Neuron(method = Integrator.RK4)
      public class Izh {
        @Param double a = 0.02, b = 0.2, c = -65, d = 8;
        @State double v = -65, u = -13, i;
        @Input double input;

        @Ode("v")
        double dv(double v, double u, double input, double t) {
          return 0.04 * v * v + 5 * v + 140 - u + input * Math.exp(-t / 100);
        }

        @Ode("u")
        double du(double v, double u) {
          return a * (b * v - u);
        }

        @Ode("i")
        double di(double i) {
          return -i / 5 + Math.tanh(Math.max(i, 0.5));
        }

        @Threshold
        boolean fire() {
          return v >= 30;
        }

        @Reset
        void reset() {
          v = c;
          u += d;
        }
      }
      """;

  static JavaFileObject source() {
    return JavaFileObjects.forSourceString("test.models.Izh", SOURCE);
  }

  static ModelIR ir() {
    Ref v = state("v");
    Ref u = state("u");
    Ref i = state("i");
    Ref t = new Ref("t", RefKind.TIME);
    Expr drive = mul(new Ref("input", RefKind.INPUT),
        new Call(Fn.EXP, List.of(bin(BinOp.DIV, new Neg(t), num(100)))));
    Expr dv = bin(BinOp.ADD, bin(BinOp.SUB, bin(BinOp.ADD, bin(BinOp.ADD,
        mul(mul(num(0.04), v), v), mul(num(5), v)), num(140)), u), drive);
    Expr du = mul(param("a"), bin(BinOp.SUB, mul(param("b"), v), u));
    Expr di = bin(BinOp.ADD, bin(BinOp.DIV, new Neg(i), num(5)),
        new Call(Fn.TANH, List.of(new Call(Fn.MAX, List.of(i, num(0.5))))));
    return new ModelIR("test.models", "Izh", Kind.NEURON, Integrator.RK4,
        List.of(new Param("a", 0.02), new Param("b", 0.2), new Param("c", -65), new Param("d", 8)),
        List.of(new State("v", -65), new State("u", -13), new State("i", 0)),
        List.of("input"),
        List.of(),
        List.of(
            new Ode("v", "dv", List.of("v", "u", "input", "t"), dv,
                "0.04 * v * v + 5 * v + 140 - u + input * Math.exp(-t / 100)"),
            new Ode("u", "du", List.of("v", "u"), du, "a * (b * v - u)"),
            new Ode("i", "di", List.of("i"), di, "-i / 5 + Math.tanh(Math.max(i, 0.5))")),
        Optional.of(new Threshold("fire", new Compare(CmpOp.GE, v, num(30)), "v >= 30")),
        Optional.of(new Action("reset", List.of(
            new Assign("v", AssignOp.SET, param("c")),
            new Assign("u", AssignOp.ADD, param("d"))), "v = c; u += d;")),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Ref state(String name) {
    return new Ref(name, RefKind.STATE);
  }

  private static Ref param(String name) {
    return new Ref(name, RefKind.PARAM);
  }

  private static Num num(double value) {
    return new Num(value);
  }

  private static Expr mul(Expr a, Expr b) {
    return bin(BinOp.MUL, a, b);
  }

  private static Expr bin(BinOp op, Expr a, Expr b) {
    return new Binary(op, a, b);
  }
}
