package io.medallion.samples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.duckdb.DuckDBConnection;

/**
 * The same job in DuckDB SQL, from the same file to Parquet: bronze keeps each line as text with
 * its ingestion columns, silver types the columns, scores and de-duplicates them with {@code
 * QUALIFY}, gold groups. DuckDB has no libphonenumber, so a phone counts as valid E.164 when its
 * digits with the nationality's calling code make 8 to 15 digits: a looser check than the other
 * engines'.
 *
 * <p>Several formulations of the same job are kept so that docs/benchmark.md can show what each
 * costs; {@link Formulation#CONCURRENT} was the fastest on the benchmark machine and is what the
 * {@code duckdb} engine runs.
 */
final class DuckDbEngine {
  private static final String CALLING_CODES =
      "CASE nat WHEN 'AU' THEN '61' WHEN 'BR' THEN '55' WHEN 'CA' THEN '1' WHEN 'CH' THEN '41'"
          + " WHEN 'DE' THEN '49' WHEN 'DK' THEN '45' WHEN 'ES' THEN '34' WHEN 'FI' THEN '358'"
          + " WHEN 'FR' THEN '33' WHEN 'GB' THEN '44' WHEN 'IE' THEN '353' WHEN 'IN' THEN '91'"
          + " WHEN 'IR' THEN '98' WHEN 'MX' THEN '52' WHEN 'NL' THEN '31' WHEN 'NO' THEN '47'"
          + " WHEN 'NZ' THEN '64' WHEN 'RS' THEN '381' WHEN 'TR' THEN '90' WHEN 'UA' THEN '380'"
          + " WHEN 'US' THEN '1' END";

  /** The JSON paths silver reads, in the order of {@link #TYPED_COLUMNS}. */
  private static final List<String> PATHS =
      List.of(
          "$.login.uuid",
          "$.name.first",
          "$.name.last",
          "$.gender",
          "$.dob.age",
          "$.dob.date",
          "$.email",
          "$.nat",
          "$.phone",
          "$.location.country",
          "$.location.state",
          "$.location.city",
          "$.location.postcode",
          "$.location.coordinates.latitude",
          "$.location.coordinates.longitude",
          "$.registered.date");

  /**
   * Silver's typed columns from sixteen text values {@code v1..v16} (one per path of {@link
   * #PATHS}): every formulation only differs in how it gets those texts.
   */
  private static final String TYPED_COLUMNS =
      "v1 AS user_id, trim(v2) AS first_name, trim(v3) AS last_name, v4 AS gender,"
          + " TRY_CAST(v5 AS INTEGER) AS age, TRY_CAST(v6 AS TIMESTAMPTZ) AS born_at,"
          + " lower(trim(v7)) AS email, v8 AS nat,"
          + " regexp_replace(v9, '[^0-9]', '', 'g') AS phone_digits,"
          + " v10 AS country, v11 AS state, v12 AS city, v13 AS postcode,"
          + " TRY_CAST(v14 AS DOUBLE) AS latitude, TRY_CAST(v15 AS DOUBLE) AS longitude,"
          + " TRY_CAST(v16 AS TIMESTAMPTZ) AS registered_at";

  /** How the job is written. */
  enum Formulation {
    /**
     * Bronze from {@code read_json_objects}, then silver parses each bronze payload again with one
     * JSON operator per column: the first version of this engine.
     */
    TWO_PASS,
    /**
     * One scan of the file into a temporary table holding each line and its sixteen values,
     * extracted by one multi-path {@code json_extract_string} per line; bronze and silver are both
     * written from that table.
     */
    ONE_PASS,
    /**
     * Bronze from the lines read as text (no JSON parse), silver from {@code read_ndjson} with the
     * columns declared: two scans of the file, one JSON parse per record.
     */
    SPLIT_SCAN,
    /**
     * {@link #SPLIT_SCAN}'s two statements run at the same time on two connections to one database,
     * and silver without keeping insertion order.
     */
    CONCURRENT
  }

  private DuckDbEngine() {}

