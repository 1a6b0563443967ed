package io.medallion.core;

import static io.medallion.core.DimensionalPipelines.CHANGES;
import static io.medallion.core.DimensionalPipelines.CHANGES_RAW;
import static io.medallion.core.DimensionalPipelines.DIM_DATE;
import static io.medallion.core.DimensionalPipelines.DIM_USER;
import static io.medallion.core.DimensionalPipelines.DIM_USER_LATEST;
import static io.medallion.core.DimensionalPipelines.FACT_ORDERS;
import static io.medallion.core.DimensionalPipelines.ORDERS;
import static io.medallion.core.DimensionalPipelines.ORDERS_RAW;
import static io.medallion.core.DimensionalPipelines.PIPELINE;
import static io.medallion.core.DimensionalPipelines.change;
import static io.medallion.core.DimensionalPipelines.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.MedallionException;
import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.table.FactTable;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class DimensionalModelRunTest extends EmbeddedLakeTest {

  private List<Record> rows(TableId id) {
    return TableReads.rows(runtime.table(id));
  }

  /** Type 2 versions of one user as "from..to email city name current", oldest first. */
  private List<String> versions(String userId) {
    return rows(DIM_USER.id()).stream()
        .filter(r -> userId.equals(r.getField("user_id")))
        .sorted(Comparator.comparing(r -> r.getField("valid_from").toString()))
        .map(
            r ->
                day(r.getField("valid_from"))
                    + ".."
                    + day(r.getField("valid_to"))
                    + " "
                    + r.getField("email")
                    + " "
                    + r.getField("city")
                    + " "
                    + r.getField("name")
                    + (Boolean.TRUE.equals(r.getField("is_current")) ? " current" : ""))
        .toList();
  }

  private static String day(Object timestamp) {
    return timestamp == null ? "" : timestamp.toString().substring(0, 10);
  }

  private void changes(String name, String... lines) {
    runtime.ingest(CHANGES_RAW, ndjson(name, lines));
  }

  @Test
  void type2_changesAndALateChange_eachLandInTheirOwnPeriod() {
    changes(
        "c1.ndjson",
        change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"),
        change("u1", "c@x", "Zurich", "Ada", "2024-03-01T00:00:00Z"));
    runtime.run(PIPELINE);
    assertThat(versions("u1"))
        .containsExactly(
            "2024-01-01..2024-03-01 a@x Zurich Ada", "2024-03-01.. c@x Zurich Ada current");

    changes("c2.ndjson", change("u1", "b@x", "Bern", "Ada", "2024-02-01T00:00:00Z"));
    runtime.run(PIPELINE);

    assertThat(versions("u1"))
        .containsExactly(
            "2024-01-01..2024-02-01 a@x Zurich Ada",
            "2024-02-01..2024-03-01 b@x Bern Ada",
            "2024-03-01.. c@x Zurich Ada current");
    List<Record> unknown =
        rows(DIM_USER.id()).stream().filter(r -> r.getField("user_key").equals(-1L)).toList();
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0).getField("user_id")).isNull();
    assertThat(unknown.get(0).getField("is_current")).isEqualTo(true);
  }

  @Test
  void type2_untrackedChange_updatesTheVersionWithoutANewOne() {
    changes("c1.ndjson", change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"));
    runtime.run(PIPELINE);
    long key =
        (Long)
            rows(DIM_USER.id()).stream()
                .filter(r -> "u1".equals(r.getField("user_id")))
                .findFirst()
                .orElseThrow()
                .getField("user_key");

    changes("c2.ndjson", change("u1", "a@x", "Zurich", "Ada Lovelace", "2024-05-01T00:00:00Z"));
    runtime.run(PIPELINE);

    assertThat(versions("u1")).containsExactly("2024-01-01.. a@x Zurich Ada Lovelace current");
    Record only =
        rows(DIM_USER.id()).stream()
            .filter(r -> "u1".equals(r.getField("user_id")))
            .findFirst()
            .orElseThrow();
    assertThat(only.getField("user_key")).isEqualTo(key);
    assertThat(day(only.getField("last_seen_at"))).isEqualTo("2024-05-01");
  }

  @Test
  void rerun_nothingNew_commitsNoDimensionOrFact() {
    changes("c1.ndjson", change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"));
    runtime.ingest(ORDERS_RAW, ndjson("o1.ndjson", order("o1", "u1", "2024-01-02T00:00:00Z", 5)));
    RunResult first = runtime.run(PIPELINE);
    assertThat(first.table(DIM_USER.id()).committed()).isTrue();
    assertThat(first.table(DIM_DATE.id()).committed()).isTrue();
    assertThat(first.table(FACT_ORDERS.id()).committed()).isTrue();

    RunResult again = runtime.run(PIPELINE);
    // A new silver snapshot that changes no member: the dimension commits nothing either.
    changes("c2.ndjson", change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"));
    RunResult sameValues = runtime.run(PIPELINE);

    for (TableId id :
        List.of(DIM_USER.id(), DIM_USER_LATEST.id(), DIM_DATE.id(), FACT_ORDERS.id())) {
      assertThat(again.table(id).committed()).as(id.toString()).isFalse();
    }
    assertThat(sameValues.table(CHANGES.id()).committed()).isTrue();
    assertThat(sameValues.table(DIM_USER.id()).committed()).isFalse();
    // Incrementally: the one changed row, then both source rows of the member it touched.
    assertThat(sameValues.table(DIM_USER.id()).read()).isEqualTo(3);
    assertThat(sameValues.table(DIM_USER_LATEST.id()).committed()).isFalse();
  }

  @Test
  void type1_changedMember_isOverwrittenUnderTheSameKey() {
    changes(
        "c1.ndjson",
        change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"),
        change("u2", "g@x", "Basel", "Grace", "2024-01-01T00:00:00Z"));
    runtime.run(PIPELINE);
    Map<Object, Long> keys = keysById(rows(DIM_USER_LATEST.id()));

    changes(
        "c2.ndjson",
        change("u1", "b@x", "Bern", "Ada L", "2024-02-01T00:00:00Z"),
        // Older than what is known: it does not win.
        change("u2", "old@x", "Basel", "Grace", "2023-01-01T00:00:00Z"));
    runtime.run(PIPELINE);

    List<Record> latest = rows(DIM_USER_LATEST.id());
    assertThat(latest)
        .extracting(
            r -> r.getField("user_id") + " " + r.getField("email") + " " + r.getField("city"))
        .containsExactlyInAnyOrder("null null null", "u1 b@x Bern", "u2 g@x Basel");
    assertThat(keysById(latest)).isEqualTo(keys);
    assertThat(
            latest.stream()
                .filter(r -> r.getField("user_id") == null)
                .findFirst()
                .orElseThrow()
                .getField("user_latest_key"))
        .isEqualTo(-1L);
  }

  private static Map<Object, Long> keysById(List<Record> rows) {
    return rows.stream()
        .filter(r -> r.getField("user_id") != null)
        .collect(
            Collectors.toMap(
                r -> r.getField("user_id"), r -> (Long) r.getField("user_latest_key")));
  }

  @Test
  void dateDimension_days_haveTheirCalendarAttributes() {
    RunResult result = runtime.run(PIPELINE);

    List<Record> days = rows(DIM_DATE.id());
    assertThat(result.table(DIM_DATE.id()).written()).isEqualTo(367);
    assertThat(days).hasSize(367);
    Map<Object, Record> byKey =
        days.stream().collect(Collectors.toMap(r -> r.getField("date_key"), r -> r));
    Record leap = byKey.get(20240229);
    assertThat(leap.getField("date")).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(
            List.of(
                leap.getField("year"),
                leap.getField("quarter"),
                leap.getField("month"),
                leap.getField("month_name"),
                leap.getField("day_of_month"),
                leap.getField("day_of_week"),
                leap.getField("day_name"),
                leap.getField("day_of_year"),
                leap.getField("iso_week"),
                leap.getField("iso_week_year"),
                leap.getField("is_weekend"),
                leap.getField("first_day_of_month")))
        .containsExactly(
            2024,
            1,
            2,
            "February",
            29,
            4,
            "Thursday",
            60,
            9,
            2024,
            false,
            LocalDate.of(2024, 2, 1));
    Record monday = byKey.get(20241230);
    assertThat(monday.getField("iso_week")).isEqualTo(1);
    assertThat(monday.getField("iso_week_year")).isEqualTo(2025);
    assertThat(monday.getField("quarter")).isEqualTo(4);
    assertThat(byKey.get(20241229).getField("is_weekend")).isEqualTo(true);
    assertThat(byKey.get(-1).getField("date")).isNull();
  }

  @Test
  void fact_keys_resolveAsOfTheEventTimeAndUnknownKeysKeepTheirFact() {
    changes(
        "c1.ndjson",
        change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"),
        change("u1", "b@x", "Bern", "Ada", "2024-02-01T00:00:00Z"));
    runtime.ingest(
        ORDERS_RAW,
        ndjson(
            "o1.ndjson",
            order("o1", "u1", "2024-01-15T00:00:00Z", 10),
            order("o2", "u1", "2024-02-15T00:00:00Z", 20),
            order("o3", "u1", "2023-12-01T00:00:00Z", 30),
            order("o4", "nobody", "2024-03-01T00:00:00Z", 40),
            order("o5", "u1", "2025-06-01T00:00:00Z", 50),
            "{\"id\":\"o6\",\"user\":\"u1\",\"amount\":60}"));

    RunResult result = runtime.run(PIPELINE);

    TableRun facts = result.table(FACT_ORDERS.id());
    assertThat(facts.read()).isEqualTo(6);
    assertThat(facts.written()).isEqualTo(facts.read());
    Map<String, Long> versionKeys =
        rows(DIM_USER.id()).stream()
            .filter(r -> "u1".equals(r.getField("user_id")))
            .collect(
                Collectors.toMap(
                    r -> (String) r.getField("email"), r -> (Long) r.getField("user_key")));
    long latestKey =
        (Long)
            rows(DIM_USER_LATEST.id()).stream()
                .filter(r -> "u1".equals(r.getField("user_id")))
                .findFirst()
                .orElseThrow()
                .getField("user_latest_key");
    Map<Object, Record> byOrder =
        rows(FACT_ORDERS.id()).stream()
            .collect(Collectors.toMap(r -> r.getField("order_id"), r -> r));
    assertThat(byOrder.get("o1").getField("user_key")).isEqualTo(versionKeys.get("a@x"));
    assertThat(byOrder.get("o2").getField("user_key")).isEqualTo(versionKeys.get("b@x"));
    // Before the first version: the member's first version, not the unknown member.
    assertThat(byOrder.get("o3").getField("user_key")).isEqualTo(versionKeys.get("a@x"));
    assertThat(byOrder.get("o4").getField("user_key")).isEqualTo(-1L);
    assertThat(byOrder.get("o4").getField("latest_user_key")).isEqualTo(-1L);
    assertThat(byOrder.get("o5").getField("user_key")).isEqualTo(versionKeys.get("b@x"));
    assertThat(byOrder.get("o1").getField("latest_user_key")).isEqualTo(latestKey);
    assertThat(byOrder.get("o1").getField("order_date_key")).isEqualTo(20240115);
    assertThat(byOrder.get("o5").getField("order_date_key")).isEqualTo(-1);
    // No event time: the current version, and no day.
    assertThat(byOrder.get("o6").getField("user_key")).isEqualTo(versionKeys.get("b@x"));
    assertThat(byOrder.get("o6").getField("order_date_key")).isEqualTo(-1);
    assertThat(byOrder.get("o2").getField("amount")).isEqualTo(20.0);
    Map<String, String> summary = runtime.table(FACT_ORDERS.id()).currentSnapshot().summary();
    assertThat(summary)
        .containsEntry("medallion.unknown.user_key", "1")
        .containsEntry("medallion.unknown.order_date_key", "3")
        .containsEntry(
            "medallion.consumed.silver.orders",
            Long.toString(runtime.table(ORDERS.id()).currentSnapshot().snapshotId()))
        .containsEntry(
            "medallion.consumed.gold.dim_user",
            Long.toString(runtime.table(DIM_USER.id()).currentSnapshot().snapshotId()));

    // A late change of the dimension alone moves the fact to the version now in effect.
    changes("c2.ndjson", change("u1", "c@x", "Geneva", "Ada", "2024-01-10T00:00:00Z"));
    RunResult later = runtime.run(PIPELINE);

    assertThat(later.table(ORDERS.id()).committed()).isFalse();
    assertThat(later.table(FACT_ORDERS.id()).committed()).isTrue();
    Record o1 =
        rows(FACT_ORDERS.id()).stream()
            .filter(r -> "o1".equals(r.getField("order_id")))
            .findFirst()
            .orElseThrow();
    Record version =
        rows(DIM_USER.id()).stream()
            .filter(r -> o1.getField("user_key").equals(r.getField("user_key")))
            .findFirst()
            .orElseThrow();
    assertThat(version.getField("email")).isEqualTo("c@x");
  }

  @Test
  void dimension_rowWithoutChangeTime_failsNamingTheMember() {
    changes(
        "c1.ndjson",
        change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"),
        "{\"id\":\"u2\",\"email\":\"g@x\"}");

    assertThatThrownBy(() -> runtime.run(PIPELINE))
        .isInstanceOf(MedallionException.class)
        .hasMessageContaining(
            "gold.dim_user: the source row with user_id=u2 has no change time in 'changed_at'");
    assertThat(runtime.table(DIM_USER.id()).currentSnapshot()).isNull();
  }

  @Test
  void fact_grainNotUnique_failsNamingTheValue() {
    FactTable perUser =
        FactTable.builder(TableId.of("gold", "fact_changes"), CHANGES, "user_id")
            .eventTime("changed_at")
            .build();
    Pipeline pipeline = Pipeline.builder("changes").tables(CHANGES_RAW, CHANGES, perUser).build();
    changes(
        "c1.ndjson",
        change("u1", "a@x", "Zurich", "Ada", "2024-01-01T00:00:00Z"),
        change("u1", "b@x", "Bern", "Ada", "2024-02-01T00:00:00Z"));

    assertThatThrownBy(() -> runtime.run(pipeline))
        .isInstanceOf(MedallionException.class)
        .hasMessageContaining(
            "gold.fact_changes: two rows of silver.user_changes have the grain [user_id] = [u1]; a fact table holds"
                + " one row per grain value");
    assertThat(runtime.table(perUser.id()).currentSnapshot()).isNull();
  }
}
