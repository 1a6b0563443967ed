package io.medallion.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.medallion.core.spi.JsonSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.data.Record;

/** Input for the fault tests, and the check that a lake holds every record exactly once. */
final class FaultData {
  private FaultData() {}

  /** People with the given ids, all in CH, as NDJSON named {@code name}. */
  static JsonSource people(String name, String... ids) {
    return JsonSource.stream(name, new ByteArrayInputStream(lines(ids)));
  }

  /** One NDJSON line per id. */
  static byte[] lines(String... ids) {
    StringBuilder text = new StringBuilder();
    for (String id : ids) {
      text.append(EmbeddedLakeTest.personIn(id, "CH", "2024-01-01T00:00:00Z")).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Asserts that bronze and silver of {@link TestPipelines#PIPELINE} hold exactly these ids, each
   * once, that nothing went to quarantine, and that gold counted each once.
   */
  static void assertExactly(MedallionRuntime runtime, String... ids) {
    assertThat(bronzeIds(runtime)).containsExactlyInAnyOrder(ids);
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.id())))
        .extracting(row -> (String) row.getField("id"))
        .containsExactlyInAnyOrder(ids);
    assertThat(TableReads.rows(runtime.table(TestPipelines.PEOPLE.quarantineId()))).isEmpty();
    assertThat(TableReads.rows(runtime.table(TestPipelines.BY_COUNTRY.id())))
        .extracting(row -> row.getField("people"))
        .containsExactly((long) ids.length);
  }

  private static List<String> bronzeIds(MedallionRuntime runtime) {
    List<String> ids = new ArrayList<>();
    for (Record row : TableReads.rows(runtime.table(TestPipelines.RAW.id()))) {
      String payload = String.valueOf(row.getField("payload"));
      int start = "{\"id\":\"".length();
      ids.add(payload.substring(start, payload.indexOf('"', start)));
    }
    return ids;
  }
}
