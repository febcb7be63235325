package io.brainstem.checkpoint;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checkpoint read from disk and verified ({@link CheckpointStore#read}): its manifest fields and
 * every array, held in memory until a runner restores them.
 */
public final class Checkpoint {
  private final Path directory;
  private final Map<String, Object> manifest;
  private final Map<String, Object> arrays;

  Checkpoint(Path directory, Map<String, Object> manifest, Map<String, Object> arrays) {
    this.directory = directory;
    this.manifest = manifest;
    this.arrays = arrays;
  }

  /** The directory of this checkpoint (a {@code step-<n>} subdirectory, or the one given). */
  public Path directory() {
    return directory;
  }

  /** The number of steps taken when it was saved: the step a resumed runner takes next. */
  public long step() {
    return CheckpointStore.field(manifest, "step", Long.class, directory);
  }

  /** A field of the manifest (a Map, List, String, Long, Double, Boolean), or null. */
  public Object field(String name) {
    return manifest.get(name);
  }

  /** The metadata strings saved with the checkpoint ({@code checkpointMetadata}), by key. */
  public Map<String, String> metadata() {
    Map<String, String> out = new LinkedHashMap<>();
    if (manifest.get("metadata") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    }
    return out;
  }

  /** A list of strings saved in the metadata under {@code key} as a JSON list; empty when absent. */
  public List<String> metadataList(String key) {
    if (manifest.get("metadataLists") instanceof Map<?, ?> m && m.get(key) instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** The arrays, for the components that saved them; keys as they were saved. */
  public StateIn state() {
    return new StateIn("", arrays, directory.toString());
  }

  /**
   * The differences between the fingerprint saved and {@code current} (the network and runner about
   * to resume), one line each, e.g. {@code groups.E.size: checkpoint 4000, now 3200}; empty when
   * they match.
   */
  public List<String> differences(Map<String, Object> current) {
    List<String> out = new java.util.ArrayList<>();
    Fingerprints.diff("", manifest.get("fingerprint"), current, out);
    return out;
  }
}
