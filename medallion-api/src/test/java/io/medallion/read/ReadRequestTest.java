package io.medallion.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadRequestTest {
  private static final TableId USERS = TableId.of("silver", "users");

  @Test
  void build_defaults_readsEveryColumnOfTheCurrentSnapshot() {
    ReadRequest request = ReadRequest.of(USERS);

    assertThat(request.columns()).isEmpty();
    assertThat(request.filter()).isEmpty();
    assertThat(request.asOf()).isEqualTo(AsOf.current());
    assertThat(request.limit()).isEmpty();
    assertThat(request).hasToString("read silver.users as of current");
  }

  @Test
  void build_everySetting_keepsThemAndRendersThem() {
    ReadRequest request =
        ReadRequest.builder(USERS)
            .columns("id", "country")
            .filter(Filter.eq("country", "FR"))
            .asOfTime(Instant.parse("2024-01-01T00:00:00Z"))
            .limit(10)
            .build();

    assertThat(request.columns()).containsExactly("id", "country");
    assertThat(request.asOf()).isEqualTo(AsOf.time(Instant.parse("2024-01-01T00:00:00Z")));
    assertThat(request.limit()).hasValue(10);
    assertThat(request)
        .hasToString(
            "read silver.users [id, country] where country = 'FR' as of time"
                + " 2024-01-01T00:00:00Z limit 10");
  }

  @Test
  void toBuilder_unchanged_buildsAnEqualRequest() {
    ReadRequest request =
        ReadRequest.builder(USERS)
            .columns("id")
            .filter(Filter.isNull("email"))
            .asOfRef("main")
            .limit(3)
            .build();

    assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(ReadRequest.of(USERS).toBuilder().asOfSnapshot(7L).build().asOf())
        .isEqualTo(AsOf.snapshot(7L));
  }

  @Test
  void build_repeatedAndInvalidSettings_listsEveryProblem() {
    ReadRequest.Builder builder =
        ReadRequest.builder(USERS)
            .columns("id", "id", " ")
            .asOfSnapshot(1L)
            .asOfRef("audit")
            .limit(0);

    assertThatThrownBy(builder::build)
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("Invalid read of silver.users (4 problems):")
        .satisfies(
            e ->
                assertThat(((ValidationException) e).problems())
                    .containsExactly(
                        "point in time is set twice: snapshot 1, then ref audit; set it once",
                        "column 'id' is given twice; give each column once",
                        "a column name is blank; give the names of the table's columns",
                        "limit must be at least 1, got 0"));
  }

  @Test
  void asOfRef_blankName_isRefused() {
    assertThatThrownBy(() -> AsOf.ref(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A branch or tag name must not be blank");
  }
}
