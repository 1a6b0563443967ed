package io.medallion.samples.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the stages of one engine run inside its own JVM: wall and CPU seconds per stage, then
 * the JVM's peak heap and the process's peak resident set size.
 */
final class StageMeter {
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Map<String, Stage> stages = new LinkedHashMap<>();
  private OutputCheck check;

  /** One measured stage; {@code rows} is 0 unless the stage counts the rows it read. */
  record Stage(double wallSeconds, double cpuSeconds, long bytesWritten, long rows) {}

  /** Work whose duration is measured. */
  @FunctionalInterface
  interface Work {
    /**
     * Runs the stage.
     *
     * @return the bytes it wrote
     * @throws Exception when the stage fails
     */
    long run() throws Exception;
  }

  void measure(String name, Work work) throws Exception {
    record(name, work, false);
  }

  /** Measures a stage whose work returns the rows it read instead of bytes written. */
  void measureRows(String name, Work rowsRead) throws Exception {
    record(name, rowsRead, true);
  }

  private void record(String name, Work work, boolean countsRows) throws Exception {
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    long result = work.run();
    double wall = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
    stages.put(
        name,
        countsRows
            ? new Stage(wall, cpuSeconds, 0, result)
            : new Stage(wall, cpuSeconds, result, 0));
  }

  Map<String, Stage> stages() {
    return stages;
  }

  /**
   * Keeps what the engine produced, read after the measured stages, for the engines' comparison.
   */
  void check(OutputCheck output) {
    this.check = output;
  }

  Optional<OutputCheck> check() {
    return Optional.ofNullable(check);
  }

  /**
   * The peak heap used since the JVM started, summed over heap pools: an upper bound, since the
   * pools (eden, survivor, old) peak at different times.
   */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** The process's peak resident set size (VmHWM), or -1 where /proc is not available. */
  static long peakRssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  static long sizeOf(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (var files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
