package io.brainstem.processor.check;

import io.brainstem.processor.integrate.EventDriven;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Assign.AssignOp;
import io.brainstem.processor.ir.Expr;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.parse.Member;
import io.brainstem.processor.parse.ParsedModel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Rules on where synapse variables live ({@code @PerSynapse}, {@code @PerPre}, or per postsynaptic
 * neuron without a marker). The key one: an {@code @OnPre} runs once per synapse, so a lumped
 * (per-postsynaptic-neuron) state it updates is shared by every presynaptic partner, and only an
 * update whose result does not depend on how many partners spiked, or in which order, is exact.
 */
public final class SynapseHomeRules {
  private final Diagnostics diagnostics;

  public SynapseHomeRules(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(ParsedModel model) {
    if (model.kind() == ModelIR.Kind.NEURON) {
      for (Member<ModelIR.Home> home : model.homes()) {
        diagnostics.error(
            ErrorCode.HOME_ON_NEURON,
            home.element(),
            home.annotation(),
            marker(home.value()) + " on '" + home.name() + "' of neuron model "
                + model.type().getSimpleName() + ": only a synapse's variables have a home other"
                + " than their neuron",
            "Remove " + marker(home.value()) + "; every neuron variable is per neuron.");
      }
      for (Member<ModelIR.Ode> ode : model.eventOdes()) {
        diagnostics.error(
            ErrorCode.EVENT_DRIVEN_NOT_LINEAR,
            ode.element(),
            ode.annotation(),
            "@Ode of '" + ode.name() + "' is eventDriven, but " + model.type().getSimpleName()
                + " is a neuron model: only a synapse's states are advanced at events",
            "Remove 'eventDriven = true'; a neuron's states are integrated every step.");
      }
      return;
    }
    Set<String> lumped = model.states().stream().map(Member::name)
        .filter(s -> model.home(s).isEmpty()).collect(Collectors.toSet());
    Set<String> eventDriven = model.eventOdes().stream().map(Member::name)
        .collect(Collectors.toSet());
    Set<String> integratedPerSynapse = model.odes().stream()
        .filter(o -> !ParsedModel.eventDriven(o)).map(Member::name)
        .filter(s -> model.home(s).orElse(null) == ModelIR.Home.SYNAPSE)
        .collect(Collectors.toSet());
    for (Member<ModelIR.Ode> ode : model.odes()) {
      ModelIR.Home home = model.home(ode.name()).orElse(null);
      if (ParsedModel.eventDriven(ode)) {
        eventOde(model, ode);
      } else if (home == ModelIR.Home.PRE) {
        odeUnsupported(model, ode, "@Ode");
      } else if (home == ModelIR.Home.SYNAPSE) {
        perSynapseOde(ode, integratedPerSynapse);
      } else {
        lumpedReads(model, ode, "@Ode of '" + ode.name() + "'", ode.value().rhs(),
            ode.value().locals().values());
        clockReadsEventDriven(ode, "@Ode of '" + ode.name() + "'", eventDriven,
            concat(ode.value().rhs(), ode.value().locals().values()));
      }
    }
    for (Member<ModelIR.Noise> noise : model.noises()) {
      if (model.home(noise.name()).isPresent()) {
        odeUnsupported(model, noise, "@Noise");
      } else {
        lumpedReads(model, noise, "@Noise of '" + noise.name() + "'", noise.value().diffusion(),
            noise.value().locals().values());
        clockReadsEventDriven(noise, "@Noise of '" + noise.name() + "'", eventDriven,
            concat(noise.value().diffusion(), noise.value().locals().values()));
      }
    }
    for (Member<ModelIR.Output> output : model.outputs()) {
      lumpedReads(model, output, "@Output", output.value().value(), List.of());
      clockReadsEventDriven(output, "@Output", eventDriven,
          concat(output.value().value(), output.value().locals().values()));
    }
    for (Member<ModelIR.Action> onPre : model.onPres()) {
      List<String> shared = new java.util.ArrayList<>();
      Set<String> sharedNames = new java.util.LinkedHashSet<>();
      for (Assign a : onPre.value().assignments()) {
        if (model.home(a.state()).orElse(null) == ModelIR.Home.PRE) {
          oncePerSpike(model, onPre, a, ModelIR.Home.PRE);
        } else if (lumped.contains(a.state()) && !exactWhenShared(a, lumped, model)) {
          shared.add("'" + a.state() + " " + a.op().symbol + " ...'");
          sharedNames.add(a.state());
        }
      }
      readBeforeOncePerSpikeWrite(model, onPre, ModelIR.Home.PRE);
      if (!shared.isEmpty()) {
        String names = String.join(", ", sharedNames);
        diagnostics.error(
            ErrorCode.SHARED_STATE_NOT_ADDITIVE,
            onPre.element(),
            onPre.annotation(),
            "@OnPre updates " + String.join(", ", shared) + ", but " + names + " (no @PerSynapse"
                + " or @PerPre) " + (sharedNames.size() == 1 ? "is" : "are") + " one value per"
                + " postsynaptic neuron, shared by all its presynaptic partners, so the result"
                + " would depend on how many partners spike and in which order (a Tsodyks-Markram"
                + " u or x is right for one partner only). A shared state may only be added to"
                + " ('g += e', 'g -= e', 'g = g + e') or set to the same value for every partner"
                + " ('g = e'), e reading no shared state (and, to set, no @PerSynapse or @PerPre"
                + " variable)",
            "Give the state the rule needs one value per synapse ('@State @PerSynapse double "
                + sharedNames.iterator().next() + "') or per presynaptic neuron ('@PerPre'),"
                + " and keep the shared state additive, e.g. 'g += w * u * x'.");
      }
    }
    for (Member<ModelIR.Action> onPost : model.onPosts()) {
      for (Assign a : onPost.value().assignments()) {
        ModelIR.Home home = model.home(a.state()).orElse(null);
        if (home == ModelIR.Home.PRE) {
          diagnostics.error(
              ErrorCode.EVENT_WRITE_HOME,
              onPost.element(),
              onPost.annotation(),
              "@OnPost writes '" + a.state() + "', a @PerPre variable: the body runs once per"
                  + " synapse of the postsynaptic neuron that spiked, so the write would repeat"
                  + " once per synapse and depend on the order of the threads",
              "Write '" + a.state() + "' in @OnPre (once per presynaptic spike), or make it"
                  + " @PerSynapse.");
        } else if (home == null) {
          oncePerSpike(model, onPost, a, null);
        }
      }
      readBeforeOncePerSpikeWrite(model, onPost, null);
    }
  }

  /**
   * An {@code @OnPre} write of a {@code @PerPre} variable, or an {@code @OnPost} write of a
   * per-postsynaptic one, runs once per spike: its value may read only variables of that home.
   */
  private void oncePerSpike(ParsedModel model, Member<ModelIR.Action> event, Assign a,
      ModelIR.Home home) {
    Set<String> other = new TreeSet<>();
    for (Ref r : Exprs.refs(a.value())) {
      boolean variable = r.kind() == RefKind.STATE || r.kind() == RefKind.PARAM
          || r.kind() == RefKind.POST;
      ModelIR.Home refHome = r.kind() == RefKind.POST ? null : model.home(r.name()).orElse(null);
      if (variable && refHome != home) {
        other.add(r.name());
      }
    }
    if (other.isEmpty()) {
      return;
    }
    boolean pre = home == ModelIR.Home.PRE;
    diagnostics.error(
        pre ? ErrorCode.PRE_WRITTEN : ErrorCode.EVENT_WRITE_HOME,
        event.element(),
        event.annotation(),
        (pre ? "@OnPre" : "@OnPost") + " writes '" + a.state() + "', " + (pre
            ? "a @PerPre variable, which happens once per presynaptic spike"
            : "a per-postsynaptic variable, which happens once per postsynaptic spike")
            + " (not once per synapse), but its value reads " + other + ", which "
            + (other.size() == 1 ? "differs" : "differ") + " between the neuron's synapses",
        "Compute '" + a.state() + "' from " + (pre ? "@PerPre" : "per-postsynaptic (unmarked) and"
            + " @Post") + " variables only, or make it @PerSynapse.");
  }

  /**
   * The once-per-spike writes run before the per-synapse statements: a per-synapse statement may
   * not read such a variable before the write that comes after it in the body.
   */
  private void readBeforeOncePerSpikeWrite(ParsedModel model, Member<ModelIR.Action> event,
      ModelIR.Home home) {
    List<Assign> body = event.value().assignments();
    for (int n = 0; n < body.size(); n++) {
      Assign later = body.get(n);
      if (model.home(later.state()).orElse(null) != home || isPost(model, later.state())) {
        continue;
      }
      for (int m = 0; m < n; m++) {
        Assign earlier = body.get(m);
        boolean perSynapse = model.home(earlier.state()).orElse(null) != home;
        if (perSynapse && Exprs.mentions(earlier.value(), later.state())) {
          boolean pre = home == ModelIR.Home.PRE;
          diagnostics.error(
              pre ? ErrorCode.PRE_WRITTEN : ErrorCode.EVENT_WRITE_HOME,
              event.element(),
              event.annotation(),
              "'" + earlier.state() + " " + earlier.op().symbol + " ...' reads '" + later.state()
                  + "' before the body writes it, but the writes of " + (pre ? "@PerPre" :
                  "per-postsynaptic") + " variables run once per spike, before the per-synapse"
                  + " statements, so it would read the value after the write",
              "Move the write of '" + later.state() + "' before the statements that read it.");
          return;
        }
      }
    }
  }

  private static boolean isPost(ParsedModel model, String name) {
    return model.posts().stream().anyMatch(p -> p.name().equals(name));
  }

  /** An event-driven ODE must be linear and autonomous, with coefficients of its owner's home. */
  private void eventOde(ParsedModel model, Member<ModelIR.Ode> ode) {
    ModelIR.Home home = model.home(ode.name()).orElse(null);
    Set<String> bad = new TreeSet<>();
    for (Ref r : EventDriven.otherRefs(ode.value())) {
      ModelIR.Home refHome = model.home(r.name()).orElse(null);
      boolean readable = r.kind() == RefKind.PARAM && (refHome == home
          || (home == ModelIR.Home.SYNAPSE));
      if (!readable) {
        bad.add(r.kind() == RefKind.TIME ? "t" : r.name());
      }
    }
    String where = home == null ? "per postsynaptic neuron" : home == ModelIR.Home.PRE
        ? "per presynaptic neuron" : "per synapse";
    if (!bad.isEmpty()) {
      diagnostics.error(
          ErrorCode.EVENT_DRIVEN_NOT_LINEAR,
          ode.element(),
          ode.annotation(),
          "@Ode of '" + ode.name() + "' is eventDriven, so it is advanced in closed form from its"
              + " last update, but it reads " + bad + ": an event-driven ODE may read only its own"
              + " state and parameters that live " + where + (home == ModelIR.Home.SYNAPSE
              ? " (or per presynaptic or postsynaptic neuron)" : ""),
          "Remove 'eventDriven = true' to integrate it every step, or write it as a linear"
              + " function of '" + ode.name() + "' with parameter coefficients, e.g. '-"
              + ode.name() + " / tau'.");
    } else if (!EventDriven.isLinear(ode.value())) {
      diagnostics.error(
          ErrorCode.EVENT_DRIVEN_NOT_LINEAR,
          ode.element(),
          ode.annotation(),
          "@Ode of '" + ode.name() + "' is eventDriven, but it is not linear in '" + ode.name()
              + "': only 'a * " + ode.name() + " + b' has the closed form event-driven"
              + " integration uses",
          "Remove 'eventDriven = true' to integrate it every step.");
    }
  }

  /** Clock-driven code runs every step and would read an event-driven state's stale value. */
  private void clockReadsEventDriven(Member<?> member, String what, Set<String> eventDriven,
      List<Expr> parts) {
    Set<String> read = new TreeSet<>();
    for (Expr e : parts) {
      for (Ref r : Exprs.refs(e)) {
        if (r.kind() == RefKind.STATE && eventDriven.contains(r.name())) {
          read.add(r.name());
        }
      }
    }
    if (read.isEmpty()) {
      return;
    }
    diagnostics.error(
        ErrorCode.EVENT_DRIVEN_READ_BY_CLOCK,
        member.element(),
        member.annotation(),
        what + " runs every step, but reads " + read + ", integrated event-driven: between events"
            + " the stored value is that of the last event",
        "Read it only in @OnPre or @OnPost, or remove 'eventDriven = true' from its @Ode.");
  }

  /**
   * True when {@code a}, applied once per partner's spike in any order, gives the same shared
   * value: an addition of a term reading no shared state, or a set to a partner-independent value.
   */
  private static boolean exactWhenShared(Assign a, Set<String> lumped, ParsedModel model) {
    if (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB) {
      return !readsAny(a.value(), lumped);
    }
    if (a.op() != AssignOp.SET) {
      return false;
    }
    if (a.value() instanceof Expr.Binary b
        && (b.op() == Expr.BinOp.ADD || b.op() == Expr.BinOp.SUB)) {
      if (isRef(b.left(), a.state()) && !readsAny(b.right(), lumped)) {
        return true;
      }
      if (b.op() == Expr.BinOp.ADD && isRef(b.right(), a.state()) && !readsAny(b.left(), lumped)) {
        return true;
      }
    }
    Set<String> partnerDependent = model.homes().stream().map(Member::name)
        .collect(Collectors.toSet());
    return !readsAny(a.value(), lumped) && !readsAny(a.value(), partnerDependent);
  }

  private static boolean isRef(Expr e, String name) {
    return e instanceof Ref r && r.name().equals(name) && r.kind() == RefKind.STATE;
  }

  private static boolean readsAny(Expr e, Set<String> names) {
    return Exprs.refs(e).stream().anyMatch(r -> (r.kind() == RefKind.STATE
        || r.kind() == RefKind.PARAM) && names.contains(r.name()));
  }

  /** Per-postsynaptic-neuron code ({@code @Output}, lumped ODEs) cannot read a synapse's value. */
  private void lumpedReads(ParsedModel model, Member<?> member, String what, Expr value,
      java.util.Collection<Expr> locals) {
    Set<String> homed = new TreeSet<>();
    Set<String> names = model.homes().stream().map(Member::name).collect(Collectors.toSet());
    for (Expr e : concat(value, locals)) {
      for (Ref r : Exprs.refs(e)) {
        if ((r.kind() == RefKind.STATE || r.kind() == RefKind.PARAM) && names.contains(r.name())) {
          homed.add(r.name());
        }
      }
    }
    if (homed.isEmpty()) {
      return;
    }
    diagnostics.error(
        ErrorCode.LUMPED_READS_SYNAPSE,
        member.element(),
        member.annotation(),
        what + " runs once per postsynaptic neuron, but reads " + homed + ", which "
            + (homed.size() == 1 ? "has" : "have") + " one value per synapse or per presynaptic"
            + " neuron",
        "Move the per-synapse part into @OnPre and let it add to a per-postsynaptic state"
            + " (e.g. 'g += w'), which the @Output then reads.");
  }

  private static List<Expr> concat(Expr value, java.util.Collection<Expr> locals) {
    List<Expr> all = new java.util.ArrayList<>(locals);
    all.add(value);
    return all;
  }

  /**
   * A per-synapse ODE is integrated clock-driven over every synapse: it may read parameters (of
   * any home), {@code @Post} fields and per-synapse states with an ODE of their own, which the
   * same loop integrates.
   */
  private void perSynapseOde(Member<ModelIR.Ode> ode, Set<String> integratedPerSynapse) {
    Set<String> unsupported = new TreeSet<>();
    for (Expr e : concat(ode.value().rhs(), ode.value().locals().values())) {
      for (Ref r : Exprs.refs(e)) {
        if (r.kind() == RefKind.TIME) {
          unsupported.add("t");
        } else if (r.kind() == RefKind.STATE && !integratedPerSynapse.contains(r.name())) {
          unsupported.add(r.name());
        }
      }
    }
    if (unsupported.isEmpty()) {
      return;
    }
    diagnostics.error(
        ErrorCode.SYNAPSE_ODE_UNSUPPORTED,
        ode.element(),
        ode.annotation(),
        "@Ode of '" + ode.name() + "', a @PerSynapse state, reads " + unsupported + ": a"
            + " per-synapse ODE is integrated over every synapse each step, and may read only"
            + " parameters, @Post fields and @PerSynapse states with an @Ode of their own (others"
            + " are not supported; an event-driven ODE may read only its own state)",
        "Read only per-synapse states that are integrated too, parameters and @Post fields.");
  }

  private void odeUnsupported(ParsedModel model, Member<?> member, String what) {
    String home = marker(model.home(member.name()).orElseThrow());
    diagnostics.error(
        ErrorCode.SYNAPSE_ODE_UNSUPPORTED,
        member.element(),
        member.annotation(),
        what + " of '" + member.name() + "', a " + home + " state: "
            + (what.equals("@Ode") ? "integrating per-presynaptic states every step" : "noise on"
                + " per-synapse and per-presynaptic states") + " is not supported",
        what.equals("@Ode")
            ? "Add 'eventDriven = true' to the @Ode (a linear ODE, advanced at events), make the"
                + " state @PerSynapse (its @Ode is then integrated over every synapse), or update"
                + " it only in @OnPre."
            : "Keep the noise on a per-postsynaptic state.");
  }

  private static String marker(ModelIR.Home home) {
    return home == ModelIR.Home.SYNAPSE ? "@PerSynapse" : "@PerPre";
  }
}
