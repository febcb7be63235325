package io.brainstem.grad;

import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import io.brainstem.network.Variable;
import java.util.Objects;

/**
 * Finds the generated backward step ({@code <Model>Backward}) of a projection, and refuses, naming
 * the projection and the fix, one whose model has none: a plastic synapse (STDP: back-propagation
 * through time does not differentiate weight updates), or one compiled without {@code
 * @Synapse(backward = true)} (with state per synapse, the error says what BS453 refuses). A trainer calls it
 * before it runs, so a network it cannot differentiate fails at once, not with wrong gradients.
 */
public final class Backwards {
  private Backwards() {}

  /**
   * The backward step of {@code projection}: a new {@code <Model>Backward} of it.
   *
   * @param projection a projection generated from a {@code @Synapse(backward = true)} model
   * @return its backward step
   * @throws IllegalArgumentException when the model has no backward step, saying why and the fix
   */
  public static BackwardStep of(Projection projection) {
    Objects.requireNonNull(projection, "projection");
    String model = projection.model();
    String name = projection.getClass().getPackageName() + "." + model + "Backward";
    Class<?> type;
    try {
      type = Class.forName(name, true, projection.getClass().getClassLoader());
    } catch (ClassNotFoundException none) {
      throw new IllegalArgumentException(why(projection), none);
    }
    try {
      return (BackwardStep) type.getConstructor(projection.getClass()).newInstance(projection);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(name + " does not take a " + projection.getClass()
          .getSimpleName() + "; recompile the model with the processor that generated it", e);
    }
  }

  /**
   * The backward step of {@code group}: a new {@code <Model>Backward} of it.
   *
   * @param group a group generated from a {@code @Neuron(backward = true)} model
   * @return its backward step
   * @throws IllegalArgumentException when the model has none, naming the group and the fix
   */
  public static BackwardStep of(NeuronGroup group) {
    Objects.requireNonNull(group, "group");
    String name = group.getClass().getPackageName() + "." + group.model() + "Backward";
    Class<?> type;
    try {
      type = Class.forName(name, true, group.getClass().getClassLoader());
    } catch (ClassNotFoundException none) {
      throw new IllegalArgumentException("group " + group.name() + " (" + group.model()
          + ") has no backward step: no " + group.model() + "Backward was generated; write"
          + " @Neuron(backward = true) on " + group.model() + ", or feed the group as an input", none);
    }
    try {
      return (BackwardStep) type.getConstructor(group.getClass()).newInstance(group);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(name + " does not take a " + group.getClass()
          .getSimpleName() + "; recompile the model with the processor that generated it", e);
    }
  }

  /**
   * Checks that every projection of {@code network} has a backward step.
   *
   * @param network the network to train
   * @throws IllegalArgumentException naming the first projection that has none, why, and the fix
   */
  public static void requireAll(Network network) {
    for (Projection p : Objects.requireNonNull(network, "network").projections()) {
      of(p);
    }
  }

  private static String why(Projection p) {
    String head = "projection " + p.name() + " (" + p.model() + ") has no backward step: ";
    boolean plastic = false;
    boolean perSynapse = false;
    for (Variable v : p.variables()) {
      // event times: the last update of event-driven (plasticity) states
      plastic |= v.name().startsWith("lastupdate_");
      perSynapse |= p.isPerSynapse(v.name()) || p.isPerPre(v.name());
    }
    if (plastic) {
      return head + "it is plastic (@OnPost or event-driven traces change its weights), and"
          + " back-propagation through time does not differentiate weight updates; train a copy"
          + " of the model without the plasticity (@Param @PerSynapse weights the trainer learns)"
          + " and @Synapse(backward = true), or leave this projection out of the trained network";
    }
    String fix = "write @Synapse(backward = true) on " + p.model();
    if (perSynapse) {
      return head + "no " + p.model() + "Backward was generated; states kept per synapse have"
          + " one (short-term plasticity, e.g. TsodyksMarkramCoba) when they stay local to the"
          + " synapse, and with backward = true the processor says what it cannot differentiate"
          + " (BS453: a @PerPre variable, a per-synapse @Ode or jump that reads a @Post variable;"
          + " BS452: graded coupling); " + fix + ", or leave this projection out of the trained"
          + " network";
    }
    return head + "no " + p.model() + "Backward was generated; " + fix;
  }
}
