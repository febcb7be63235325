package io.brainstem.network;

import io.brainstem.annotations.Integrator;
import io.brainstem.connectivity.Connector;
import io.brainstem.connectivity.Csr;
import io.brainstem.connectivity.SynapseInit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

/**
 * Synapses from one group to another with state kept per postsynaptic neuron. Subclasses are
 * generated from {@code @Synapse} models ({@code ExpCoba} → {@code ExpCobaProjection}).
 *
 * <p>Each step a projection integrates its state, delivers the spikes its presynaptic group emitted
 * in the previous step over the CSR connectivity (work ∝ spikes × fan-out), and adds its output to
 * the postsynaptic input.
 *
 * <p><b>Delays</b> (BrainPy's semantics): with a delay of {@code d} steps the spikes emitted in step
 * {@code k} are delivered in step {@code k + 1 + d}; delay 0 is the default one-step latency of the
 * step order. A homogeneous delay keeps a ring of the last {@code d + 1} spike arrays; per-synapse
 * delays queue each synapse of a spiking neuron in the bucket of the step it is due, so their cost
 * is ∝ spikes × fan-out as well. Delays given in ms are converted at the first step, when dt is
 * known, and must be whole multiples of dt.
 */
public abstract class Projection implements io.brainstem.checkpoint.Checkpointed {
  private final String name;
  private final String model;
  private final NeuronGroup pre;
  private final NeuronGroup post;
  private final VariableTable variables;
  private Integrator method;

  /** Row pointers of the pre→post CSR matrix ({@code pre.size() + 1} entries). */
  protected final int[] indptr;
  /** Postsynaptic indices of the CSR matrix, row by row. */
  protected final int[] indices;
  /** The presynaptic group's spike array (read at the start of the step: last step's spikes). */
  protected final boolean[] preSpike;
  /** The presynaptic group's spike list: last step's spikes are {@code [0, preSpikeCount())}. */
  protected final int[] preSpikeIndex;
  /** The postsynaptic group's spike array (read at the start of the step: last step's spikes). */
  protected final boolean[] postSpike;

  private final Delays delays;
  private int[] delayedSpikes; // set by beginStep; null without a homogeneous delay or a copy
  private int[] spikeCopy; // beginStep's copy of the due list when the pre group steps alongside
  private int copiedCount = -1; // its length; -1 when delayedSpikes is not the copy
  private int[] dueSynapseArray; // set by beginStep
  /** The generated vector kernels, when this JVM runs them (see {@link Kernels}). */
  private ProjectionKernel vectorKernel;
  /** Set by runners for one run: scalar kernels though vector ones exist (VectorWarmUp). */
  private boolean scalarRun;
  private FusedInput fusable; // made on first use
  private FusedInput fused; // non-null while fused (Network.planStep)
  private boolean scalarOnly;
  /** Set by runners: whether the vector kernels warm up on a slice (VectorWarmUp). */
  private final VectorWarmUp.Slot warmUp = new VectorWarmUp.Slot();
  private Coupling coupling = Coupling.HELD;
  private int stagedInput = -1;
  private int stagedSlope = -1;
  /** The names of the {@code @PerPre} variables (one value per presynaptic neuron). */
  private final Set<String> preVariables = new HashSet<>();
  /** The names of the {@code @PerSynapse} variables (one value per synapse). */
  private final Set<String> synapseVariables = new HashSet<>();
  /** The {@code @Trainable} {@code @PerSynapse}/{@code @PerPre} variables, in declaration order. */
  private final Set<String> trainableVariables = new java.util.LinkedHashSet<>();
  private int[] synapsePre; // built on first use
  private int[] postIndptr; // the by-postsynaptic index, built on first use
  private int[] postEntries; // packed by-postsynaptic entries, null when they do not fit
  private PostEntries postLayout;
  private int[] postSynapses; // unpacked, built on first use
  private int[] postPre; // postPresynaptic(), built on first use
  private RowCuts rowCuts; // the stepper's ranges, set by cutRows
  private boolean outputDeclared; // outputTarget called: the input it writes is known
  private boolean readsPre; // a @Pre field: its range update reads presynaptic state
  private final Set<Variable> fieldReads = new HashSet<>(); // @Post/@Pre fields' variables
  private Variable outputTarget; // the postsynaptic input written, or null for none
  private boolean outputAssignable; // the generated code can assign its output
  private boolean assignOutput; // this step: the first writer of an input 0 at the step's start

  /**
   * A projection from {@code pre} to {@code post} connected by {@code connector}; generated
   * projections call this from their constructors.
   *
   * @param name the projection's name in its network
   * @param model the model class's simple name, e.g. {@code ExpCoba}
   * @param pre the presynaptic group
   * @param post the postsynaptic group
   * @param connector builds the connectivity from the two groups' sizes
   * @param defaultMethod the integrator until {@link #setMethod} chooses another
   */
  protected Projection(
      String name, String model, NeuronGroup pre, NeuronGroup post, Connector connector,
      Integrator defaultMethod) {
    this.pre = Objects.requireNonNull(pre, "pre (the presynaptic group) is null");
    this.post = Objects.requireNonNull(post, "post (the postsynaptic group) is null");
    this.name = name == null ? pre.name() + "2" + post.name() : name;
    if (this.name.isEmpty() || this.name.contains(".")) {
      throw new IllegalArgumentException(
          "projection name '" + this.name + "' must be non-empty and contain no '.'");
    }
    this.model = model;
    this.method = defaultMethod;
    this.variables = new VariableTable(this.name);
    Csr csr = Objects.requireNonNull(connector,
        "connector is null; pass one such as new FixedProb(0.02, seed) or new All2All()").build(pre.size(), post.size());
    this.indptr = csr.indptr();
    this.indices = csr.indices();
    this.preSpike = pre.spike;
    this.postSpike = post.spike;
    this.delays = new Delays(this.name, preSpike, indptr, indices);
    this.preSpikeIndex = pre.spikeIndexArray();
  }

