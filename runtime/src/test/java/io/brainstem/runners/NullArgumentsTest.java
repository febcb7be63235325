package io.brainstem.runners;

import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.connectivity.All2All;
import io.brainstem.connectivity.Matrices;
import io.brainstem.export.Npy;
import io.brainstem.inputs.Input;
import io.brainstem.models.ExpCobaProjection;
import io.brainstem.models.LifGroup;
import io.brainstem.monitors.Monitor;
import io.brainstem.network.Network;
import io.brainstem.network.NeuronGroup;
import io.brainstem.network.Projection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Null arguments across the public API: each is refused with a message naming the argument (what
 * was null and what to pass), never with the JVM's bare or "Cannot invoke ..." message.
 */
class NullArgumentsTest {

  private static Network net() {
    Network net = new Network();
    net.add(new LifGroup("E", 3));
    return net;
  }

  @TempDir Path dir;

  @Test
  void everyNullIsNamed() {
    Map<String, Executable> calls = new LinkedHashMap<>();
    calls.put("group name", () -> new LifGroup(null, 3));
    calls.put("method", () -> new LifGroup("E", 3).method(null));
    calls.put("projection method", () -> new ExpCobaProjection(new LifGroup("E", 3),
        new LifGroup("I", 3), new All2All()).method(null));
    calls.put("per-element array", () -> new LifGroup("E", 3).tau((double[]) null));
    calls.put("add(group)", () -> new Network().add((LifGroup) null));
    calls.put("add(groups...)", () -> new Network().add((NeuronGroup[]) null));
    calls.put("add(projections...)", () -> new Network().add((Projection[]) null));
    calls.put("group(name)", () -> net().group(null));
    calls.put("projection(name)", () -> net().projection(null));
    calls.put("variable(path)", () -> net().variable(null));
    calls.put("group.variable(name)", () -> new LifGroup("E", 3).variable(null));
    calls.put("pre", () -> new ExpCobaProjection(null, new LifGroup("E", 3), new All2All()));
    calls.put("connector", () -> new ExpCobaProjection(new LifGroup("E", 3), new LifGroup("I", 3), null));
    calls.put("delay array", () -> new ExpCobaProjection(new LifGroup("E", 3), new LifGroup("I", 3),
        new All2All()).delay((double[]) null));
    calls.put("monitors(String...)", () -> DSRunner.builder(net()).monitors((String[]) null));
    calls.put("monitors(Monitor...)", () -> DSRunner.builder(net()).monitors((Monitor[]) null));
    calls.put("monitors(null monitor)", () -> DSRunner.builder(net()).monitors((Monitor) null));
    calls.put("inputs(Input...)", () -> DSRunner.builder(net()).inputs((Input[]) null));
    calls.put("streamTo(dir)", () -> DSRunner.builder(net()).streamTo(null));
    calls.put("streamTo(dir, names)", () -> DSRunner.builder(net()).streamTo(Path.of("x"), (String[]) null));
    calls.put("progressTo", () -> DSRunner.builder(net()).progressTo(null));
    calls.put("monitorMode", () -> DSRunner.builder(net()).monitorMode(null));
    calls.put("Monitor.of indices", () -> Monitor.of("E.V", (int[]) null));
    calls.put("Matrices.csr", () -> Matrices.csr(null, new int[0]));
    calls.put("Matrices.coo", () -> Matrices.coo(new int[0], null));
    calls.put("Matrices.dense", () -> Matrices.dense(null));
    calls.put("Npy file", () -> Npy.write((Path) null, new double[1]));
    calls.put("Npy data", () -> Npy.write(dir.resolve("x.npy"), (double[]) null));
    calls.put("mon() name", () -> {
      DSRunner r = DSRunner.builder(net()).monitors("E.V").build();
      r.run(0.1);
      r.mon().values(null);
    });
    for (Map.Entry<String, Executable> call : calls.entrySet()) {
      NullPointerException x = assertThrows(NullPointerException.class, call.getValue(), call.getKey());
      assertWithMessage("message of %s", call.getKey()).that(x.getMessage()).isNotNull();
      assertWithMessage("message of %s", call.getKey()).that(x.getMessage()).contains("null");
      assertWithMessage("message of %s", call.getKey()).that(x.getMessage()).doesNotContain("Cannot ");
    }
    assertWithMessage("a refused write leaves no file").that(Files.exists(dir.resolve("x.npy"))).isFalse();
  }
}
