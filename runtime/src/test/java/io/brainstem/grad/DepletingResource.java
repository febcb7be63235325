package io.brainstem.grad;

import io.brainstem.annotations.OnPre;
import io.brainstem.annotations.Ode;
import io.brainstem.annotations.Output;
import io.brainstem.annotations.Param;
import io.brainstem.annotations.PerSynapse;
import io.brainstem.annotations.State;
import io.brainstem.annotations.Synapse;

/**
 * A test model for the per-synapse backward step: a resource per synapse with no {@code @Ode}
 * (it never recovers), scaled by a lumped factor at each spike ({@code x *= keep}, after the
 * increment reads it), onto a current.
 */
@Synapse(backward = true)
public class DepletingResource {
  @Param @PerSynapse double w = 1;
  @Param double tau = 3;
  @Param double keep = 0.6;
  @State @PerSynapse double x = 1;
  @State double g;

  @Ode("g")
  double dg(double g) {
    return -g / tau;
  }

  @OnPre
  void onSpike() {
    g += w * x * x;
    x *= keep;
  }

  @Output("input")
  double current() {
    return g;
  }
}
