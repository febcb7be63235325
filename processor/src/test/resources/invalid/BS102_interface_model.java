package corpus;

import io.brainstem.annotations.*;

@Neuron // error: BS102 at `@Neuron`
public interface Lif {}
