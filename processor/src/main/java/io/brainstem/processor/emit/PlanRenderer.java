package io.brainstem.processor.emit;

import com.palantir.javapoet.CodeBlock;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.integrate.StepPlan;
import io.brainstem.processor.integrate.StepPlan.Arith;
import io.brainstem.processor.integrate.StepPlan.Diffusion;
import io.brainstem.processor.integrate.StepPlan.ExpEulerFactor;
import io.brainstem.processor.integrate.StepPlan.Let;
import io.brainstem.processor.integrate.StepPlan.Combined;
import io.brainstem.processor.integrate.StepPlan.Rate;
import io.brainstem.processor.integrate.StepPlan.SaveSlope;
import io.brainstem.processor.integrate.StepPlan.Slopes;
import io.brainstem.processor.integrate.StepPlan.StageState;
import io.brainstem.processor.integrate.StepPlan.StageTime;
import io.brainstem.processor.integrate.StepPlan.Stages;
import io.brainstem.processor.integrate.StepPlan.Tableau;
import io.brainstem.processor.integrate.StepPlan.StandardNormal;
import io.brainstem.processor.integrate.StepPlan.Step;
import io.brainstem.processor.integrate.StepPlan.Store;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.NeuronIR;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Renders a {@link StepPlan} as statements. Kernels inline each right-hand side; the debug loop
 * instead calls the user's {@code @Ode} method on the model instance {@code instance}, after
 * setting its state fields to the values the plan binds. Everything else is rendered identically,
 * which is what makes the two paths bit-identical.
 */
final class PlanRenderer {
  private final ModelIR model;
  private final ExprRenderer exprs;
  private final Vars vars;
  /** The debug instance's variable, or null for kernels. */
  private final String instance;
  /** The element index variable, which keys the element's noise. */
  private final String index;
  /** Where the noise's seed is read (a loop in another class asks the group). */
  private String seed = "this.noiseSeed";
  /** What {@code method()} is called on for a stage loop's tableau, with its dot. */
  private String methodOwner = "";
  /** The enclosing stage loop's stage variable while its body is rendered. */
  private String stage;
  /** Blocked kernels: the block's first element, or null for one loop per element. */
  private String block;
  /** Blocked kernels: names for the block arrays. */
  private LocalNames blockNames;
  /** Blocked kernels: the array each state lives in. */
  private Function<String, String> stateArrays;
  /** Blocked kernels: the end of the loop's range (its stage buffers' length). */
  private String rangeEnd;
  /** Blocked kernels: the number of the next slope buffers in the hoisted lets. */
  private int buffers;
  /** Blocked kernels: per slopes local, the array of its stage states or results. */
  private final Map<String, String> blockStates = new HashMap<>();
  /** Blocked kernels: per slopes local, the array of its results. */
  private final Map<String, String> blockResults = new HashMap<>();
  /** Blocked kernels: per slopes local, the array of the enclosing stage's slopes. */
  private final Map<String, String> blockSlopes = new HashMap<>();
  /** What each state field of the debug instance was last set to in this element's statements. */
  private final Map<String, String> synced = new HashMap<>();

  PlanRenderer(ModelIR model, Vars vars, String instance, String index) {
    this.model = model;
    this.vars = vars;
    this.exprs = new ExprRenderer(vars::name);
    this.instance = instance;
    this.index = index;
  }

  static PlanRenderer kernel(ModelIR model, Vars vars, String index) {
    return new PlanRenderer(model, vars, null, index);
  }

  static PlanRenderer debug(ModelIR model, Vars vars, String instance, String index) {
    return new PlanRenderer(model, vars, instance, index);
  }

  /** Reads the integrator from {@code owner + "method()"} ({@code ""}: this class's own). */
  void methodOwner(String owner) {
    this.methodOwner = owner;
  }

