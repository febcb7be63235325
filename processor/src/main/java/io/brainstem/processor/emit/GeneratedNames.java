package io.brainstem.processor.emit;

import io.brainstem.processor.integrate.LocalNames;
import io.brainstem.processor.ir.ModelIR;
import io.brainstem.processor.ir.NeuronIR;
import io.brainstem.processor.ir.SynapseIR;
import io.brainstem.processor.ir.ModelIR.Param;
import io.brainstem.processor.ir.ModelIR.Post;
import io.brainstem.processor.ir.ModelIR.State;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one registry of names the generated classes use besides the model's own.
 *
 * <p>Public API of a generated class or of its runtime superclass cannot be renamed, so a model
 * member spelled like one is an error ({@link #reserved}). Every other generated name (float
 * fields, postsynaptic arrays, index constants, parameter columns, the vector kernels' fields, and
 * through {@link #locals()} every local) is allocated here around the model's names, so no model
 * can collide with it. Types are referenced by simple name unless a model name spells one; then the
 * emitters qualify them ({@link #qualified()}), which is why the packages' first names are API.
 */
public final class GeneratedNames {
  private static final String SUPER_FINAL =
      "a final method of the runtime superclass, which the parameter's setter would override";

  /** API names every generated class has, each with what uses it. */
  private static final Map<String, String> API = api();
  /** API names a generated class of a model with {@code @Noise} also has. */
  private static final Map<String, String> NOISE_API = Map.of(
      "seed", "the noise setter seed(long)",
      "noiseSeed", "the noise seed field and its getter noiseSeed()");

  private static Map<String, String> api() {
    Map<String, String> api = new LinkedHashMap<>();
    api.put("t", "the time every generated loop is passed");
    api.put("dt", "the step every generated loop is passed");
    api.put("params", "the parameter table params()");
    api.put("method", "the integrator setter method(Integrator)");
    api.put("name", "the group's name()");
    api.put("size", "the group's size()");
    api.put("spike", "NeuronGroup.spike, the spike flags");
    api.put("spikeIndex", "NeuronGroup.spikeIndex, the list of the step's spikes");
    api.put("t_last_spike", "the refractory group's field t_last_spike");
    api.put("refractoryRule", "the refractory setter refractoryRule(RefractoryRule)");
    api.put("delay", "the projection's setter delay(double)");
    api.put("delaySteps", "the projection's setter delaySteps(int)");
    api.put("indptr", "Projection.indptr, the connectivity's row starts");
    api.put("indices", "Projection.indices, the connectivity's targets");
    api.put("preSpike", "Projection.preSpike, the presynaptic spike flags");
    api.put("preSpikeIndex", "Projection.preSpikeIndex, the presynaptic spike list");
    api.put("postSpike", "Projection.postSpike, the postsynaptic spike flags");
    api.put("beginStep", SUPER_FINAL + " (Projection.beginStep(double, double))");
    api.put("setDelayMs", SUPER_FINAL + " (Projection.setDelayMs(double))");
    api.put("setSynapseDelayMs", SUPER_FINAL + " (Projection.setSynapseDelayMs(double[]))");
    for (String root : List.of("java", "io", "jdk")) {
      api.put(root, "the package " + root + ", through which generated code names its types");
    }
    return Map.copyOf(api);
  }

  /**
   * What generated code uses {@code name} for, if a model member may not be called so ({@code
   * noise}: the model has a {@code @Noise}).
   */
  public static Optional<String> reserved(String name, boolean noise) {
    String use = API.get(name);
    if (use == null && noise) {
      use = NOISE_API.get(name);
    }
    return Optional.ofNullable(use);
  }

  /** Every API name, with and without noise (for tests that try them all). */
  public static Set<String> apiNames() {
    Set<String> all = new LinkedHashSet<>(API.keySet());
    all.addAll(NOISE_API.keySet());
    return all;
  }

  private final Set<String> modelNames = new LinkedHashSet<>();
  private final LocalNames members;
  private final Map<String, String> floatFields = new HashMap<>();
  private final Map<String, String> postArrays = new HashMap<>();
  private final Map<String, String> preArrays = new HashMap<>();
  private final Map<String, String> indexConstants = new HashMap<>();
  private final Map<String, String> columns = new HashMap<>();
  private final String species;
  private final String floatSpecies;
  private final String block;
  private final String owner;
  private final String spikeFlags;
  private final String spikeVectors;
  private final Map<String, String> loopHolders = new HashMap<>();
  /** The projection's field holding each synapse's presynaptic index (null without @PerPre). */
  private final String synapsePre;
  /** The event code's members (last-update times, by-postsynaptic index), by their base name. */
  private final Map<String, String> eventMembers = new HashMap<>();
  /** A graded projection's per-target sums (null without @Graded). */
  private final String gradedSums;

  private GeneratedNames(ModelIR model) {
    List<String> inputs = model instanceof NeuronIR neuron ? neuron.inputs() : List.of();
    List<Post> posts = model instanceof SynapseIR synapse ? synapse.posts() : List.of();
    List<ModelIR.SynapseVar> synapseVars =
        model instanceof SynapseIR synapse ? synapse.synapseVars() : List.of();
    model.params().forEach(p -> modelNames.add(p.name()));
    model.states().forEach(s -> modelNames.add(s.name()));
    modelNames.addAll(inputs);
    posts.forEach(p -> modelNames.add(p.fieldName()));
    List<ModelIR.Pre> pres = model instanceof SynapseIR synapse ? synapse.pres() : List.of();
    pres.forEach(p -> modelNames.add(p.fieldName()));
    synapseVars.forEach(v -> modelNames.add(v.name()));
    Set<String> taken = new LinkedHashSet<>(modelNames);
    taken.addAll(API.keySet());
    taken.addAll(NOISE_API.keySet());
    this.members = new LocalNames(taken);
    for (State s : model.states()) {
      floatFields.put(s.name(), members.allocate(s.name() + "_float"));
    }
    for (String input : inputs) {
      floatFields.put(input, members.allocate(input + "_float"));
    }
    for (ModelIR.SynapseVar v : synapseVars) {
      floatFields.put(v.name(), members.allocate(v.name() + "_float"));
    }
    // The event code finds a synapse's presynaptic neuron from its row: no array for it.
    boolean events = model instanceof SynapseIR synapse && EventEmitter.applies(synapse)
        && synapse.synapseOdes().isEmpty();
    this.gradedSums = model instanceof SynapseIR synapse && synapse.graded().isPresent()
        ? members.allocate("gradedSums") : null;
    this.synapsePre = synapseVars.stream().noneMatch(v -> v.home() == ModelIR.Home.PRE) || events
        ? null : members.allocate("synapsePre");
    if (model instanceof SynapseIR) {
      for (String base : List.of("lastupdate_pre", "lastupdate_post", "lastupdate", "postIndptr",
          "postEntries", "postShift", "postMask", "postSynapses", "postPre")) {
        eventMembers.put(base, members.allocate(base));
      }
      for (ModelIR.SynapseVar v : synapseVars) {
        if (v.home() == ModelIR.Home.PRE && v.state()) {
          eventMembers.put(BEFORE_ON_PRE + v.name(),
              members.allocate(v.name() + "_beforeOnPre"));
        }
      }
    }
    for (Post p : posts) {
      for (Storage storage : Storage.values()) {
        postArrays.put(key(p.fieldName(), storage), members.allocate(post(p.fieldName(), storage)));
      }
    }
    for (ModelIR.Pre p : pres) {
      for (Storage storage : Storage.values()) {
        preArrays.put(key(p.fieldName(), storage), members.allocate(
            side("pre", p.fieldName(), storage)));
      }
    }
    if (model instanceof SynapseIR synapse
        && synapse.output().or(synapse::graded).isPresent()) {
      String target = synapse.output().or(synapse::graded).get().target();
      for (Storage storage : Storage.values()) {
        postArrays.put(key(null, storage), members.allocate(post(target, storage)));
      }
    }
    for (int p = 0; p < model.params().size(); p++) {
      String name = model.params().get(p).name();
      indexConstants.put(name, members.allocate(indexConstant(model.params(), p)));
    }
    for (Param p : model.params()) {
      columns.put(p.name(), members.allocate(p.name() + "Column"));
    }
    this.species = members.allocate("S");
    this.floatSpecies = members.allocate("F");
    this.block = members.allocate("BLOCK");
    this.owner = members.allocate(
        model.kind() == ModelIR.Kind.NEURON ? "group" : "projection");
    this.spikeFlags = members.allocate("spikeFlags");
    this.spikeVectors = members.allocate("spikeVectors");
    for (String holder : List.of("floatLoops", "debugLoops", "stagedLoops")) {
      loopHolders.put(holder, members.allocate(holder));
    }
  }

  /** The names of {@code model}'s generated classes. */
  public static GeneratedNames of(ModelIR model) {
    return new GeneratedNames(model);
  }

  /** An allocator for one loop's locals: they avoid the model's names and every member's. */
  public LocalNames locals() {
    return members.copy();
  }

  /** The model's own names, which the emitters qualify any type spelled like. */
  String[] qualified() {
    return modelNames.toArray(String[]::new);
  }

  /**
   * The prefix of the event members holding a {@code @PerPre} state's value just before
   * {@code @OnPre}'s once-per-spike writes, which {@code jit(false)} hands to the user's method.
   */
  static final String BEFORE_ON_PRE = "beforeOnPre:";

  /** The event code's member allocated for {@code base}, e.g. {@code lastupdate_pre}. */
  String member(String base) {
    String name = eventMembers.get(base);
    if (name == null) {
      throw new IllegalArgumentException(base + " is not an event member");
    }
    return name;
  }

  /** The projection's field of presynaptic indices per synapse (a model with @PerPre only). */
  String synapsePre() {
    return synapsePre;
  }

  /** A graded projection's field of per-target sums. */
  String gradedSums() {
    return gradedSums;
  }

  /** The field holding state or input {@code name} under {@code storage}: {@code V}, {@code V_float}. */
  String field(String name, Storage storage) {
    return storage == Storage.DOUBLE ? name : floatFields.get(name);
  }

  /** The field holding the {@code @Post} field {@code name}'s postsynaptic array, e.g. {@code postV}. */
  String postArray(String name, Storage storage) {
    return postArrays.get(key(name, storage));
  }

  /** The field holding the {@code @Pre} field {@code name}'s presynaptic array, e.g. {@code preR}. */
  String preArray(String name, Storage storage) {
    return preArrays.get(key(name, storage));
  }

  /** The field holding the {@code @Output}'s (or {@code @Graded}'s) target array. */
  String outputArray(Storage storage) {
    return postArrays.get(key(null, storage));
  }

  /** The constant holding a parameter's index in the table, e.g. {@code TAU_INDEX}. */
  String indexConstant(String param) {
    String name = indexConstants.get(param);
    if (name == null) {
      throw new IllegalArgumentException(param + " is not a parameter");
    }
    return name;
  }

  /** A kernel's local holding the per-element column of parameter {@code param}. */
  String column(String param) {
    return columns.get(param);
  }

  /** True if {@code name} is one of the parameter columns. */
  boolean isColumn(String name) {
    return columns.containsValue(name);
  }

  /** The vector kernels' species of doubles, {@code S}. */
  String species() {
    return species;
  }

  /** The vector kernels' species of floats, {@code F}. */
  String floatSpecies() {
    return floatSpecies;
  }

  /** The vector kernels' block length, {@code BLOCK}. */
  String block() {
    return block;
  }

  /** The vector kernels' field holding their group or projection. */
  String owner() {
    return owner;
  }

  /** A neuron vector kernel's field of per-neuron spike flags (1.0 where the step fired). */
  String spikeFlags() {
    return spikeFlags;
  }

  /** A neuron vector kernel's field listing the first neuron of each vector with a spike. */
  String spikeVectors() {
    return spikeVectors;
  }

  /**
   * The group's field holding one of its separately loaded loop classes: {@code floatLoops},
   * {@code debugLoops} or {@code stagedLoops}.
   */
  String loopHolder(String base) {
    String name = loopHolders.get(base);
    if (name == null) {
      throw new IllegalArgumentException(base + " is not a loop holder");
    }
    return name;
  }

  private static String key(String name, Storage storage) {
    return (name == null ? "@Output" : name) + "/" + storage;
  }

  private static String post(String name, Storage storage) {
    return side("post", name, storage);
  }

  private static String side(String prefix, String name, Storage storage) {
    String field = prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return storage == Storage.DOUBLE ? field : field + "_float";
  }

  /**
   * {@code TAU_INDEX}; a parameter whose upper-cased name repeats an earlier one's ({@code v_rest}
   * after {@code V_rest}) gets its position appended.
   */
  private static String indexConstant(List<Param> params, int position) {
    String upper = params.get(position).name().toUpperCase(Locale.ROOT);
    List<String> earlier = new ArrayList<>();
    for (int p = 0; p < position; p++) {
      earlier.add(params.get(p).name().toUpperCase(Locale.ROOT));
    }
    return earlier.contains(upper) ? upper + "_" + position + "_INDEX" : upper + "_INDEX";
  }
}
