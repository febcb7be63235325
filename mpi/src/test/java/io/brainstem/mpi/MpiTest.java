package io.brainstem.mpi;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** What Mpi.init() says where it cannot run. */
class MpiTest {
  @Test
  void onJdk17DistributedRunsRefuseNamingTheJdkToUse() {
    assumeTrue(Runtime.version().feature() < Mpi.MIN_JDK, "this JDK has the FFM API; the refusal is for JDK 17-21");
    MpiUnavailableException e = assertThrows(MpiUnavailableException.class, Mpi::init);
    assertThat(e).hasMessageThat().contains("distributed runs need JDK 22 or newer");
    assertThat(e).hasMessageThat().contains("Temurin 25");
  }

  @Test
  void aLibraryPropertyNamingNoFileIsRefused() {
    String old = System.getProperty(Mpi.LIBRARY_PROPERTY);
    System.setProperty(Mpi.LIBRARY_PROPERTY, "/no/such/libmpi.so");
    try {
      MpiUnavailableException e = assertThrows(MpiUnavailableException.class, Mpi::library);
      assertThat(e).hasMessageThat().contains("/no/such/libmpi.so names no file");
    } finally {
      if (old == null) {
        System.clearProperty(Mpi.LIBRARY_PROPERTY);
      } else {
        System.setProperty(Mpi.LIBRARY_PROPERTY, old);
      }
    }
  }
}
