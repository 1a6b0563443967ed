package io.medallion.samples.bench;

import io.medallion.core.MedallionRuntime;
import io.medallion.core.spi.JsonSource;
import java.nio.file.Path;

/** The benchmark job on medallion, through the public API, on a fresh embedded lake. */
final class MedallionEngine {
  private MedallionEngine() {}

  /**
   * Runs the job.
   *
   * @param threads the runtime's parallelism: 2 (the default on this machine) or 1 (everything on
   *     one thread, the plain path the fast one is compared with)
   */
  static void run(Path input, Path work, StageMeter meter, int threads) throws Exception {
    Path lake = work.resolve("lake");
    Path warehouse = lake.resolve("warehouse");
    try (MedallionRuntime runtime =
        MedallionRuntime.builder().lake(lake).parallelism(threads).build()) {
      bronzeAndSilver(runtime, input, warehouse, meter);
      meter.measure(
          "gold",
          () -> {
            runtime.run(BenchJob.PIPELINE);
            return StageMeter.sizeOf(warehouse.resolve("gold"));
          });
      meter.check(OutputCheck.ofLake(runtime));
    }
  }

  /**
   * Ingests the input into bronze, then runs silver, measuring each as a stage.
   *
   * @param warehouse the lake's data folder, whose layers' sizes are the bytes written
   */
  static void bronzeAndSilver(
      MedallionRuntime runtime, Path input, Path warehouse, StageMeter meter) throws Exception {
    meter.measure(
        "bronze",
        () -> {
          runtime.ingest(BenchJob.RAW, JsonSource.file(input));
          return StageMeter.sizeOf(warehouse.resolve("bronze"));
        });
    meter.measure(
        "silver",
        () -> {
          runtime.run(BenchJob.SILVER_ONLY);
          return StageMeter.sizeOf(warehouse.resolve("silver"));
        });
  }

  /**
   * Runs the job with ingestion and silver in one call, silver taking the records from ingestion
   * instead of reading bronze back: the "bronze" stage covers both (its bytes are bronze's and
   * silver's), the "silver" stage is the follow-up run, which finds nothing new.
   */
  static void runFused(Path input, Path work, StageMeter meter) throws Exception {
    Path lake = work.resolve("lake");
    Path warehouse = lake.resolve("warehouse");
    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      meter.measure(
          "bronze",
          () -> {
            runtime.run(BenchJob.SILVER_ONLY, BenchJob.RAW, JsonSource.file(input));
            return StageMeter.sizeOf(warehouse.resolve("bronze"))
                + StageMeter.sizeOf(warehouse.resolve("silver"));
          });
      meter.measure(
          "silver",
          () -> {
            runtime.run(BenchJob.SILVER_ONLY);
            return 0L;
          });
      meter.measure(
          "gold",
          () -> {
            runtime.run(BenchJob.PIPELINE);
            return StageMeter.sizeOf(warehouse.resolve("gold"));
          });
      meter.check(OutputCheck.ofLake(runtime));
    }
  }
}
