package io.brainstem.cli;

import io.brainstem.testing.Fixtures;
import java.util.List;
import java.util.Map;

/** A provider as a user's jar would register one: the runtime tests' E/I pacemaker network. */
public final class FixtureNetworks implements NetworkProvider {
  @Override
  public List<ExampleNetwork> networks() {
    return List.of(new ExampleNetwork("pacemakers", "E (40) and I (10) pacemakers, four projections",
        14., List.of("E.spike"), Map.of(), o -> Fixtures.ei()));
  }
}