  /**
   * Renders the Runge–Kutta stages blocked: {@link #blockStages} runs them over a block starting
   * at {@code block}, the element loop then only reads the results ({@code stateArrays}: each
   * state's array; {@code names}: for the block arrays' locals; {@code rangeEnd}: the end of the
   * loop's range, the length of its stage buffers, indexed by the element).
   */
  void blocked(String block, LocalNames names, Function<String, String> stateArrays,
      String rangeEnd) {
    this.block = block;
    this.rangeEnd = rangeEnd;
    this.blockNames = names;
    this.stateArrays = stateArrays;
  }

  /** Whether {@code plan} has Runge–Kutta stages, which a blocked kernel runs apart. */
  static boolean staged(StepPlan plan) {
    return plan.perElement().stream().anyMatch(Stages.class::isInstance);
  }

  /**
   * (blocked) The stages of {@code plan} over the block {@code [block, blockEnd)}: per stage, each
   * state's stage states by {@code RungeKutta.stages}, then one element loop ({@code loads}, the
   * lets before the stages, the right-hand sides) storing the slopes; then each state's results.
   */
  CodeBlock blockStages(StepPlan plan, String blockEnd, Supplier<CodeBlock> loads) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<Step> before = new ArrayList<>();
    Stages stages = null;
    for (Step step : plan.perElement()) {
      if (step instanceof Stages st) {
        stages = st;
        break;
      }
      before.add(step);
    }
    Stages s = java.util.Objects.requireNonNull(stages);
    code.beginControlFlow("for (int $L = 0; $L < $L.stages(); $L++)",
        s.stage(), s.stage(), s.method(), s.stage());
    stage = s.stage();
    for (Step step : s.body()) {
      if (step instanceof Let let && let.value() instanceof StageState st) {
        String array = blockStates.computeIfAbsent(st.slopes(),
            k -> blockNames.allocate(st.state() + "_stages"));
        code.addStatement("final double[] $L = $L.stages($L, $L, $L, $L, $L, dt)", array,
            st.method(), stage, stateArrays.apply(st.state()), block, blockEnd, st.slopes());
      } else if (step instanceof SaveSlope save) {
        String array = blockSlopes.computeIfAbsent(save.slopes(),
            k -> blockNames.allocate(k.replaceAll("_k$", "") + "_slopes"));
        code.addStatement("final double[] $L = $L[$L]", array, save.slopes(), stage);
      }
    }
    // The element loop's loads are known once its statements are rendered (they mark the uses).
    CodeBlock.Builder rates = CodeBlock.builder();
    for (Step step : before) {
      if (step instanceof Let let) {
        rates.add(let(let));
      }
    }
    for (Step step : s.body()) {
      if (step instanceof Let let && let.value() instanceof StageState st) {
        rates.addStatement("final double $L = $L[$L]", let.name(), blockStates.get(st.slopes()),
            index);
      } else if (step instanceof SaveSlope save) {
        rates.addStatement("$L[$L] = $L", blockSlopes.get(save.slopes()), index,
            exprs.render(save.value()));
      } else {
        steps(List.of(step), rates);
      }
    }
    stage = null;
    CodeBlock body = rates.build();
    code.beginControlFlow("for (int $L = $L; $L < $L; $L++)", index, block, index, blockEnd, index)
        .add(Loads.readBy(loads.get(), body))
        .add(body)
        .endControlFlow()
        .endControlFlow();
    for (Step step : plan.perElement()) {
      if (step instanceof Let let && let.value() instanceof Combined c) {
        String array = blockResults.computeIfAbsent(c.slopes(),
            k -> blockNames.allocate(c.state() + "_results"));
        code.addStatement("final double[] $L = $L.stages($L.stages(), $L, $L, $L, $L, dt)", array,
            c.method(), c.method(), stateArrays.apply(c.state()), block, blockEnd, c.slopes());
      }
    }
    return code.build();
  }

  /** Reads the noise's seed from {@code expression} instead of the field. */
  void seed(String expression) {
    this.seed = expression;
  }

  CodeBlock expr(Expr e) {
    return exprs.render(e);
  }

  CodeBlock hoisted(StepPlan plan) {
    buffers = 0;
    return lets(plan.hoisted());
  }

  CodeBlock perElement(StepPlan plan) {
    synced.clear();
    CodeBlock.Builder code = CodeBlock.builder();
    steps(plan.perElement(), code);
    if (instance != null) {
      restoreInputs(plan, code);
    }
    return code.build();
  }

  private void steps(List<Step> steps, CodeBlock.Builder code) {
    Map<String, String> direct = directResults(steps);
    for (Step step : steps) {
      if (block != null && step instanceof Stages) {
        continue;
      } else if (block != null && step instanceof Let let && let.value() instanceof Combined c) {
        String result = CodeBlock.of("$L[$L]", blockResults.get(c.slopes()), index).toString();
        if (direct.containsKey(let.name())) {
          code.addStatement("$L = $L", direct.get(let.name()), result);
        } else {
          code.addStatement("final double $L = $L", let.name(), result);
        }
      } else if (step instanceof Let let && direct.containsKey(let.name())) {
        Combined c = (Combined) let.value();
        code.addStatement("$L = $L.step($L, $L, dt)", direct.get(let.name()), c.method(),
            c.state(), c.slopes());
      } else if (step instanceof Store store && store.value() instanceof Ref r
          && direct.containsKey(r.name())) {
        continue;
      } else if (step instanceof Let let) {
        code.add(let(let));
      } else if (step instanceof Stages stages) {
        code.beginControlFlow("for (int $L = 0; $L < $L.stages(); $L++)",
            stages.stage(), stages.stage(), stages.method(), stages.stage());
        // Each stage gives the debug instance's fields new values under the same names.
        synced.clear();
        stage = stages.stage();
        steps(stages.body(), code);
        stage = null;
        synced.clear();
        code.endControlFlow();
      } else if (step instanceof SaveSlope save) {
        code.addStatement("$L[$L] = $L", save.slopes(), stage, exprs.render(save.value()));
      } else {
        Store store = (Store) step;
        code.addStatement("$L = $L", store.state(), exprs.render(store.value()));
      }
    }
  }

  /**
   * The Runge–Kutta results stored as they are, by local: each state's is assigned where it is
   * computed, since it reads only that state and its slopes; not with noise, whose lets after it
   * read the states at the start of the step.
   */
  static Map<String, String> directResults(List<Step> steps) {
    Map<String, String> direct = new HashMap<>();
    if (steps.stream().anyMatch(s -> s instanceof Let l && (l.value() instanceof Diffusion
        || l.value() instanceof StandardNormal))) {
      return direct;
    }
    Map<String, String> combined = new HashMap<>();
    for (Step step : steps) {
      if (step instanceof Let let && let.value() instanceof Combined c) {
        combined.put(let.name(), c.state());
      } else if (step instanceof Store store && store.value() instanceof Ref r
          && store.state().equals(combined.get(r.name()))) {
        direct.put(r.name(), store.state());
      }
    }
    return direct;
  }

  /**
   * (debug) After a staged plan set an input field to its stage values: back to the step's value,
   * kept in a local, for the threshold and reset.
   */
  private void restoreInputs(StepPlan plan, CodeBlock.Builder code) {
    if (!(model instanceof NeuronIR neuron)) {
      return;
    }
    for (String input : neuron.inputs()) {
      if (synced.get(input) == null) {
        continue;
      }
      for (Step step : plan.perElement()) {
        if (step instanceof Let let && let.value() instanceof Arith a
            && a.expr() instanceof Ref r && r.kind() == Expr.RefKind.INPUT
            && r.name().equals(input)) {
          code.addStatement("$L.$L = $L", instance, input, let.name());
        }
      }
    }
  }

  private CodeBlock lets(List<Let> lets) {
    return lets.stream().map(this::let).collect(CodeBlock.joining(""));
  }

  CodeBlock let(Let let) {
    CodeBlock.Builder code = CodeBlock.builder();
    StepPlan.Value value = let.value();
    if (value instanceof Arith a) {
      code.addStatement("final double $L = $L", let.name(), exprs.render(a.expr()));
    } else if (value instanceof ExpEulerFactor f) {
      Expr exponent = Exprs.mul(Exprs.dt(), f.linearPart());
      code.addStatement("final double $L = dt * $T.exprel($L)",
          let.name(), RuntimeNames.EXPREL, exprs.render(exponent));
    } else if (value instanceof Diffusion d) {
      code.add("// noise on $L: $L · dW\n", d.noise().state(), d.noise().sourceText());
      CodeBlock evaluation = instance == null
          ? exprs.render(d.inlined())
          : call(d.noise().methodName(), d.noise().argNames(), d.bindings(), code);
      code.addStatement("final double $L = $L", let.name(), evaluation);
    } else if (value instanceof Tableau) {
      code.addStatement("final $T $L = $T.of($Lmethod())", RuntimeNames.RUNGE_KUTTA, let.name(),
          RuntimeNames.RUNGE_KUTTA, methodOwner);
    } else if (value instanceof Slopes && block != null) {
      code.addStatement("final double[][] $L = $T.buffers($L, $L)", let.name(),
          RuntimeNames.RUNGE_KUTTA, buffers++, rangeEnd);
    } else if (value instanceof Slopes slopes) {
      code.addStatement("final double[] $L = $L.slopes()", let.name(), slopes.method());
    } else if (value instanceof StageState st) {
      code.addStatement("final double $L = $L.stage($L, $L, $L, dt)", let.name(), st.method(),
          stage, st.state(), st.slopes());
    } else if (value instanceof StageTime time) {
      code.addStatement("final double $L = $L.time($L, $L, dt)", let.name(), time.method(), stage,
          exprs.render(time.time()));
    } else if (value instanceof Combined c) {
      code.addStatement("final double $L = $L.step($L, $L, dt)", let.name(), c.method(),
          c.state(), c.slopes());
    } else if (value instanceof StandardNormal draw) {
      // Keyed by the absolute step, so ranges and threads draw the same numbers.
      code.addStatement("final double $L = $T.at($L, $L, $T.round(t / dt), $L)",
          let.name(), RuntimeNames.GAUSSIAN, seed, index, Math.class, draw.stream());
    } else {
      Rate rate = (Rate) value;
      if (rate.bindings().isEmpty()) {
        code.add("// d$L/dt = $L\n", rate.ode().state(), Members.oneLine(rate.ode().sourceText()));
      }
      CodeBlock evaluation = instance == null
          ? exprs.render(rate.inlined())
          : call(rate.ode().methodName(), rate.ode().argNames(), rate.bindings(), code);
      code.addStatement("final double $L = $L", let.name(), evaluation);
    }
    return code.build();
  }

  /** (debug) The call of the user's method {@code method(args)}, after syncing states. */
  private CodeBlock call(
      String method, List<String> argNames, Map<String, Ref> bindings, CodeBlock.Builder code) {
    // The method may read any state field; set those whose value changed since the last call.
    for (ModelIR.State s : model.states()) {
      Ref bound = bindings.get(s.name());
      String value = bound != null ? bound.name() : s.name();
      if (!value.equals(synced.put(s.name(), value))) {
        code.addStatement("$L.$L = $L", instance, s.name(), value);
      }
    }
    // A staged plan binds inputs (and a synapse's @Post field) to stage values too.
    for (String field : boundFields()) {
      Ref bound = bindings.get(field);
      if (bound != null && !bound.name().equals(synced.put(field, bound.name()))) {
        code.addStatement("$L.$L = $L", instance, field, bound.name());
      }
    }
    CodeBlock args = argNames.stream()
        .map(arg -> {
          Ref bound = bindings.get(arg);
          return CodeBlock.of("$L", bound != null ? bound.name() : vars.name(vars.ref(arg)));
        })
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("$L.$L($L)", instance, method, args);
  }

  /** The instance fields other than states that a plan may bind: inputs and {@code @Post} fields. */
  private List<String> boundFields() {
    List<String> fields = new ArrayList<>();
    if (model instanceof NeuronIR neuron) {
      fields.addAll(neuron.inputs());
    } else if (model instanceof SynapseIR synapse) {
      synapse.posts().forEach(p -> fields.add(p.fieldName()));
    }
    return fields;
  }
}