  /**
   * Cuts every CSR row at the postsynaptic range boundaries {@code bounds} (a {@link ParallelStep}
   * calls it once, when built), so that the update of one of those ranges walks only the synapses
   * onto it ({@link #rowCuts}); one range needs no cuts.
   */
  final void cutRows(int[] bounds) {
    rowCuts = bounds.length > 2 ? RowCuts.of(indptr, indices, bounds) : null;
  }

  /**
   * Where each presynaptic row's synapses onto {@code [from, to)} lie in {@link #indices}: row
   * {@code i}'s are {@code rowCuts(from, to)[c] .. [c + 1]} at {@code c = i · rowCutStride(from,
   * to) + rowCutAt(from, to)}. For a range the rows are cut at ({@link #cutRows}) that is the cut
   * table ({@link RowCuts}); otherwise {@link #indptr} (stride 1, offset 0: whole rows), and the
   * delivery loops still skip any target outside the range.
   */
  protected final int[] rowCuts(int from, int to) {
    return cutRange(from, to) < 0 ? indptr : rowCuts.table();
  }

  /** The entries per row of {@link #rowCuts}: the number of ranges plus one, or 1 for whole rows. */
  protected final int rowCutStride(int from, int to) {
    return cutRange(from, to) < 0 ? 1 : rowCuts.stride();
  }

  /** The offset of {@code [from, to)}'s start within a row's entries of {@link #rowCuts}. */
  protected final int rowCutAt(int from, int to) {
    return Math.max(0, cutRange(from, to));
  }

  /**
   * Whether every synapse a row walk of {@link #rowCuts} yields for {@code [from, to)} targets a
   * neuron in it: a range the rows are cut at, or the whole postsynaptic group. Generated
   * deliveries then skip the range check.
   */
  protected final boolean rowsExact(int from, int to) {
    return cutRange(from, to) >= 0 || (from == 0 && to == post.size());
  }

  private int cutRange(int from, int to) {
    RowCuts cuts = rowCuts;
    return cuts == null ? -1 : cuts.range(from, to);
  }

  /** Sets a homogeneous delay of {@code steps} steps (0, the default, is the one-step latency). */
  protected final void setDelaySteps(int steps) {
    delays.setSteps(steps);
  }

  /** Sets a homogeneous delay in ms; it must be a whole multiple of the run's dt. */
  protected final void setDelayMs(double ms) {
    delays.setMs(ms);
  }

  /** Sets one delay in steps per synapse, in CSR order (the order of {@link #csr()}'s indices). */
  protected final void setSynapseDelaySteps(int[] steps) {
    delays.setSynapseSteps(steps);
  }

  /** Sets one delay in ms per synapse, in CSR order; each a whole multiple of the run's dt. */
  protected final void setSynapseDelayMs(double[] ms) {
    delays.setSynapseMs(ms);
  }

  /**
   * Advances the delay buffers by one step, then runs the once-per-presynaptic-spike part of a
   * plastic model's events ({@link #beginEvents}). Runners call it once per step, before any range
   * of {@link #update(double, double, int, int, boolean)} runs (the whole-projection update calls
   * it itself), so ranges on different threads read the same, already advanced, buffers and
   * presynaptic state.
   *
   * @param t the time at the start of the step
   * @param dt the step
   */
  public final void beginStep(double t, double dt) {
    beginStep(t, dt, false);
  }

  /**
   * {@link #beginStep(double, double)}; with {@code copySpikes}, the due spike list is a copy of the
   * presynaptic group's (when it is not a delay buffer's), so that the group may update, and
   * overwrite its own list, while this projection's ranges deliver ({@link ParallelStep}).
   */
  final void beginStep(double t, double dt, boolean copySpikes) {
    copiedCount = -1;
    if (delays.perSynapse()) {
      dueSynapseArray = delays.due(dt);
    } else {
      delayedSpikes = delays.spikes(dt, preSpikeIndex, pre.spikeCount());
      if (delayedSpikes == null && copySpikes) {
        if (spikeCopy == null) {
          spikeCopy = new int[pre.size()]; // once: a step's list never exceeds the group
        }
        copiedCount = pre.spikeCount();
        System.arraycopy(preSpikeIndex, 0, spikeCopy, 0, copiedCount);
        delayedSpikes = spikeCopy;
      }
    }
    beginEvents(t, dt);
  }

