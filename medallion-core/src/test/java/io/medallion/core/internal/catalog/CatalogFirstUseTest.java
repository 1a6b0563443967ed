package io.medallion.core.internal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several processes opening a new embedded lake at the same moment: each must get its catalog.
 * Without the first-use lock, Iceberg's schema migration raced and one failed with {@code duplicate
 * column name: iceberg_type}.
 */
class CatalogFirstUseTest {
  private static final int PROCESSES = 3;

  @TempDir Path dir;

  @RepeatedTest(4)
  void open_concurrentProcessesOnNewLake_everyProcessSucceeds() throws Exception {
    Path lake = dir.resolve("lake");
    Path start = dir.resolve("start");
    List<Process> processes = new ArrayList<>();
    try {
      for (int i = 0; i < PROCESSES; i++) {
        processes.add(launch(lake, ready(i), start, dir.resolve("process-" + i + ".log")));
      }
      awaitReady(processes);
      Files.createFile(start);
      for (int i = 0; i < PROCESSES; i++) {
        int exit = processes.get(i).waitFor();
        String log = Files.readString(dir.resolve("process-" + i + ".log"), StandardCharsets.UTF_8);
        assertThat(exit).as("process %d exit code; its output:%n%s", i, log).isZero();
      }
    } finally {
      processes.forEach(Process::destroyForcibly);
    }
    assertThat(lake.resolve("catalog.db")).isRegularFile();
  }

  private Path ready(int process) {
    return dir.resolve("ready-" + process);
  }

  /** Waits until every process has loaded its classes and polls for the start file. */
  private void awaitReady(List<Process> processes) throws InterruptedException {
    for (int i = 0; i < processes.size(); i++) {
      while (!Files.exists(ready(i)) && processes.get(i).isAlive()) {
        Thread.sleep(10);
      }
    }
  }

  private static Process launch(Path lake, Path ready, Path start, Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx128m",
            "-cp",
            System.getProperty("java.class.path"),
            FirstUseProcess.class.getName(),
            lake.toString(),
            ready.toString(),
            start.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
