package io.medallion.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.ValidationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MaintenanceOptionsTest {
  @Test
  void build_defaults_keepAWeekOfSnapshotsAndThreeDaysOfYoungFiles() {
    MaintenanceOptions options = MaintenanceOptions.builder().build();

    assertThat(options.expireSnapshotsOlderThan()).isEqualTo(Duration.ofDays(7));
    assertThat(options.orphanFilesOlderThan()).isEqualTo(Duration.ofDays(3));
    assertThat(options.retainLastSnapshots()).isEqualTo(5);
    assertThat(options.smallFileBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(options.dryRun()).isFalse();
  }

  @Test
  void build_invalidAndRepeatedSettings_listsEveryProblem() {
    MaintenanceOptions.Builder builder =
        MaintenanceOptions.builder()
            .expireSnapshotsOlderThan(Duration.ofDays(-1))
            .retainLastSnapshots(0)
            .smallFileBytes(-5)
            .minFilesToCompact(1)
            .dryRun(true)
            .dryRun(false);

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dryRun is set twice")
        .hasMessageContaining("expireSnapshotsOlderThan must be zero or more, got PT-24H")
        .hasMessageContaining("retainLastSnapshots must be at least 1, got 0")
        .hasMessageContaining("smallFileBytes must be zero or more, got -5")
        .hasMessageContaining("minFilesToCompact must be at least 2, got 1");
  }

  @Test
  void toBuilder_changesOneSetting_keepsTheOthers() {
    MaintenanceOptions dryRun =
        MaintenanceOptions.builder().retainLastSnapshots(2).dryRun(true).build();

    MaintenanceOptions real = dryRun.toBuilder().dryRun(false).build();

    assertThat(real.retainLastSnapshots()).isEqualTo(2);
    assertThat(real.dryRun()).isFalse();
  }
}