  /**
   * Whether {@link #update(double, double, int, int, boolean)} for {@code from .. to-1} reads
   * nothing but its own state, the due spikes and the postsynaptic elements {@code from .. to-1}:
   * then a pool may update a range of the postsynaptic group right after this projection's same
   * range, on the same thread, while other threads update other ranges of every group
   * ({@link ParallelStep}). True for generated projections without {@code @Pre} fields (a graded
   * or electrical coupling reads presynaptic state); false for hand-written ones, which may read
   * anything.
   */
  final boolean rangeLocal() {
    return outputDeclared && !readsPre;
  }

  /**
   * For generated plastic projections: the work done once per presynaptic spike due in this step
   * (advancing {@code @PerPre} event-driven states, the {@code @OnPre} writes of {@code @PerPre}
   * variables), which no range owns. Called by {@link #beginStep}; nothing by default.
   *
   * @param t the time at the start of the step
   * @param dt the step
   */
  protected void beginEvents(double t, double dt) {}

  /**
   * Registers a double array of event times (the last update of a plastic model's event-driven
   * states, one per owner), 0 at the start; double under either precision, and restored by
   * {@code reset()} as every variable is.
   */
  protected final double[] eventTimes(String varName, int size) {
    return variables.addDoubles(varName, Variable.Kind.STATE, size, 0);
  }

