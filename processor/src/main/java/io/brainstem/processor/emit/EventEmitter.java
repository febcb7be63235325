package io.brainstem.processor.emit;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PRIVATE;
import static javax.lang.model.element.Modifier.PROTECTED;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import io.brainstem.processor.integrate.EventDriven;
import io.brainstem.processor.integrate.Exprs;
import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.ir.Assign;
import io.brainstem.processor.ir.Expr.Ref;
import io.brainstem.processor.ir.Expr.RefKind;
import io.brainstem.processor.ir.ModelIR.Action;
import io.brainstem.processor.ir.ModelIR.Home;
import io.brainstem.processor.ir.ModelIR.Ode;
import io.brainstem.processor.ir.ModelIR.SynapseVar;
import io.brainstem.processor.ir.SynapseIR;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event code of a plastic {@code @Synapse} (one with an {@code @OnPost}, an event-driven
 * {@code @Ode}, or an {@code @OnPre} writing a {@code @PerPre} variable), Brian2's order:
 *
 * <ol>
 *   <li>{@code preEvents}, once per step before any range (from {@code beginStep}): per
 *       presynaptic spike due, its {@code @PerPre} event-driven states advance to the event and
 *       the {@code @OnPre} writes of {@code @PerPre} variables run, once per spike;
 *   <li>{@code deliverEvents}, per range of postsynaptic neurons: the rest of {@code @OnPre} per
 *       synapse of each spike, after advancing the synapse's and its target's event-driven
 *       states;
 *   <li>{@code deliverPost}, per range: per postsynaptic neuron that spiked last step, its
 *       event-driven states advance, the {@code @OnPost} writes of per-postsynaptic variables run
 *       once, then the rest of {@code @OnPost} on each of its synapses (by the by-postsynaptic
 *       index, ascending presynaptic order), reading the presynaptic event-driven states advanced
 *       to the event without storing them (another range may own nothing of them).
 * </ol>
 *
 * Each range writes only its targets' and their synapses' values, and {@code preEvents} runs
 * alone, so any thread count gives the same result. The event time is {@code t - dt}: the start of
 * the step whose spikes are delivered (Brian2's {@code t} of the event).
 *
 * <p>With {@code jit(false)} (double storage), {@code deliverEventsDebug} and
 * {@code deliverPostDebug} call the user's own {@code @OnPre} and {@code @OnPost} once per
 * synapse instead of the per-synapse statements: the model instance gets the variables as the
 * kernel has them, except those the event writes once per spike, which it gets as they were just
 * before those writes ({@code preEvents} keeps the presynaptic ones), so the method's own
 * once-per-spike statements recompute the values the kernel stored, and only its per-synapse
 * writes are kept. The once-per-spike parts stay kernels (they must run for a neuron without
 * synapses too). Under float storage the kernel's per-synapse part reads once-per-spike values
 * rounded to float, which a call of the whole method cannot reproduce: {@code jit(false)} then
 * runs the kernels.
 */
final class EventEmitter {
  private final SynapseIR model;
  private final GeneratedNames generated;
  private final LocalNames names;
  private final String j;
  private final String k;
  private final String pre;
  private final String from;
  private final String to;
  private final String tEvent;
  private final String lastPre;
  private final String lastPost;
  private final String lastSynapse;
  private final String postIndptr;
  private final String postSynapses;
  private final String postEntries;
  private final String postShift;
  private final String postMask;
  /** The presynaptic neuron of each by-postsynaptic entry; null unless @OnPost reads one. */
  private final String postPre;

  EventEmitter(SynapseIR model, GeneratedNames generated, LocalNames names, String j, String k,
      String pre, String from, String to) {
    this.model = model;
    this.generated = generated;
    this.names = names;
    this.j = j;
    this.k = k;
    this.pre = pre;
    this.from = from;
    this.to = to;
    this.tEvent = names.allocate("tEvent");
    this.lastPre = eventVars(Home.PRE).isEmpty() ? null : generated.member("lastupdate_pre");
    this.lastPost = eventVars(null).isEmpty() ? null : generated.member("lastupdate_post");
    this.lastSynapse = eventVars(Home.SYNAPSE).isEmpty() ? null : generated.member("lastupdate");
    this.postIndptr = model.onPost().isPresent() ? generated.member("postIndptr") : null;
    this.postSynapses = model.onPost().isPresent() ? generated.member("postSynapses") : null;
    this.postEntries = model.onPost().isPresent() ? generated.member("postEntries") : null;
    this.postShift = model.onPost().isPresent() ? generated.member("postShift") : null;
    this.postMask = model.onPost().isPresent() ? generated.member("postMask") : null;
    this.postPre = onPostReadsPre() ? generated.member("postPre") : null;
  }

  /**
   * Whether {@code @OnPost} reads a presynaptic variable: its synapse loop then needs each
   * synapse's presynaptic neuron. The packed entries carry it; when they do not fit, an array of
   * them (4 bytes per synapse) costs less than finding the row by binary search per synapse, which
   * made @OnPost the bulk of an STDP network's step.
   */
  private boolean onPostReadsPre() {
    if (model.onPost().isEmpty()) {
      return false;
    }
    // as deliverPost decides: the per-synapse statements and the synapse's event-driven ODEs
    for (String v : refs(perSynapse(model, model.onPost(), null), eventVars(Home.SYNAPSE))) {
      if (model.homeOf(v) == Home.PRE) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code model} needs this emitter's event code instead of the plain delivery. */
  static boolean applies(SynapseIR model) {
    return model.onPost().isPresent() || !model.eventOdes().isEmpty()
        || !oncePerSpike(model, model.onPre(), Home.PRE).isEmpty();
  }

  /** The assignments of {@code event} that run once per spike: those writing {@code home}. */
  static List<Assign> oncePerSpike(SynapseIR model, Optional<Action> event, Home home) {
    return event.map(a -> a.assignments().stream()
        .filter(s -> model.homeOf(s.state()) == home && !isPost(model, s.state())).toList())
        .orElse(List.of());
  }

  private static List<Assign> perSynapse(SynapseIR model, Optional<Action> event, Home once) {
    return event.map(a -> a.assignments().stream()
        .filter(s -> model.homeOf(s.state()) != once || isPost(model, s.state())).toList())
        .orElse(List.of());
  }

  private static boolean isPost(SynapseIR model, String name) {
    return model.posts().stream().anyMatch(p -> p.fieldName().equals(name));
  }

  /** The event-driven ODEs of states living in {@code home} (null: per postsynaptic neuron). */
  private List<Ode> eventVars(Home home) {
    return model.eventOdes().stream().filter(o -> model.homeOf(o.state()) == home).toList();
  }

  /** The last-update times and the by-postsynaptic index. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    if (lastPre != null) {
      fields.add(timeField(lastPre, "presynaptic neuron"));
    }
    if (lastPost != null) {
      fields.add(timeField(lastPost, "postsynaptic neuron"));
    }
    if (lastSynapse != null) {
      fields.add(timeField(lastSynapse, "synapse, in CSR order,"));
    }
    if (postIndptr != null) {
      fields.add(FieldSpec.builder(int[].class, postIndptr, PRIVATE, FINAL)
          .addJavadoc("Where each postsynaptic neuron's synapses start in {@code $L}.\n",
              postSynapses).build());
      fields.add(FieldSpec.builder(int[].class, postEntries, PRIVATE, FINAL)
          .addJavadoc("The synapses by postsynaptic neuron, each neuron's in ascending presynaptic "
              + "order, packed: presynaptic neuron {@code >>> $L}, offset in its row {@code & $L};"
              + " null when they do not fit 32 bits.\n", postShift, postMask).build());
      fields.add(FieldSpec.builder(int.class, postShift, PRIVATE, FINAL)
          .addJavadoc("The shift from an entry of {@code $L} to its presynaptic neuron.\n",
              postEntries).build());
      fields.add(FieldSpec.builder(int.class, postMask, PRIVATE, FINAL)
          .addJavadoc("The mask from an entry of {@code $L} to its offset in the row.\n",
              postEntries).build());
      fields.add(FieldSpec.builder(int[].class, postSynapses, PRIVATE, FINAL)
          .addJavadoc("The synapses (CSR positions) by postsynaptic neuron when {@code $L} is "
              + "null, else null.\n", postEntries).build());
    }
    if (postPre != null) {
      fields.add(FieldSpec.builder(int[].class, postPre, PRIVATE, FINAL)
          .addJavadoc("The presynaptic neuron of each synapse of {@code $L}, or null.\n",
              postSynapses).build());
    }
    for (String v : written(oncePerSpike(model, model.onPre(), Home.PRE))) {
      fields.add(FieldSpec.builder(double[].class, beforeOnPre(v), PRIVATE, FINAL)
          .addJavadoc("{@code $L} of each presynaptic neuron just before the once-per-spike writes"
              + " of its last spike, for the user's {@code @OnPre} under {@code jit(false)}.\n", v)
          .build());
    }
    return fields;
  }

  private static FieldSpec timeField(String name, String owner) {
    return FieldSpec.builder(double[].class, name, PRIVATE, FINAL)
        .addJavadoc("The time (ms) each $L's event-driven states were last advanced to.\n", owner)
        .build();
  }

  /** The constructor's statements for {@link #fields()}. */
  CodeBlock init() {
    CodeBlock.Builder code = CodeBlock.builder();
    if (lastPre != null) {
      code.addStatement("this.$L = eventTimes($S, pre.size())", lastPre, lastPre);
    }
    if (lastPost != null) {
      code.addStatement("this.$L = eventTimes($S, post.size())", lastPost, lastPost);
    }
    if (lastSynapse != null) {
      code.addStatement("this.$L = eventTimes($S, synapseCount())", lastSynapse, lastSynapse);
    }
    if (postIndptr != null) {
      code.addStatement("this.$L = postIndptr()", postIndptr)
          .addStatement("this.$L = postEntries()", postEntries)
          .addStatement("this.$L = postShift()", postShift)
          .addStatement("this.$L = postMask()", postMask)
          .addStatement("this.$L = $L == null ? postSynapses() : null", postSynapses, postEntries);
    }
    if (postPre != null) {
      code.addStatement("this.$L = $L == null ? postPresynaptic() : null", postPre, postEntries);
    }
    for (String v : written(oncePerSpike(model, model.onPre(), Home.PRE))) {
      code.addStatement("this.$L = new double[pre.size()]", beforeOnPre(v));
    }
    return code.build();
  }

  private String beforeOnPre(String v) {
    return generated.member(GeneratedNames.BEFORE_ON_PRE + v);
  }

  /** Whether {@code jit(false)} under double storage calls the user's {@code @OnPre}. */
  boolean debugsOnPre() {
    return model.onPre().isPresent();
  }

  /**
   * {@code m.x = x;} for every variable {@code action} reads or writes (those in {@code before}
   * from their value before the once-per-spike writes), the call, then {@code x = m.x;} for the
   * variables in {@code keep}.
   */
  private CodeBlock callUser(String m, Action action, java.util.Map<String, String> before,
      Set<String> keep) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (String v : refs(action.assignments(), List.of())) {
      code.addStatement("$L.$L = $L", m, v, before.getOrDefault(v, v));
    }
    code.addStatement("$L.$L()", m, action.methodName());
    for (String v : keep) {
      code.addStatement("$L = $L.$L", v, m, v);
    }
    return code.build();
  }

  /** Whether a once-per-presynaptic-spike part exists, run by {@code beginEvents}. */
  boolean hasPreEvents() {
    return lastPre != null || !oncePerSpike(model, model.onPre(), Home.PRE).isEmpty();
  }

  /** {@code beginEvents(t, dt)}: the presynaptic part, once per step, for either storage. */
  MethodSpec beginEvents() {
    return MethodSpec.methodBuilder("beginEvents")
        .addAnnotation(Override.class)
        .addModifiers(PROTECTED)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .beginControlFlow("if (precision() == $T.FLOAT)", RuntimeNames.PRECISION)
        .addStatement("preEventsFloat(t, dt)")
        .nextControlFlow("else")
        .addStatement("preEvents(t, dt)")
        .endControlFlow()
        .build();
  }

  /** Per presynaptic spike due: advance its event-driven states, run the once-per-spike writes. */
  MethodSpec preEvents(Storage storage) {
    LocalNames locals = names.copy();
    String spikes = locals.allocate("spikes");
    String slot = locals.allocate("s");
    String count = locals.allocate("spikeCount");
    List<Assign> once = oncePerSpike(model, model.onPre(), Home.PRE);
    Vars vars = Vars.kernel(model);
    PlanRenderer render = PlanRenderer.kernel(model, vars, pre);
    Set<String> written = written(once);
    CodeBlock.Builder body = CodeBlock.builder();
    body.add(advance(Home.PRE, pre, lastPre, render, locals, written));
    if (storage == Storage.DOUBLE) {
      written.forEach(v -> body.addStatement("this.$L[$L] = $L", beforeOnPre(v), pre, v));
    }
    for (Assign a : once) {
      body.addStatement("$L $L $L", a.state(), a.op().symbol, render.expr(a.value()));
    }
    Set<String> stored = new LinkedHashSet<>(written);
    eventVars(Home.PRE).forEach(o -> stored.add(o.state()));
    CodeBlock.Builder stores = CodeBlock.builder();
    stored.forEach(v -> stores.addStatement("this.$L[$L] = $L", generated.field(v, storage), pre,
        storage.store(v)));
    CodeBlock loads = loads(refs(once, eventVars(Home.PRE)), written, stored, storage,
        Set.of(Home.PRE));
    return MethodSpec.methodBuilder("preEvents" + storage.suffix)
        .addModifiers(PRIVATE)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .beginControlFlow("if (hasSynapseDelays())")
        .addStatement("throw new $T(name() + $S)", IllegalStateException.class,
            ": per-synapse delays are not supported with @PerPre event state (the"
                + " once-per-spike part would run at different times per synapse); use one"
                + " delay for the projection")
        .endControlFlow()
        .addStatement("final double $L = t - dt", tEvent)
        .addStatement("final int[] $L = dueSpikes()", spikes)
        .beginControlFlow("for (int $L = 0, $L = dueSpikeCount(); $L < $L; $L++)", slot, count,
            slot, count, slot)
        .addStatement("final int $L = $L[$L]", pre, spikes, slot)
        .addCode(loads)
        .addCode(body.build())
        .addCode(stores.build())
        .endControlFlow()
        .build();
  }

  /**
   * The per-synapse part of {@code @OnPre} on the targets in {@code [from, to)}; when
   * {@code debug}, by calling the user's method.
   */
  MethodSpec deliverEvents(Storage storage, boolean debug) {
    LocalNames locals = names.copy();
    String spikes = locals.allocate("spikes");
    String slot = locals.allocate("s");
    String count = locals.allocate("spikeCount");
    String due = locals.allocate("due");
    String e = locals.allocate("e");
    RowWalk walk = RowWalk.allocate(locals);
    List<Assign> statements = perSynapse(model, model.onPre(), Home.PRE);
    Vars vars = Vars.kernel(model);
    PlanRenderer render = PlanRenderer.kernel(model, vars, j);
    Set<String> written = written(statements);
    Set<String> refs = refs(statements, List.of());
    boolean postEvents = eventVars(null).stream().anyMatch(o -> refs.contains(o.state()));
    Set<String> stored = new LinkedHashSet<>(written);
    eventVars(Home.SYNAPSE).forEach(o -> stored.add(o.state()));
    if (postEvents) {
      eventVars(null).forEach(o -> stored.add(o.state()));
    }
    CodeBlock.Builder body = CodeBlock.builder()
        .add(advance(Home.SYNAPSE, k, lastSynapse, render, locals, written));
    if (postEvents) {
      body.add(advance(null, j, lastPost, render, locals, written));
    }
    Set<String> onceWritten = written(oncePerSpike(model, model.onPre(), Home.PRE));
    String m = debug ? locals.allocate("m") : null;
    if (debug) {
      java.util.Map<String, String> before = new java.util.HashMap<>();
      onceWritten.forEach(v -> before.put(v, "this." + beforeOnPre(v) + "[" + pre + "]"));
      body.add(callUser(m, model.onPre().orElseThrow(), before, written));
    } else {
      for (Assign a : statements) {
        body.addStatement("$L $L $L", a.state(), a.op().symbol, render.expr(a.value()));
      }
    }
    Set<String> used = new LinkedHashSet<>(refs);
    if (debug) {
      // the method gets the once-per-spike variables from beforeOnPre, the rest as loaded
      used.addAll(refs(model.onPre().orElseThrow().assignments(), List.of()));
      used.removeAll(onceWritten);
    }
    eventVars(Home.SYNAPSE).forEach(o -> used.addAll(names(o)));
    if (postEvents) {
      eventVars(null).forEach(o -> used.addAll(names(o)));
    }
    CodeBlock perTarget = CodeBlock.builder()
        .addStatement("final int $L = indices[$L]", j, k)
        .beginControlFlow("if ($L < $L || $L >= $L)", j, from, j, to)
        .addStatement("continue")
        .endControlFlow()
        .add(loads(used, written, stored, storage, null))
        .add(body.build())
        .add(stores(stored, storage))
        .build();
    MethodSpec.Builder method = MethodSpec.methodBuilder("deliverEvents"
            + (debug ? Variant.DEBUG.suffix : "") + storage.suffix)
        .addModifiers(PRIVATE)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addStatement("final double $L = t - dt", tEvent);
    if (debug) {
      method.addStatement("final $T $L = new $T()", user(), m, user());
    }
    return method
        .beginControlFlow("if (hasSynapseDelays())")
        .addStatement("final int[] $L = dueSynapses()", due)
        .beginControlFlow("for (int $L = 0, $L = dueCount(); $L < $L; $L++)", e, count, e, count,
            e)
        .addStatement("final int $L = $L[$L]", k, due, e)
        .addStatement("final int $L = preOf($L)", pre, k)
        .addCode(perTarget)
        .endControlFlow()
        .nextControlFlow("else")
        .addStatement("final int[] $L = dueSpikes()", spikes)
        .addCode(walk.declare(from, to))
        .beginControlFlow("for (int $L = 0, $L = dueSpikeCount(); $L < $L; $L++)", slot, count,
            slot, count, slot)
        .addStatement("final int $L = $L[$L]", pre, spikes, slot)
        .addCode(walk.open(CodeBlock.builder(), pre, k).add(perTarget).endControlFlow().build())
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * {@code @OnPost} for the postsynaptic neurons in {@code [from, to)} that spiked last step; when
   * {@code debug}, its per-synapse part by calling the user's method.
   */
  MethodSpec deliverPost(Storage storage, boolean debug) {
    LocalNames locals = names.copy();
    String c = locals.allocate("c");
    List<Assign> once = oncePerSpike(model, model.onPost(), null);
    List<Assign> statements = perSynapse(model, model.onPost(), null);
    Vars vars = Vars.kernel(model);
    PlanRenderer render = PlanRenderer.kernel(model, vars, j);
    // Per neuron: its own variables, advanced, then the once-per-spike writes.
    Set<String> writtenOnce = written(once);
    Set<String> storedPost = new LinkedHashSet<>(writtenOnce);
    eventVars(null).forEach(o -> storedPost.add(o.state()));
    Set<String> postUsed = new LinkedHashSet<>();
    for (String v : refs(once, eventVars(null))) {
      if (model.homeOf(v) == null) {
        postUsed.add(v);
      }
    }
    for (String v : refs(statements, List.of())) {
      if (model.homeOf(v) == null) {
        postUsed.add(v);
      }
    }
    CodeBlock.Builder neuron = CodeBlock.builder()
        .add(loads(postUsed, writtenOnce, storedPost, storage, null))
        .add(advance(null, j, lastPost, render, locals, writtenOnce));
    java.util.Map<String, String> before = new java.util.HashMap<>();
    if (debug) {
      for (String v : writtenOnce) {
        before.put(v, locals.allocate(v + "_before"));
        neuron.addStatement("final double $L = $L", before.get(v), v);
      }
    }
    for (Assign a : once) {
      neuron.addStatement("$L $L $L", a.state(), a.op().symbol, render.expr(a.value()));
    }
    // Per synapse: its own variables (advanced), the presynaptic ones (advanced, not stored).
    Set<String> written = written(statements);
    Set<String> stored = new LinkedHashSet<>(written);
    eventVars(Home.SYNAPSE).forEach(o -> stored.add(o.state()));
    Set<String> used = new LinkedHashSet<>();
    for (String v : refs(statements, eventVars(Home.SYNAPSE))) {
      if (model.homeOf(v) != null) {
        used.add(v);
      }
    }
    boolean preRead = used.stream().anyMatch(v -> model.homeOf(v) == Home.PRE);
    Set<String> preAdvanced = new LinkedHashSet<>();
    if (preRead && lastPre != null) {
      for (Ode o : eventVars(Home.PRE)) {
        if (used.contains(o.state())) {
          preAdvanced.add(o.state());
          used.addAll(names(o));
        }
      }
    }
    Set<String> mutable = new LinkedHashSet<>(written);
    mutable.addAll(preAdvanced);
    // Packed entries (pre in the high bits, offset in the row in the low), else the unpacked pair.
    String entry = locals.allocate("entry");
    CodeBlock.Builder synapse = CodeBlock.builder().addStatement("final int $L", k);
    if (preRead) {
      synapse.addStatement("final int $L", pre);
    }
    synapse.beginControlFlow("if ($L != null)", postEntries)
        .addStatement("final int $L = $L[$L]", entry, postEntries, c);
    if (preRead) {
      synapse.addStatement("$L = $L >>> $L", pre, entry, postShift)
          .addStatement("$L = indptr[$L] + ($L & $L)", k, pre, entry, postMask);
    } else {
      synapse.addStatement("$L = indptr[$L >>> $L] + ($L & $L)", k, entry, postShift, entry,
          postMask);
    }
    synapse.nextControlFlow("else")
        .addStatement("$L = $L[$L]", k, postSynapses, c);
    if (preRead) {
      synapse.addStatement("$L = $L[$L]", pre, postPre, c);
    }
    synapse.endControlFlow();
    synapse.add(loads(used, mutable, stored, storage, Set.of(Home.SYNAPSE, Home.PRE)));
    if (!preAdvanced.isEmpty()) {
      String elapsed = locals.allocate("elapsedPre");
      synapse.addStatement("final double $L = $L - this.$L[$L]", elapsed, tEvent, lastPre, pre);
      for (Ode o : eventVars(Home.PRE)) {
        if (preAdvanced.contains(o.state())) {
          synapse.addStatement("$L = $L", o.state(), render.expr(EventDriven.advance(o, elapsed)));
        }
      }
    }
    synapse.add(advance(Home.SYNAPSE, k, lastSynapse, render, locals, written));
    String m = debug ? locals.allocate("m") : null;
    if (debug) {
      synapse.add(callUser(m, model.onPost().orElseThrow(), before, written));
    } else {
      for (Assign a : statements) {
        synapse.addStatement("$L $L $L", a.state(), a.op().symbol, render.expr(a.value()));
      }
    }
    synapse.add(stores(stored, storage));
    MethodSpec.Builder method = MethodSpec.methodBuilder("deliverPost"
            + (debug ? Variant.DEBUG.suffix : "") + storage.suffix)
        .addModifiers(PRIVATE)
        .addParameter(double.class, "t")
        .addParameter(double.class, "dt")
        .addParameter(int.class, from)
        .addParameter(int.class, to)
        .addStatement("final double $L = t - dt", tEvent);
    if (debug) {
      method.addStatement("final $T $L = new $T()", user(), m, user());
    }
    return method
        .beginControlFlow("for (int $L = $L; $L < $L; $L++)", j, from, j, to, j)
        .beginControlFlow("if (!postSpike[$L])", j)
        .addStatement("continue")
        .endControlFlow()
        .addCode(neuron.build())
        .beginControlFlow("for (int $L = $L[$L]; $L < $L[$L + 1]; $L++)", c, postIndptr, j, c,
            postIndptr, j, c)
        .addCode(synapse.build())
        .endControlFlow()
        .addCode(stores(storedPost, storage))
        .endControlFlow()
        .build();
  }

  /**
   * Advances every event-driven state of {@code home} at {@code index} to the event and records
   * the time (nothing when the home has none); the states must be loaded as mutable locals.
   */
  private CodeBlock advance(Home home, String index, String last, PlanRenderer render,
      LocalNames locals, Set<String> writtenAlso) {
    List<Ode> odes = eventVars(home);
    if (odes.isEmpty()) {
      return CodeBlock.of("");
    }
    String elapsed = locals.allocate("elapsed");
    CodeBlock.Builder code = CodeBlock.builder()
        .addStatement("final double $L = $L - this.$L[$L]", elapsed, tEvent, last, index);
    for (Ode o : odes) {
      code.addStatement("$L = $L", o.state(), render.expr(EventDriven.advance(o, elapsed)));
    }
    return code.addStatement("this.$L[$L] = $L", last, index, tEvent).build();
  }

  private com.palantir.javapoet.ClassName user() {
    return com.palantir.javapoet.ClassName.get(model.packageName(), model.className());
  }

  private static Set<String> written(List<Assign> statements) {
    Set<String> written = new LinkedHashSet<>();
    statements.forEach(a -> written.add(a.state()));
    return written;
  }

  /** The model variables the statements and ODEs read or write. */
  private static Set<String> refs(List<Assign> statements, List<Ode> odes) {
    Set<String> out = new LinkedHashSet<>();
    for (Assign a : statements) {
      out.add(a.state());
      out.addAll(variableNames(Exprs.refs(a.value())));
    }
    odes.forEach(o -> out.addAll(names(o)));
    return out;
  }

  private static Set<String> names(Ode o) {
    Set<String> out = new LinkedHashSet<>();
    out.add(o.state());
    out.addAll(variableNames(Exprs.refs(EventDriven.inlined(o))));
    return out;
  }

  private static Set<String> variableNames(Set<Ref> refs) {
    Set<String> out = new LinkedHashSet<>();
    for (Ref r : refs) {
      if (r.kind() == RefKind.PARAM || r.kind() == RefKind.STATE || r.kind() == RefKind.POST) {
        out.add(r.name());
      }
    }
    return out;
  }

  /**
   * Locals of the variables {@code used}, each from its home's array at its index (synapse
   * {@code k}, presynaptic {@code pre}, postsynaptic {@code j}); those in {@code mutable} or
   * {@code stored} are mutable. {@code homes}, when given, limits the loads to those homes (null
   * standing for per postsynaptic neuron).
   */
  private CodeBlock loads(Set<String> used, Set<String> mutable, Set<String> stored,
      Storage storage, Set<Home> homes) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (String v : used) {
      Home home = model.homeOf(v);
      if (homes != null && !homes.contains(home)) {
        continue;
      }
      String modifier = mutable.contains(v) || stored.contains(v) ? "" : "final ";
      Optional<SynapseVar> synapseVar = model.synapseVar(v);
      if (synapseVar.isPresent()) {
        String index = home == Home.SYNAPSE ? k : pre;
        code.addStatement("$Ldouble $L = this.$L[$L]", modifier, v, generated.field(v, storage),
            index);
      } else if (model.params().stream().anyMatch(p -> p.name().equals(v))) {
        code.addStatement("final double $L = params.value($L, $L)", v,
            generated.indexConstant(v), j);
      } else if (model.states().stream().anyMatch(s -> s.name().equals(v))) {
        code.addStatement("$Ldouble $L = this.$L[$L]", modifier, v, generated.field(v, storage),
            j);
      } else if (model.posts().stream().anyMatch(p -> p.fieldName().equals(v))) {
        code.addStatement("$Ldouble $L = $L[$L]", modifier, v, generated.postArray(v, storage),
            j);
      }
    }
    return code.build();
  }

  /** Stores the locals {@code stored} back at their homes' indices. */
  private CodeBlock stores(Set<String> stored, Storage storage) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (String v : stored) {
      Home home = model.homeOf(v);
      String value = storage.store(v);
      if (model.synapseVar(v).isPresent()) {
        code.addStatement("this.$L[$L] = $L", generated.field(v, storage),
            home == Home.SYNAPSE ? k : pre, value);
      } else if (model.posts().stream().anyMatch(p -> p.fieldName().equals(v))) {
        code.addStatement("$L[$L] = $L", generated.postArray(v, storage), j, value);
      } else {
        code.addStatement("this.$L[$L] = $L", generated.field(v, storage), j, value);
      }
    }
    return code.build();
  }
}
