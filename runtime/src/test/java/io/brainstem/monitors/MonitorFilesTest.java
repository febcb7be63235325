package io.brainstem.monitors;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The naming rule, on Windows and elsewhere (RunnerValidationTest checks it at build). */
class MonitorFilesTest {

  @Test
  void namesThatAreFileNamesEverywherePass() {
    for (String ok : new String[] {"E.V", "E.V every 10", "E.V[100]", "V0 40-60", "mean E.V", "E2E.g", "é.V"}) {
      assertThat(MonitorFiles.problem(ok, false)).isNull();
      assertThat(MonitorFiles.problem(ok, true)).isNull();
    }
  }

  @Test
  void separatorsControlCharactersAndEdgesFailEverywhere() {
    assertThat(MonitorFiles.problem("E.V/10", false)).isEqualTo("it contains '/'");
    assertThat(MonitorFiles.problem("E\\V", false)).isEqualTo("it contains '\\'");
    assertThat(MonitorFiles.problem("E\nV", false)).isEqualTo("it contains a control character (U+000A)");
    assertThat(MonitorFiles.problem("", false)).isEqualTo("it is blank");
    assertThat(MonitorFiles.problem("  ", false)).isEqualTo("it is blank");
    assertThat(MonitorFiles.problem(null, false)).isEqualTo("it is blank");
    assertThat(MonitorFiles.problem(" E.V", false)).isEqualTo("it starts or ends with a space");
    assertThat(MonitorFiles.problem("E.V.", false)).isEqualTo("it ends with '.'");
    assertThat(MonitorFiles.problem("é".repeat(101), false)).isEqualTo("it is 202 bytes long");
    assertThat(MonitorFiles.problem("é".repeat(100), false)).isNull();
  }

  @Test
  void windowsAlsoForbidsItsReservedCharacters() {
    for (char c : ":*?\"<>|".toCharArray()) {
      String name = "E.V[0" + c + "3]";
      assertThat(MonitorFiles.problem(name, false)).isNull();
      assertThat(MonitorFiles.problem(name, true)).isEqualTo("it contains '" + c + "'");
    }
  }

  @Test
  void derivedNames() {
    assertThat(MonitorFiles.times("E.V")).isEqualTo("E.V_times");
    assertThat(MonitorFiles.spikeColumns("E.spike")).isEqualTo("E.spike_indices");
    assertThat(MonitorFiles.rowTimes("E.spike")).isEqualTo("E.spike_rowtimes");
    assertThat(MonitorFiles.indices("E.V")).isEqualTo("E.V.indices");
  }
}
