package io.brainstem.trainable;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerPre;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;
import io.brainstem.annotations.Trainable;

/**
 * A delta synapse with trainable weights per synapse, a trainable scale per presynaptic neuron,
 * a trainable lumped gain, and a fixed sign.
 */
@Synapse
public class TrainableSynapse {
  @Param @Trainable @PerSynapse double w = 0.5;
  @Param @Trainable @PerPre double scale = 1;
  @Param @Trainable double gain = 1;
  @Param double sign = 1;
  @State double s;

  @OnPre
  void onSpike() {
    s += sign * gain * scale * w;
  }

  @Output("input")
  double out() {
    return s;
  }
}
