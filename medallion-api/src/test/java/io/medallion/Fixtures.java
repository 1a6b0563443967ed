package io.medallion;

import io.medallion.quality.Rule;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.Derivation;
import io.medallion.table.GoldTable;
import io.medallion.table.SilverTable;
import io.medallion.table.Standardizer;

/** Small valid definitions the API tests build on. */
final class Fixtures {
  static final BronzeTable RAW =
      BronzeTable.builder(TableId.of("bronze", "raw")).secretPaths("login.password").build();

  static SilverTable.Builder users() {
    return SilverTable.builder(TableId.of("silver", "users"), RAW)
        .map("id", ColumnType.STRING, "login.uuid")
        .map("email", ColumnType.STRING, "email", Standardizer.EMAIL)
        .map("nat", ColumnType.STRING, "nat")
        .map("phone", ColumnType.STRING, "phone", Standardizer.phoneE164("nat"))
        .map("age", ColumnType.INT, "dob.age")
        .map("born_at", ColumnType.TIMESTAMP_TZ, "dob.date")
        .derive("generation", ColumnType.STRING, Derivation.generation("born_at"))
        .rules(Rule.notNull("id").critical(), Rule.range("age", 0, 120))
        .deduplicateOn("id");
  }

  static final SilverTable USERS = users().build();

  static final GoldTable BY_NAT =
      GoldTable.builder(TableId.of("gold", "by_nat"), USERS)
          .groupBy("nat")
          .count("users")
          .avg("avg_age", "age")
          .build();

  private Fixtures() {}
}
