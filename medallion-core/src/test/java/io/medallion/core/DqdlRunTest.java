package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.dqdl.DqdlRuleset;
import io.medallion.core.spi.JsonSource;
import io.medallion.quality.QualityPolicy;
import io.medallion.report.QualityReport;
import io.medallion.report.RuleStats;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.SilverTable;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Glue DQDL ruleset runs unchanged in a medallion pipeline. */
class DqdlRunTest {
  @TempDir Path lake;

  @Test
  void run_glueRuleset_scoresRowsAndReportsEachRule() {
    DqdlRuleset ruleset =
        DqdlRuleset.parse(
            "Rules = [ IsComplete \"email\", ColumnValues \"age\" between 0 and 120,"
                + " ColumnValues \"gender\" in [\"male\",\"female\"], RowCount between 1 and 100 ]");
    BronzeTable raw = BronzeTable.builder(TableId.of("bronze", "people")).build();
    SilverTable people =
        SilverTable.builder(TableId.of("silver", "people"), raw)
            .map("email", ColumnType.STRING, "email")
            .map("age", ColumnType.INT, "age")
            .map("gender", ColumnType.STRING, "gender")
            .rules(ruleset.rules())
            .datasetRules(ruleset.datasetRules())
            .policy(QualityPolicy.minScore(0.0))
            .build();
    String input =
        "{\"email\":\"a@example.com\",\"age\":30,\"gender\":\"male\"}\n"
            + "{\"age\":130,\"gender\":\"x\"}\n";

    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lake).build()) {
      runtime.ingest(
          raw,
          JsonSource.stream(
              "people", new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))));
      RunResult result = runtime.run(Pipeline.builder("dqdl").tables(raw, people).build());

      QualityReport report = result.report(people.id()).orElseThrow();
      Map<String, Long> failedByRule =
          report.rules().stream().collect(Collectors.toMap(RuleStats::name, RuleStats::failed));
      assertThat(failedByRule)
          .containsOnlyKeys(ruleset.rules().stream().map(r -> r.name()).toArray(String[]::new))
          .containsValues(1L, 1L, 1L);
      assertThat(report.rows().kept()).isEqualTo(2);
    }
  }
}
