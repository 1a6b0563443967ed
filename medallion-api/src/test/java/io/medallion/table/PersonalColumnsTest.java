package io.medallion.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.medallion.TableId;
import io.medallion.ValidationException;
import io.medallion.schema.ColumnType;
import org.junit.jupiter.api.Test;

class PersonalColumnsTest {
  private static final BronzeTable RAW = BronzeTable.builder(TableId.of("bronze", "raw")).build();

  private static SilverTable.Builder users() {
    return SilverTable.builder(TableId.of("silver", "users"), RAW)
        .map("id", ColumnType.STRING, "id")
        .map("email", ColumnType.STRING, "email")
        .map("latitude", ColumnType.DOUBLE, "location.latitude");
  }

  @Test
  void personal_markedColumns_areListedInOrder() {
    SilverTable users = users().personal("email", "latitude").build();

    assertThat(users.personalColumns()).containsExactly("email", "latitude");
  }

  @Test
  void personal_unknownColumn_isAProblemNamingItAndTheColumns() {
    assertThatThrownBy(() -> users().personal("phone").build())
        .isInstanceOf(ValidationException.class)
        .extracting(e -> ((ValidationException) e).problems())
        .asList()
        .containsExactly("personal names unknown column 'phone'; columns: [id, email, latitude]");
  }

  @Test
  void personal_keptByToBuilderAndPartOfEquality() {
    SilverTable marked = users().personal("email").build();

    assertThat(marked.toBuilder().build()).isEqualTo(marked);
    assertThat(marked).isNotEqualTo(users().build());
    assertThat(marked.toBuilder().clearPersonal().personal("latitude").build().personalColumns())
        .containsExactly("latitude");
  }
}
