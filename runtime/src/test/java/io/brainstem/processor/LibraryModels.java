package io.brainstem.processor;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.BinOp;
import io.brainstem.processor.ir.Expr.Binary;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Neg;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.ModelIR.Action;
import io.brainstem.processor.ir.ModelIR.Kind;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.Output;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.State;
import io.brainstem.processor.ir.ModelIR.Threshold;
import java.util.List;
import java.util.Optional;

/**
 * The IR parse builds for the model library (io.brainstem.models.Lif and ExpCoba), written by hand
 * until the processor driver runs on the library.
 */
final class LibraryModels {
  private LibraryModels() {}

  static ModelIR lif() {
    Expr rhs = div(add(add(new Neg(state("V")), param("V_rest")), mul(param("R"), input("input"))),
        param("tau"));
    return new ModelIR("io.brainstem.models", "Lif", Kind.NEURON, Integrator.EXP_AUTO,
        List.of(new Param("V_rest", 0), new Param("V_reset", -5), new Param("V_th", 20),
            new Param("R", 1), new Param("tau", 10), new Param("tau_ref", 0)),
        List.of(new State("V", 0)),
        List.of("input"),
        List.of(),
        List.of(new Ode("V", "dV", List.of("V", "input"), rhs, "(-V + V_rest + R * input) / tau")),
        Optional.of(new Threshold("fire", new Compare(CmpOp.GE, state("V"), param("V_th")),
            "V >= V_th")),
        Optional.of(new Action("reset",
            List.of(new Assign("V", Assign.AssignOp.SET, param("V_reset"))), "V = V_reset;")),
        Optional.of("tau_ref"),
        Optional.empty(),
        Optional.empty());
  }

  static ModelIR expCoba() {
    Expr output = mul(state("g"), new Binary(BinOp.SUB, param("E"), new Ref("V", RefKind.POST)));
    return new ModelIR("io.brainstem.models", "ExpCoba", Kind.SYNAPSE, Integrator.EXP_AUTO,
        List.of(new Param("g_max", 1), new Param("tau", 8), new Param("E", 0)),
        List.of(new State("g", 0)),
        List.of(),
        List.of(new Post("V", "V")),
        List.of(new Ode("g", "dg", List.of("g"), div(new Neg(state("g")), param("tau")),
            "-g / tau")),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(new Action("onSpike",
            List.of(new Assign("g", Assign.AssignOp.ADD, param("g_max"))), "g += g_max;")),
        Optional.of(new Output("current", "input", output, "g * (E - V)")));
  }

  private static Ref state(String name) {
    return new Ref(name, RefKind.STATE);
  }

  private static Ref param(String name) {
    return new Ref(name, RefKind.PARAM);
  }

  private static Ref input(String name) {
    return new Ref(name, RefKind.INPUT);
  }

  private static Expr add(Expr a, Expr b) {
    return new Binary(BinOp.ADD, a, b);
  }

  private static Expr mul(Expr a, Expr b) {
    return new Binary(BinOp.MUL, a, b);
  }

  private static Expr div(Expr a, Expr b) {
    return new Binary(BinOp.DIV, a, b);
  }
}
