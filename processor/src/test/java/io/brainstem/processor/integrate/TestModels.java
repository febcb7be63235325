package io.brainstem.processor.integrate;

import static io.brainstem.processor.integrate.Exprs.add;
import static io.brainstem.processor.integrate.Exprs.div;
import static io.brainstem.processor.integrate.Exprs.mul;
import static io.brainstem.processor.integrate.Exprs.sub;
import static io.brainstem.processor.integrate.TestExprs.input;
import static io.brainstem.processor.integrate.TestExprs.neg;
import static io.brainstem.processor.integrate.TestExprs.param;
import static io.brainstem.processor.integrate.TestExprs.state;

import io.brainstem.annotations.Integrator;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.CmpOp;
import io.brainstem.processor.ir.Expr.Compare;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
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

/** Hand-built IR of the model library (runtime/src/main/java/io/brainstem/models), as parse builds it. */
public final class TestModels {
  private TestModels() {}

  /** {@code Lif}: {@code dV/dt = (-V + V_rest + R * input) / tau}, refractory via tau_ref. */
  public static NeuronIR lif() {
    Expr rhs = div(add(add(neg(state("V")), param("V_rest")), mul(param("R"), input("input"))),
        param("tau"));
    return new NeuronIR("io.brainstem.models", "Lif", Integrator.EXP_AUTO,
        List.of(new Param("V_rest", 0), new Param("V_reset", -5), new Param("V_th", 20),
            new Param("R", 1), new Param("tau", 10), new Param("tau_ref", 0)),
        List.of(new State("V", 0)),
        List.of("input"),
        List.of(new Ode("V", "dV", List.of("V", "input"), rhs, "(-V + V_rest + R * input) / tau")),
        Optional.of(new Threshold("fire", new Compare(CmpOp.GE, state("V"), param("V_th")),
            "V >= V_th")),
        Optional.of(new Action("reset",
            List.of(new Assign("V", Assign.AssignOp.SET, param("V_reset"))), "V = V_reset;")),
        Optional.of("tau_ref"));
  }

  /** {@code ExpCoba}: {@code dg/dt = -g / tau}, {@code g += g_max} per spike, output g (E - V). */
  public static SynapseIR expCoba() {
    Ref postV = new Ref("V", RefKind.POST);
    return new SynapseIR("io.brainstem.models", "ExpCoba", Integrator.EXP_AUTO,
        List.of(new Param("g_max", 1), new Param("tau", 8), new Param("E", 0)),
        List.of(new State("g", 0)),
        List.of(new Post("V", "V")),
        List.of(new Ode("g", "dg", List.of("g"), div(neg(state("g")), param("tau")), "-g / tau")),
        Optional.of(new Action("onSpike",
            List.of(new Assign("g", Assign.AssignOp.ADD, param("g_max"))), "g += g_max;")),
        Optional.of(new Output("current", "input", mul(state("g"), sub(param("E"), postV)),
            "g * (E - V)")));
  }

  /** A neuron with only ODEs (no threshold, reset or refractoriness), for integrator tests. */
  public static NeuronIR odesOnly(String name, List<Ode> odes) {
    return new NeuronIR("test", name, Integrator.EXP_AUTO, List.of(),
        odes.stream().map(o -> new State(o.state(), 0)).toList(), List.of(), odes,
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** An ODE whose method takes every state it reads as an argument. */
  public static Ode ode(String state, Expr rhs, String... args) {
    return new Ode(state, "d" + state, List.of(args), rhs, state + "' = ...");
  }
}