  static void run(Formulation formulation, Path input, Path work, StageMeter meter)
      throws Exception {
    Files.createDirectories(work);
    String bronze = work.resolve("bronze.parquet").toString();
    String silver = work.resolve("silver.parquet").toString();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("SET threads TO 2");
      // Months and generations are those of UTC, as medallion's.
      sql.execute("SET TimeZone = 'UTC'");
      sql.execute("SET temp_directory = '" + work.resolve("duckdb-spill") + "'");
      switch (formulation) {
        case TWO_PASS -> twoPass(sql, input, bronze, silver, meter);
        case ONE_PASS -> onePass(sql, input, bronze, silver, meter);
        case SPLIT_SCAN -> splitScan(sql, input, bronze, silver, meter);
        case CONCURRENT -> concurrent(db, sql, input, bronze, silver, meter);
      }
      String byCountry = work.resolve("by_country_generation.parquet").toString();
      String monthly = work.resolve("monthly.parquet").toString();
      meter.measure("gold", () -> gold(sql, silver, byCountry, monthly));
      meter.check(OutputCheck.ofParquet(sql, bronze, silver, byCountry, monthly));
    }
  }

  private static void twoPass(
      Statement sql, Path input, String bronze, String silver, StageMeter meter) throws Exception {
    meter.measure(
        "bronze",
        () ->
            copyBronze(
                sql,
                "(SELECT json::VARCHAR AS line, row_number() OVER () AS n FROM read_json_objects('"
                    + input
                    + "', format = 'newline_delimited'))",
                input,
                bronze));
    meter.measure(
        "silver",
        () ->
            copySilver(
                sql,
                "SELECT "
                    + operatorValues()
                    + " FROM (SELECT payload::JSON AS j FROM '"
                    + bronze
                    + "')",
                silver));
  }

  private static void onePass(
      Statement sql, Path input, String bronze, String silver, StageMeter meter) throws Exception {
    meter.measure(
        "bronze",
        () -> {
          sql.execute(
              "CREATE TEMP TABLE lines AS SELECT line, row_number() OVER () AS n,"
                  + " json_extract_string(line, "
                  + pathList()
                  + ") AS v FROM "
                  + lines(input));
          return copyBronze(sql, "lines", input, bronze);
        });
    meter.measure(
        "silver",
        () -> {
          long bytes = copySilver(sql, "SELECT " + listValues() + " FROM lines", silver);
          sql.execute("DROP TABLE lines");
          return bytes;
        });
  }

  private static void splitScan(
      Statement sql, Path input, String bronze, String silver, StageMeter meter) throws Exception {
    meter.measure(
        "bronze",
        () ->
            copyBronze(
                sql,
                "(SELECT line, row_number() OVER () AS n FROM " + lines(input) + ")",
                input,
                bronze));
    meter.measure(
        "silver",
        () -> copySilver(sql, "SELECT " + structValues() + " FROM " + declaredJson(input), silver));
  }

  /**
   * Numbering lines keeps bronze's scan on one thread, so silver runs beside it on a second
   * connection to the same database: the "bronze" stage covers both, as medallion-fused's does.
   */
  private static void concurrent(
      Connection db, Statement sql, Path input, String bronze, String silver, StageMeter meter)
      throws Exception {
    sql.execute("SET preserve_insertion_order = false");
    meter.measure(
        "bronze",
        () -> {
          try (Connection second = ((DuckDBConnection) db).duplicate();
              Statement other = second.createStatement()) {
            CompletableFuture<Long> silverCopy =
                CompletableFuture.supplyAsync(
                    () -> {
                      try {
                        return copySilver(
                            other,
                            "SELECT " + structValues() + " FROM " + declaredJson(input),
                            silver);
                      } catch (Exception e) {
                        throw new CompletionException(e);
                      }
                    });
            long bronzeBytes =
                copyBronze(
                    sql,
                    "(SELECT line, ordinality AS n FROM " + lines(input) + " WITH ORDINALITY)",
                    input,
                    bronze);
            return bronzeBytes + silverCopy.join();
          }
        });
  }

  private static long copyBronze(Statement sql, String lines, Path input, String bronze)
      throws Exception {
    sql.execute(
        "COPY (SELECT "
            + ingestionColumns(input, "n")
            + ", line AS payload FROM "
            + lines
            + ") TO '"
            + bronze
            + "' (FORMAT parquet, COMPRESSION zstd)");
    return Files.size(Path.of(bronze));
  }

  private static long copySilver(Statement sql, String values, String silver) throws Exception {
    sql.execute(silverCopy(values, silver));
    return Files.size(Path.of(silver));
  }

  /** The input's lines as text: no delimiter or quote can occur inside a line of JSON. */
  private static String lines(Path input) {
    return "read_csv('"
        + input
        + "', columns = {'line': 'VARCHAR'}, delim = '\\x01', quote = '', escape = '',"
        + " header = false, auto_detect = false)";
  }

  /** The input parsed by DuckDB's JSON reader with exactly the fields silver reads, as text. */
  private static String declaredJson(Path input) {
    return "read_ndjson('"
        + input
        + "', columns = {login: 'STRUCT(uuid VARCHAR)',"
        + " name: 'STRUCT(first VARCHAR, last VARCHAR)', gender: 'VARCHAR',"
        + " dob: 'STRUCT(date VARCHAR, age VARCHAR)', email: 'VARCHAR', nat: 'VARCHAR',"
        + " phone: 'VARCHAR', location: 'STRUCT(country VARCHAR, state VARCHAR, city VARCHAR,"
        + " postcode VARCHAR, coordinates STRUCT(latitude VARCHAR, longitude VARCHAR))',"
        + " registered: 'STRUCT(date VARCHAR)'})";
  }

  private static String ingestionColumns(Path input, String lineNumber) {
    return "'"
        + UUID.randomUUID()
        + "' AS batch_id, now() AS ingested_at, '"
        + input
        + "' AS source_name, 'line ' || "
        + lineNumber
        + " AS source_coordinate, "
        + lineNumber
        + " - 1 AS record_index";
  }

  private static String pathList() {
    StringBuilder list = new StringBuilder("[");
    for (int i = 0; i < PATHS.size(); i++) {
      list.append(i == 0 ? "" : ", ").append('\'').append(PATHS.get(i)).append('\'');
    }
    return list.append(']').toString();
  }

  private static String listValues() {
    StringBuilder values = new StringBuilder();
    for (int i = 1; i <= PATHS.size(); i++) {
      values.append(i == 1 ? "" : ", ").append("v[").append(i).append("] AS v").append(i);
    }
    return values.toString();
  }

  /** The sixteen values as {@code v1, v2, ...}, each read by an expression of its JSON path. */
  private static String values(UnaryOperator<String> read) {
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < PATHS.size(); i++) {
      values
          .append(i == 0 ? "" : ", ")
          .append(read.apply(PATHS.get(i)))
          .append(" AS v")
          .append(i + 1);
    }
    return values.toString();
  }

  /** The values read from the payload {@code j} with DuckDB's JSON operator. */
  private static String operatorValues() {
    return values(path -> "j->>'" + path + "'");
  }

  /** The values read from the declared struct columns: the path without its {@code $.}. */
  private static String structValues() {
    return values(path -> path.substring(2));
  }

  /** Types, scores and de-duplicates the sixteen values into silver. */
  private static String silverCopy(String values, String silver) {
    return "COPY (WITH typed AS (SELECT "
        + TYPED_COLUMNS
        + " FROM ("
        + values
        + ")), scored AS (SELECT *,"
        + " '+' || ("
        + CALLING_CODES
        + ") || ltrim(phone_digits, '0') AS phone,"
        + " CASE WHEN year(born_at) < 1946 THEN 'Silent' WHEN year(born_at) <= 1964"
        + " THEN 'Boomer' WHEN year(born_at) <= 1980 THEN 'GenX' WHEN year(born_at)"
        + " <= 1996 THEN 'Millennial' WHEN year(born_at) <= 2012 THEN 'GenZ' ELSE"
        + " 'Alpha' END AS generation,"
        + " CASE WHEN date_diff('year', registered_at, now()) < 2 THEN 'new' WHEN"
        + " date_diff('year', registered_at, now()) < 10 THEN 'established' ELSE"
        + " 'veteran' END AS tenure,"
        + " regexp_full_match(email, '"
        + BenchJob.EMAIL
        + "') AS email_valid,"
        + " (((user_id IS NOT NULL)::INT + (first_name IS NOT NULL)::INT"
        + " + (last_name IS NOT NULL)::INT + (gender IS NOT NULL)::INT"
        + " + (born_at IS NOT NULL)::INT + (email IS NOT NULL)::INT"
        + " + (phone_digits IS NOT NULL)::INT + (country IS NOT NULL)::INT"
        + " + (city IS NOT NULL)::INT + (registered_at IS NOT NULL)::INT) / 10.0)"
        + " AS completeness FROM typed), valid AS (SELECT *,"
        + " length(phone) BETWEEN 9 AND 16 AS phone_valid FROM scored)"
        + " SELECT * EXCLUDE (phone_digits), 0.5 * completeness"
        + " + 0.3 * coalesce(email_valid, false)::INT"
        + " + 0.2 * coalesce(phone_valid, false)::INT AS score FROM valid"
        + " QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY registered_at"
        + " DESC) = 1) TO '"
        + silver
        + "' (FORMAT parquet, COMPRESSION zstd)";
  }

  private static long gold(Statement sql, String silver, String byCountry, String monthly)
      throws Exception {
    sql.execute(
        "COPY (SELECT country, generation, count(*) AS users, avg(age) AS avg_age,"
            + " avg(score) AS avg_score FROM '"
            + silver
            + "' GROUP BY ALL) TO '"
            + byCountry
            + "' (FORMAT parquet, COMPRESSION zstd)");
    sql.execute(
        "COPY (SELECT month, registrations, sum(registrations) OVER (ORDER BY month)"
            + " AS registrations_to_date FROM (SELECT date_trunc('month',"
            + " registered_at)::DATE AS month, count(*) AS registrations FROM '"
            + silver
            + "' WHERE registered_at IS NOT NULL GROUP BY ALL)) TO '"
            + monthly
            + "' (FORMAT parquet, COMPRESSION zstd)");
    return Files.size(Path.of(byCountry)) + Files.size(Path.of(monthly));
  }
}
