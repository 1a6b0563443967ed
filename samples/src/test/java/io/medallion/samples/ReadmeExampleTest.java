package io.medallion.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.core.MedallionRuntime;
import io.medallion.core.RunResult;
import io.medallion.core.TableRun;
import io.medallion.core.spi.JsonSource;
import io.medallion.quality.PolicyAction;
import io.medallion.quality.QualityPolicy;
import io.medallion.quality.Rule;
import io.medallion.samples.randomuser.RandomUserGenerator;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.Derivation;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, compiled and run, so that it cannot rot. */
class ReadmeExampleTest {
  @TempDir Path dir;

  @Test
  void readmeExample_runsAsWritten() throws IOException {
    Path usersJson = dir.resolve("users.json");
    try (BufferedWriter out = Files.newBufferedWriter(usersJson)) {
      RandomUserGenerator.withSeed(3).writeResponse(out, 200, 1);
    }
    Path lakehouse = dir.resolve("lakehouse");

    // --- README example starts here ---
    BronzeTable raw =
        BronzeTable.builder(TableId.of("bronze", "users_raw"))
            .recordsAt("results") // the API's envelope: {"results": [...], "info": {...}}
            .secretPaths("login.password", "login.salt") // never allowed into silver
            .build();

    SilverTable users =
        SilverTable.builder(TableId.of("silver", "users"), raw)
            .map("user_id", ColumnType.STRING, "login.uuid")
            .map("email", ColumnType.STRING, "email", Standardizer.EMAIL)
            .map("nationality", ColumnType.STRING, "nat", Standardizer.UPPER_CASE)
            .map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("nationality"))
            .mapFirst("born_at", ColumnType.TIMESTAMP_TZ, List.of("dob.date", "dob"))
            .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
            .rules(
                Rule.notNull("user_id").critical(),
                Rule.matches("email", "[^@\\s]+@[^@\\s]+\\.[a-z]{2,}").weight(2),
                Rule.matches("phone", "\\+[1-9][0-9]{6,14}").named("phone_e164"))
            .policy(QualityPolicy.minScore(0.8).below(PolicyAction.QUARANTINE))
            .deduplicateOn("user_id")
            .build();

    GoldTable byNationality =
        GoldTable.builder(TableId.of("gold", "users_by_nationality"), users)
            .groupBy("nationality", "generation")
            .count("users")
            .avg("avg_quality", "quality_score")
            .build();

    Pipeline pipeline = Pipeline.builder("users").tables(raw, users, byNationality).build();
    System.out.println(pipeline.describe());

    try (MedallionRuntime runtime = MedallionRuntime.builder().lake(lakehouse).build()) {
      runtime.ingest(raw, JsonSource.file(usersJson));
      RunResult result = runtime.run(pipeline);
      TableRun silver = result.table(users.id()); // read = written + quarantined + duplicates
      // --- README example ends here ---

      assertThat(silver.read()).isEqualTo(200);
      assertThat(silver.read())
          .isEqualTo(silver.written() + silver.quarantined() + silver.duplicates());
      assertThat(result.table(byNationality.id()).written()).isPositive();
    }
  }
}
