package io.medallion.core;

import io.medallion.Pipeline;
import io.medallion.TableId;
import io.medallion.schema.ColumnType;
import io.medallion.table.BronzeTable;
import io.medallion.table.DateDimension;
import io.medallion.table.DimensionTable;
import io.medallion.table.FactTable;
import io.medallion.table.SilverTable;
import java.time.LocalDate;

/**
 * A small dimensional model for the core tests: a log of user changes (every row kept, so the
 * source itself holds each member's whole history), orders referencing users, and a 2024 calendar.
 */
final class DimensionalPipelines {
  static final BronzeTable CHANGES_RAW =
      BronzeTable.builder(TableId.of("bronze", "user_changes_raw")).build();

  static final SilverTable CHANGES =
      SilverTable.builder(TableId.of("silver", "user_changes"), CHANGES_RAW)
          .map("user_id", ColumnType.STRING, "id")
          .map("email", ColumnType.STRING, "email")
          .map("city", ColumnType.STRING, "city")
          .map("name", ColumnType.STRING, "name")
          .map("changed_at", ColumnType.TIMESTAMP_TZ, "changed")
          .build();

  static final BronzeTable ORDERS_RAW =
      BronzeTable.builder(TableId.of("bronze", "orders_raw")).build();

  static final SilverTable ORDERS =
      SilverTable.builder(TableId.of("silver", "orders"), ORDERS_RAW)
          .map("order_id", ColumnType.STRING, "id")
          .map("user_id", ColumnType.STRING, "user")
          .map("ordered_at", ColumnType.TIMESTAMP_TZ, "at")
          .map("amount", ColumnType.DOUBLE, "amount")
          .deduplicateOn("order_id")
          .build();

  static final DimensionTable DIM_USER =
      DimensionTable.type2(TableId.of("gold", "dim_user"), CHANGES, "user_id")
          .tracked("email", "city")
          .attributes("name")
          .changedAt("changed_at")
          .build();

  static final DimensionTable DIM_USER_LATEST =
      DimensionTable.type1(TableId.of("gold", "dim_user_latest"), CHANGES, "user_id")
          .attributes("email", "city", "name")
          .changedAt("changed_at")
          .build();

  static final DateDimension DIM_DATE =
      DateDimension.builder(
              TableId.of("gold", "dim_date"), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
          .build();

  static final FactTable FACT_ORDERS =
      FactTable.builder(TableId.of("gold", "fact_orders"), ORDERS, "order_id")
          .eventTime("ordered_at")
          .dimension(DIM_USER, "user_id")
          .dimension("latest_user_key", DIM_USER_LATEST, "user_id")
          .date("order_date_key", DIM_DATE, "ordered_at")
          .measures("amount")
          .build();

  static final Pipeline PIPELINE =
      Pipeline.builder("shop")
          .tables(
              CHANGES_RAW,
              CHANGES,
              ORDERS_RAW,
              ORDERS,
              FACT_ORDERS,
              DIM_USER,
              DIM_USER_LATEST,
              DIM_DATE)
          .build();

  private DimensionalPipelines() {}

  /** One NDJSON line of a user change. */
  static String change(String id, String email, String city, String name, String changed) {
    return "{\"id\":\""
        + id
        + "\",\"email\":\""
        + email
        + "\",\"city\":\""
        + city
        + "\",\"name\":\""
        + name
        + "\",\"changed\":\""
        + changed
        + "\"}";
  }

  /** One NDJSON line of an order. */
  static String order(String id, String user, String at, double amount) {
    return "{\"id\":\""
        + id
        + "\",\"user\":\""
        + user
        + "\",\"at\":\""
        + at
        + "\",\"amount\":"
        + amount
        + "}";
  }
}