  /** The presynaptic neuron of synapse {@code k} (its CSR row), by binary search. */
  protected final int preOf(int k) {
    int lo = 0;
    int hi = indptr.length - 2;
    while (lo < hi) { // the last row starting at or before k
      int mid = (lo + hi + 1) >>> 1;
      if (indptr[mid] <= k) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Where each postsynaptic neuron's synapses start in {@link #postEntries()} (or, when those do
   * not fit, {@link #postSynapses()}): {@code post.size() + 1} entries, the by-postsynaptic (CSC)
   * index over the CSR synapse numbering, built once.
   */
  protected final int[] postIndptr() {
    buildPostIndex();
    return postIndptr;
  }

  /**
   * The by-postsynaptic entries packed one int each (presynaptic neuron {@code entry >>>
   * postShift()}, synapse {@code indptr[pre] + (entry & postMask())}), each neuron's in ascending
   * presynaptic order; null when they do not fit 32 bits (then {@link #postSynapses()} and
   * {@link #postPresynaptic()} hold them unpacked).
   */
  protected final int[] postEntries() {
    buildPostIndex();
    return postEntries;
  }

  /** The right shift from a {@link #postEntries()} entry to its presynaptic neuron; -1 unpacked. */
  protected final int postShift() {
    buildPostIndex();
    return postLayout.shift();
  }

  /** The mask from a {@link #postEntries()} entry to the synapse's offset in its CSR row. */
  protected final int postMask() {
    buildPostIndex();
    return postLayout.mask();
  }

  /**
   * The synapses (CSR positions) grouped by postsynaptic neuron, each group ascending: the
   * unpacked index, 4 bytes per synapse, built on first use (when {@link #postEntries()} is null).
   */
  protected final int[] postSynapses() {
    buildPostIndex();
    if (postSynapses == null) {
      postSynapses = PostEntries.synapses(indices, postIndptr);
    }
    return postSynapses;
  }

  /**
   * The presynaptic neuron of each entry of {@link #postSynapses()}, built once on first use: 4
   * bytes per synapse, for unpacked {@code @OnPost} code that reads presynaptic variables.
   */
  protected final int[] postPresynaptic() {
    int[] synapses = postSynapses();
    if (postPre == null) {
      int[] pre = new int[synapses.length];
      for (int row = 0; row + 1 < indptr.length; row++) {
        for (int k = indptr[row]; k < indptr[row + 1]; k++) {
          pre[k] = row;
        }
      }
      int[] out = new int[synapses.length];
      for (int c = 0; c < out.length; c++) {
        out[c] = pre[synapses[c]];
      }
      postPre = out;
    }
    return postPre;
  }

  private void buildPostIndex() {
    if (postIndptr != null) {
      return;
    }
    int[] start = PostEntries.postStarts(indices, post.size());
    postLayout = PostEntries.layout(indptr);
    postEntries = postLayout.packed() ? postLayout.pack(indptr, indices, start) : null;
    postIndptr = start;
  }

  /**
   * Registers {@code array} as hidden state of this projection: per-synapse or per-neuron state
   * that is not a variable (not monitored, not an input target), such as the time of each
   * synapse's last update. Checkpoints save it and {@code reset()} restores it, as for variables;
   * the one place to register state a checkpoint must carry (docs/checkpoints.md).
   *
   * @param array a double[], float[], int[], long[] or boolean[], kept by reference
   */
  protected final void hiddenState(String name, Object array) {
    variables.addHidden(name, array);
  }

  /** The hidden state arrays ({@link #hiddenState}), by name. */
  public final java.util.Map<String, Object> hiddenState() {
    return variables.hidden();
  }

  /**
   * Saves the state its variables do not hold: the spikes in flight in the delay buffers and the
   * hidden state arrays. Variables are saved by the checkpoint itself.
   */
  @Override
  public void saveState(io.brainstem.checkpoint.StateOut out) {
    delays.save(out.child("delays"));
    io.brainstem.checkpoint.HiddenArrays.save(variables.hidden(), out.child("hidden"));
  }

  /** Restores what {@link #saveState} saved. */
  @Override
  public void restoreState(io.brainstem.checkpoint.StateIn in) {
    io.brainstem.checkpoint.HiddenArrays.restore(variables.hidden(), in.child("hidden"));
    delays.restore(in.child("delays"));
  }

  /**
   * A CRC-32 of the connectivity (its {@code indptr} and {@code indices}), which checkpoints record
   * to tell a network built with another seed or connector from the one saved.
   */
  public final long connectivityChecksum() {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int[] a : new int[][] {indptr, indices}) {
      for (int from = 0; from < a.length; from += b.capacity() / 4) {
        int len = Math.min(b.capacity() / 4, a.length - from);
        b.clear();
        b.asIntBuffer().put(a, from, len);
        b.limit(len * 4);
        crc.update(b);
      }
    }
    return crc.getValue();
  }

  /** Forgets delayed spikes still in flight (a runner's {@code reset()} calls it). */
  public final void dropInFlightSpikes() {
    delays.dropInFlight();
  }

  /** True when per-synapse delays are set; the generated update then reads {@link #dueSynapses}. */
  protected final boolean hasSynapseDelays() {
    return delays.perSynapse();
  }

  /**
   * The presynaptic neurons whose spikes are due in this step, in ascending order, valid up to
   * {@link #dueSpikeCount()}: last step's spike list, or under a homogeneous delay of {@code d}
   * steps the list of {@code d} steps earlier (see {@link #beginStep}). Without per-synapse delays
   * the update delivers over their CSR rows.
   */
  protected final int[] dueSpikes() {
    return delayedSpikes != null ? delayedSpikes : preSpikeIndex;
  }

  /** How many entries of {@link #dueSpikes()} are due. */
  protected final int dueSpikeCount() {
    return delayedSpikes == null ? pre.spikeCount()
        : copiedCount >= 0 ? copiedCount : delays.spikeCount();
  }

  /**
   * The synapses (CSR positions) due in this step under per-synapse delays, valid up to
   * {@link #dueCount()} (see {@link #beginStep}).
   */
  protected final int[] dueSynapses() {
    return dueSynapseArray;
  }

  /** How many entries of the last {@link #dueSynapses} array are due. */
  protected final int dueCount() {
    return delays.dueCount();
  }

  /** The homogeneous delay in steps once resolved (after the first step when set in ms), else -1. */
  public final int delaySteps() {
    return delays.homogeneousSteps();
  }

  /** A copy of the connectivity; per-synapse delays follow the order of its {@code indices}. */
  public final Csr csr() {
    return new Csr(pre.size(), post.size(), indptr.clone(), indices.clone());
  }

  /** How many presynaptic neurons spiked in the last step (the valid length of {@link #preSpikeIndex}). */
  protected final int preSpikeCount() {
    return pre.spikeCount();
  }

  /**
   * Registers and allocates a per-postsynaptic-neuron state array when the postsynaptic group
   * stores double; null under {@link Precision#FLOAT} ({@link #floatState} holds it).
   */
  protected final double[] state(String varName, double initial) {
    return precision() == Precision.DOUBLE
        ? variables.addDoubles(varName, Variable.Kind.STATE, post.size(), initial) : null;
  }

  /** The float twin of {@link #state}: the array under {@link Precision#FLOAT}, else null. */
  protected final float[] floatState(String varName, double initial) {
    return precision() == Precision.FLOAT
        ? variables.addFloats(varName, Variable.Kind.STATE, post.size(), initial) : null;
  }

  /**
   * Registers and allocates a {@code @PerSynapse} variable, one value per synapse in CSR order,
   * when the postsynaptic group stores double; null under {@link Precision#FLOAT}.
   */
  protected final double[] perSynapse(String varName, double initial) {
    synapseVariables.add(varName);
    return precision() == Precision.DOUBLE
        ? variables.addDoubles(varName, Variable.Kind.STATE, indices.length, initial) : null;
  }

  /** The float twin of {@link #perSynapse}: the array under {@link Precision#FLOAT}, else null. */
  protected final float[] perSynapseFloat(String varName, double initial) {
    synapseVariables.add(varName);
    return precision() == Precision.FLOAT
        ? variables.addFloats(varName, Variable.Kind.STATE, indices.length, initial) : null;
  }

  /**
   * Marks the {@code @PerSynapse} or {@code @PerPre} parameter {@code varName} as
   * {@code @Trainable}; generated constructors call it after registering the variable, and a user
   * may call it to train the weights of one projection only ({@code markTrainable("w")}).
   *
   * @param varName the per-synapse or per-presynaptic parameter
   */
  public final void markTrainable(String varName) {
    synapseVariable(varName);
    trainableVariables.add(varName);
  }

  /**
   * The {@code @Trainable} parameters: the lumped ones ({@code params().trainable()}) then the
   * {@code @PerSynapse} and {@code @PerPre} ones (read and write those with {@code doubles(name)},
   * one value per synapse in CSR order or per presynaptic neuron), each in declaration order.
   */
  public final List<String> trainable() {
    List<String> out = new java.util.ArrayList<>(params().trainable());
    out.addAll(trainableVariables);
    return List.copyOf(out);
  }

  /**
   * Registers and allocates a {@code @PerPre} variable, one value per presynaptic neuron, when the
   * postsynaptic group stores double; null under {@link Precision#FLOAT}.
   */
  protected final double[] perPre(String varName, double initial) {
    preVariables.add(varName);
    return precision() == Precision.DOUBLE
        ? variables.addDoubles(varName, Variable.Kind.STATE, pre.size(), initial) : null;
  }

  /** The float twin of {@link #perPre}: the array under {@link Precision#FLOAT}, else null. */
  protected final float[] perPreFloat(String varName, double initial) {
    preVariables.add(varName);
    return precision() == Precision.FLOAT
        ? variables.addFloats(varName, Variable.Kind.STATE, pre.size(), initial) : null;
  }

  /** The presynaptic neuron of each synapse, in CSR order (a fresh array on the first call). */
  protected final int[] synapsePre() {
    if (synapsePre == null) {
      synapsePre = rows();
    }
    return synapsePre;
  }

  private int[] rows() {
    int[] out = new int[indices.length];
    for (int i = 0; i + 1 < indptr.length; i++) {
      java.util.Arrays.fill(out, indptr[i], indptr[i + 1], i);
    }
    return out;
  }

  /**
   * The presynaptic neuron of each synapse, in CSR order (a copy): with {@link #postIndices()} and
   * a {@code @PerSynapse} variable's array, the projection's matrix in coordinate form.
   */
  public final int[] preIndices() {
    return synapsePre().clone();
  }

  /** The postsynaptic neuron of each synapse, in CSR order (a copy of {@code csr().indices()}). */
  public final int[] postIndices() {
    return indices.clone();
  }

  /**
   * A copy of the {@code @PerSynapse} variable {@code varName} (one value per synapse, in CSR
   * order), in double whatever the precision; set it back with the generated setter taking an
   * array (e.g. {@code w(double[])}).
   */
  public final double[] synapseValues(String varName) {
    if (!synapseVariables.contains(varName)) {
      throw new IllegalArgumentException(name + "." + varName + " is not a @PerSynapse variable"
          + Names.didYouMean(varName, List.copyOf(synapseVariables)));
    }
    Variable v = variables.get(varName);
    double[] out = new double[v.size()];
    for (int k = 0; k < out.length; k++) {
      out[k] = v.get(k);
    }
    return out;
  }

  /**
   * Sets every element of the {@code @PerSynapse} or {@code @PerPre} variable {@code varName} to
   * {@code value}; generated setters call it.
   */
  protected final void setSynapseVariable(String varName, double value) {
    Variable v = synapseVariable(varName);
    checkNumber(varName, value, -1);
    for (int k = 0; k < v.size(); k++) {
      v.set(k, value);
    }
  }

  /**
   * Sets the {@code @PerSynapse} variable {@code varName} from an array in CSR order
   * ({@code synapseCount()} values), or a {@code @PerPre} one from one value per presynaptic
   * neuron; the array is copied (rounded to float under {@link Precision#FLOAT}).
   */
  protected final void setSynapseVariable(String varName, double[] values) {
    Variable v = synapseVariable(varName);
    Objects.requireNonNull(values, () -> name + "." + varName + ": the values array is null");
    if (values.length != v.size()) {
      throw new IllegalArgumentException(name + "." + varName + " needs " + v.size() + " values "
          + (preVariables.contains(varName) ? "(one per presynaptic neuron of " + pre.name() + ")"
              : "(one per synapse, nnz = " + v.size() + ", in CSR order: csr().indices())")
          + ", got " + values.length);
    }
    for (int k = 0; k < values.length; k++) {
      checkNumber(varName, values[k], k);
    }
    for (int k = 0; k < values.length; k++) {
      v.set(k, values[k]);
    }
  }

  /**
   * Sets the {@code @PerSynapse} or {@code @PerPre} variable {@code varName} from {@code init},
   * drawn per synapse in CSR order (per presynaptic neuron for {@code @PerPre}); without a seed of
   * its own, the seed is {@link SynapseInit#defaultSeed}{@code (name(), varName)}.
   */
  protected final void setSynapseVariable(String varName, SynapseInit init) {
    Variable v = synapseVariable(varName);
    Objects.requireNonNull(init, () -> name + "." + varName + ": the SynapseInit is null");
    boolean byPre = preVariables.contains(varName);
    // A plastic model keeps no per-synapse presynaptic array: build one only for this draw.
    int[] preIndex = byPre ? identity(pre.size())
        : synapsePre != null ? synapsePre : rows();
    double[] values = init.values(preIndex, byPre ? null : indices,
        SynapseInit.defaultSeed(name, varName), name + "." + varName);
    for (int k = 0; k < values.length; k++) {
      v.set(k, values[k]);
    }
  }

  private static int[] identity(int n) {
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i;
    }
    return out;
  }

  private Variable synapseVariable(String varName) {
    Variable v = variables.get(varName);
    if (!preVariables.contains(varName) && !synapseVariables.contains(varName)) {
      throw new IllegalArgumentException(name + "." + varName + " is not a @PerSynapse or "
          + "@PerPre variable");
    }
    return v;
  }

  private void checkNumber(String varName, double value, int k) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(name + "." + varName + (k < 0 ? "" : "[" + k + "]")
          + " would be NaN; give every element a number");
    }
  }

  /** Whether {@code varName} is a {@code @PerSynapse} variable (one value per synapse). */
  public final boolean isPerSynapse(String varName) {
    return synapseVariables.contains(varName);
  }

  /** Whether {@code varName} is a {@code @PerPre} variable (one value per presynaptic neuron). */
  public final boolean isPerPre(String varName) {
    return preVariables.contains(varName);
  }

  /**
   * The synapse index (CSR position) of the first synapse from presynaptic neuron {@code pre} to
   * postsynaptic neuron {@code post}.
   *
   * @throws IllegalArgumentException when there is none (or an index is out of range)
   */
  public final int synapseIndex(int pre, int post) {
    if (pre < 0 || pre >= this.pre.size() || post < 0 || post >= this.post.size()) {
      throw new IllegalArgumentException("projection " + name + " has no synapse (" + pre + ", "
          + post + "): pre must be in 0.." + (this.pre.size() - 1) + " and post in 0.."
          + (this.post.size() - 1));
    }
    for (int k = indptr[pre]; k < indptr[pre + 1]; k++) {
      if (indices[k] == post) {
        return k;
      }
    }
    throw new IllegalArgumentException("projection " + name + " has no synapse from "
        + this.pre.name() + "[" + pre + "] to " + this.post.name() + "[" + post + "]; "
        + this.pre.name() + "[" + pre + "] connects to " + (indptr[pre + 1] - indptr[pre])
        + " neurons (see csr())");
  }

  /**
   * The postsynaptic variable a {@code @Post} field or {@code @Output} refers to, when the
   * postsynaptic group stores double; null under {@link Precision#FLOAT}.
   */
  protected final double[] postVariable(String varName, String usedFor) {
    Variable v = postVariableNamed(varName, usedFor);
    return v.isFloat() ? null : v.doubles();
  }

  /** The float twin of {@link #postVariable}: the array under {@link Precision#FLOAT}, else null. */
  protected final float[] postFloatVariable(String varName, String usedFor) {
    Variable v = postVariableNamed(varName, usedFor);
    if (precision() == Precision.FLOAT && !v.isFloat()) {
      throw new IllegalArgumentException("projection " + name + " (" + model + ") reads "
          + usedFor + " '" + varName + "', a time that " + post.name() + " keeps in double under "
          + "Precision.FLOAT; build the network with Precision.DOUBLE to use this model");
    }
    return v.floats();
  }

  /**
   * The presynaptic variable a {@code @Pre} field refers to, when the postsynaptic group stores
   * double; null under {@link Precision#FLOAT}. Both groups must store alike.
   */
  protected final double[] preVariable(String varName, String usedFor) {
    Variable v = preVariableNamed(varName, usedFor);
    return precision() == Precision.FLOAT ? null : v.doubles();
  }

  /** The float twin of {@link #preVariable}: the array under {@link Precision#FLOAT}, else null. */
  protected final float[] preFloatVariable(String varName, String usedFor) {
    Variable v = preVariableNamed(varName, usedFor);
    return precision() == Precision.FLOAT ? v.floats() : null;
  }

  private Variable preVariableNamed(String varName, String usedFor) {
    if (pre.precision() != post.precision()) {
      throw new IllegalArgumentException("projection " + name + " (" + model + ") reads "
          + usedFor + " '" + varName + "' of " + pre.name() + " (Precision." + pre.precision()
          + ") into " + post.name() + " (Precision." + post.precision() + "); build both groups "
          + "with the same precision");
    }
    for (Variable v : pre.variables()) {
      if (v.name().equals(varName) && !v.isBoolean()) {
        if (v.isFloat() != (precision() == Precision.FLOAT)) {
          throw new IllegalArgumentException("projection " + name + " (" + model + ") reads "
              + usedFor + " '" + varName + "', which " + pre.name() + " keeps in "
              + (v.isFloat() ? "float" : "double") + " under Precision." + precision()
              + "; read a state or an input instead");
        }
        fieldReads.add(v);
        readsPre = true;
        return v;
      }
    }
    List<String> names = pre.variables().stream().filter(v -> !v.isBoolean())
        .map(Variable::name).toList();
    throw new IllegalArgumentException(
        "projection " + name + " (" + model + ") needs " + usedFor + " '" + varName
            + "' on its presynaptic group " + pre + Names.didYouMean(varName, names)
            + "; the group has " + names);
  }

  private Variable postVariableNamed(String varName, String usedFor) {
    for (Variable v : post.variables()) {
      if (v.name().equals(varName) && !v.isBoolean()) {
        if (usedFor.startsWith("@Post")) {
          fieldReads.add(v);
        }
        return v;
      }
    }
    List<String> names = post.variables().stream().map(Variable::name).toList();
    if (names.contains(varName)) {
      throw new IllegalArgumentException(
          "projection " + name + " (" + model + ") needs " + usedFor + " '" + varName
              + "' on its postsynaptic group " + post + ", but " + post.name() + "." + varName
              + " is a spike (boolean) variable; " + usedFor + " must be a double variable such as "
              + "a state or an input");
    }
    throw new IllegalArgumentException(
        "projection " + name + " (" + model + ") needs " + usedFor + " '" + varName
            + "' on its postsynaptic group " + post + Names.didYouMean(varName, names)
            + "; the group has " + names);
  }

  /** How this projection stores its state: as its postsynaptic group does. */
  public final Precision precision() {
    return post.precision();
  }

  /**
   * For generated projections: the postsynaptic input their output (or graded coupling) writes,
   * null for none, and whether their code can assign the output instead of adding it
   * ({@link #assignsOutput()}). A projection that never calls this is taken to write every input
   * of its postsynaptic group.
   */
  protected final void outputTarget(String target, boolean assignable) {
    outputTarget = target == null ? null : postVariableNamed(target, "@Output target");
    outputAssignable = assignable && target != null;
    outputDeclared = true;
  }

  /** The input this projection writes, null for none; {@code declared} false: unknown (any). */
  final Variable outputTarget() {
    return outputTarget;
  }

  /**
   * The name of the postsynaptic input its {@code @Output} writes ({@code "input"}), or null when
   * it declares none (a delta synapse writes a state; a hand-written projection may write any
   * input). A trainer reads it to route the input's adjoint into the synapse's backward step.
   */
  public final String outputName() {
    return outputTarget == null ? null : outputTarget.name();
  }

  /** The variables its {@code @Post} and {@code @Pre} fields read (Network.clearUnassignedInputs). */
  final Set<Variable> fieldReads() {
    return fieldReads;
  }

  /** Whether the projection said which input it writes ({@link #outputTarget(String, boolean)}). */
  final boolean outputDeclared() {
    return outputDeclared;
  }

  /** Whether the generated code can assign its output ({@link #assignsOutput()}). */
  final boolean outputAssignable() {
    return outputAssignable;
  }

  /** Set by {@link Network#assignOutputs}, before a step, never during one. */
  final void assignOutput(boolean assign) {
    this.assignOutput = assign;
  }

  /**
   * True when, in this step, the projection is the first writer of its target input and that
   * input is 0 at the start of the step (a runner plans it: {@link Network#assignOutputs}). The
   * generated code then writes {@code input[j] = 0.0 + output} (bit for bit the sum it replaces)
   * in the same loop that integrates the state, and rewrites the target's value after each
   * delivered spike, instead of a second pass adding the output.
   */
  public final boolean assignsOutput() {
    return assignOutput;
  }

  /** For generated projections: their vector kernels, or null (then scalar kernels run). */
  protected final void vectorKernel(ProjectionKernel kernel) {
    this.vectorKernel = kernel;
  }

  /** For generated projections: the vector kernels to run, or null for the scalar ones. */
  protected final ProjectionKernel vectorKernel() {
    return scalarOnly || scalarRun ? null : vectorKernel;
  }

  /**
   * The vector kernel a run may swap for the scalar one, bit for bit ({@link
   * VectorWarmUp#scalarRun}), or null.
   */
  final ProjectionKernel kernelForScalarRun() {
    ProjectionKernel k = scalarOnly ? null : vectorKernel;
    return k != null && k.matchesScalar() ? k : null;
  }

  /** Set by runners: whether this run keeps the vector kernel off ({@link VectorWarmUp#scalarRun}). */
  final void scalarRun(boolean on) {
    this.scalarRun = on;
  }

  /** Whether the last run kept the vector kernel off ({@link #scalarRun(boolean)}). */
  final boolean scalarRun() {
    return scalarRun;
  }

  /**
   * For generated projections: how much of a range {@code vector} (null: none) takes in this step
   * ({@link VectorWarmUp}): {@link VectorWarmUp#DONE} (whole ranges) unless a runner asked for the
   * warm-up and {@code vector} agrees with the scalar loops bit for bit.
   */
  protected final VectorWarmUp warmUp(ProjectionKernel vector) {
    return vector == null || !warmUp.isOn() ? VectorWarmUp.DONE
        : warmUp.of(vector, vector.matchesScalar(), method(), false);
  }

  /** Whether this projection's vector kernels ran on a slice in its last step. */
  final boolean warmingUp() {
    return warmUp.warming();
  }

  /** As {@code NeuronGroup.warmUpKernels}: set by runners, off otherwise. */
  final void warmUpKernels(boolean on) {
    warmUp.on(on);
  }

  /**
   * For generated projections: the exponential shape their postsynaptic group's loop can take over
   * ({@link FusedInput}), or null when the model has none (the default).
   */
  protected FusedInput.Shape fusedShape() {
    return null;
  }

  /**
   * For generated projections: non-null while the postsynaptic group's loop integrates this
   * projection's state and sums its output ({@link FusedInput}); the update then adds no output,
   * and, once primed, only delivers, into {@link FusedInput#ahead}.
   */
  protected final FusedInput fusedInput() {
    return fused;
  }

  /** The folded form of this projection (made once), or null. */
  final FusedInput fusable() {
    if (fusable == null) {
      FusedInput.Shape shape = fusedShape();
      if (shape != null) {
        fusable = new FusedInput(this, shape, doubles(shape.state()));
      }
    }
    return fusable;
  }

  final void fuse(boolean on) {
    this.fused = on ? fusable() : null;
  }

  /**
   * Makes this projection run its scalar kernels even where vector kernels run (see
   * {@link Kernels}), e.g. to compare the two, or for results bit-identical to {@code jit(false)}
   * in a model that calls {@code Math.exp}.
   */
  public final Projection scalarKernels(boolean scalar) {
    this.scalarOnly = scalar;
    return this;
  }

  /** Which kernels {@code jit} updates run: {@code scalar}, or e.g. {@code vector (8 x double)}. */
  public final String kernels() {
    ProjectionKernel vector = scalarOnly ? null : vectorKernel; // a run's scalarRun aside
    return vector == null ? "scalar" : vector.describe();
  }

  /**
   * For generated projections: sets the coupling. {@code refusal} is why the model cannot be
   * staged (null when it can); {@code target} is the output's input and {@code state} the
   * postsynaptic state the output reads (null for none).
   */
  protected final void setCoupling(Coupling coupling, String refusal, String target,
      String state) {
    Objects.requireNonNull(coupling, "coupling");
    if (coupling == Coupling.STAGED) {
      if (refusal != null) {
        throw new IllegalArgumentException("projection " + name + " (" + model + ") cannot use "
            + "Coupling.STAGED: " + refusal + "; use Coupling.HELD");
      }
      int[] indices = post.attachStaged(this, target, state);
      stagedInput = indices[0];
      stagedSlope = indices[1];
    } else {
      post.detachStaged(this);
    }
    this.coupling = coupling;
  }

  /**
   * Chooses how the output reaches the postsynaptic group (see {@link Coupling}); generated
   * projections override it, returning their own type. Throws for a model that cannot be staged,
   * naming the reason.
   */
  public Projection coupling(Coupling coupling) {
    setCoupling(coupling, model + " is not a generated projection", null, null);
    return this;
  }

  /** How this projection's output reaches its postsynaptic group (default {@link Coupling#HELD}). */
  public final Coupling coupling() {
    return coupling;
  }

  /** True under {@link Coupling#STAGED}: the generated update then runs its staged loops. */
  protected final boolean staged() {
    return coupling == Coupling.STAGED;
  }

  /** For staged loops: the postsynaptic offsets this projection adds to at {@code stage}. */
  protected final double[] stageOffset(int stage) {
    return post.stageOffset(stagedInput, stage);
  }

  /** For staged loops: the postsynaptic slopes this projection adds to at {@code stage}. */
  protected final double[] stageSlope(int stage) {
    return post.stageSlope(stagedSlope, stage);
  }

  /** For staged loops: whether the postsynaptic group integrates by exponential Euler. */
  protected final boolean stagedExponential() {
    return post.stagedExponential();
  }

  /** For staged loops: the postsynaptic group's padded Runge–Kutta tableau. */
  protected final StageTableau stageTableau() {
    return post.stageTableau();
  }

  /** Sets the integrator; the generated {@code method(Integrator)} checks it first. */
  protected final void setMethod(Integrator method) {
    this.method = Objects.requireNonNull(method,
        "method is null; pass an Integrator such as Integrator.EXP_AUTO");
  }

  /** Advances the synaptic state one step, delivers last step's spikes, adds the output. */
  public final void update(double t, double dt, boolean jit) {
    beginStep(t, dt);
    update(t, dt, 0, post.size(), jit);
  }

  /**
   * The step of {@link #update(double, double, boolean)} restricted to postsynaptic neurons
   * {@code from .. to-1}: their states, the spikes delivered to them (in ascending presynaptic order)
   * and their outputs. Disjoint ranges touch disjoint elements, so they may run on different threads
   * and give the same result as one whole update.
   */
  public abstract void update(double t, double dt, int from, int to, boolean jit);

  /**
   * The projection's parameter table. Generated projections return theirs ({@code @Param} fields
   * shared by the projection); one without parameters returns an empty table.
   */
  public Parameters params() {
    return new Parameters(name, post.size(), List.of());
  }

  /** The projection's name in its network. */
  public final String name() {
    return name;
  }

  /** The model class this projection was generated from, e.g. {@code ExpCoba}. */
  public final String model() {
    return model;
  }

  /** The presynaptic group. */
  public final NeuronGroup pre() {
    return pre;
  }

  /** The postsynaptic group. */
  public final NeuronGroup post() {
    return post;
  }

  /** The integrator of the synaptic state. */
  public final Integrator method() {
    return method;
  }

  /** Number of synapses (non-zeros of the connectivity). */
  public final int synapseCount() {
    return indices.length;
  }

  /** A variable by name, e.g. {@code "g"}. */
  public final Variable variable(String varName) {
    return variables.get(varName);
  }

  /** A double state array by name, e.g. {@code doubles("g")}. */
  public final double[] doubles(String varName) {
    Variable v = variables.get(varName);
    if (v.isFloat()) {
      throw new IllegalArgumentException(name + "." + varName + " is stored as float (its "
          + "postsynaptic group uses Precision.FLOAT): use floats(\"" + varName + "\")");
    }
    return v.doubles();
  }

  /** A float state array by name under {@link Precision#FLOAT}, e.g. {@code floats("g")}. */
  public final float[] floats(String varName) {
    Variable v = variables.get(varName);
    if (!v.isFloat()) {
      throw new IllegalArgumentException(name + "." + varName
          + " is stored as double, not float: use doubles(\"" + varName + "\")");
    }
    return v.floats();
  }

  /** Every variable of the projection, in declaration order. */
  public final List<Variable> variables() {
    return variables.all();
  }

  @Override
  public String toString() {
    return name + " (" + model + ", " + pre.name() + " -> " + post.name() + ", "
        + synapseCount() + " synapses)";
  }
}
