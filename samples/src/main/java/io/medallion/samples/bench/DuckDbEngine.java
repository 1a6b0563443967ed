package io.medallion.samples.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The same job in DuckDB SQL, from the same file to Parquet: bronze keeps each line as text, silver
 * extracts and types the columns, de-duplicates with a window, gold groups. DuckDB has no
 * libphonenumber, so a phone counts as valid E.164 when its digits with the nationality's calling
 * code make 8 to 15 digits: a looser check than the other engines'.
 */
final class DuckDbEngine {
  private static final String CALLING_CODES =
      "CASE nat WHEN 'AU' THEN '61' WHEN 'BR' THEN '55' WHEN 'CA' THEN '1' WHEN 'CH' THEN '41'"
          + " WHEN 'DE' THEN '49' WHEN 'DK' THEN '45' WHEN 'ES' THEN '34' WHEN 'FI' THEN '358'"
          + " WHEN 'FR' THEN '33' WHEN 'GB' THEN '44' WHEN 'IE' THEN '353' WHEN 'IN' THEN '91'"
          + " WHEN 'IR' THEN '98' WHEN 'MX' THEN '52' WHEN 'NL' THEN '31' WHEN 'NO' THEN '47'"
          + " WHEN 'NZ' THEN '64' WHEN 'RS' THEN '381' WHEN 'TR' THEN '90' WHEN 'UA' THEN '380'"
          + " WHEN 'US' THEN '1' END";

  private DuckDbEngine() {}

  static void run(Path input, Path work, StageMeter meter) throws Exception {
    Files.createDirectories(work);
    String bronze = work.resolve("bronze.parquet").toString();
    String silver = work.resolve("silver.parquet").toString();
    String byCountry = work.resolve("by_country_generation.parquet").toString();
    String monthly = work.resolve("monthly.parquet").toString();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement()) {
      sql.execute("SET threads TO 2");
      meter.measure(
          "bronze",
          () -> {
            sql.execute(
                "COPY (SELECT uuid()::VARCHAR AS batch_id, now() AS ingested_at, '"
                    + input
                    + "' AS source_name, 'line ' || row_number() OVER () AS source_coordinate,"
                    + " row_number() OVER () - 1 AS record_index, json::VARCHAR AS payload"
                    + " FROM read_json_objects('"
                    + input
                    + "', format = 'newline_delimited')) TO '"
                    + bronze
                    + "' (FORMAT parquet, COMPRESSION zstd)");
            return Files.size(Path.of(bronze));
          });
      meter.measure(
          "silver",
          () -> {
            sql.execute(
                "COPY (WITH raw AS (SELECT payload::JSON AS j FROM '"
                    + bronze
                    + "'), typed AS (SELECT"
                    + " j->>'$.login.uuid' AS user_id, trim(j->>'$.name.first') AS first_name,"
                    + " trim(j->>'$.name.last') AS last_name, j->>'$.gender' AS gender,"
                    + " TRY_CAST(j->>'$.dob.age' AS INTEGER) AS age,"
                    + " TRY_CAST(j->>'$.dob.date' AS TIMESTAMPTZ) AS born_at,"
                    + " lower(trim(j->>'$.email')) AS email, j->>'$.nat' AS nat,"
                    + " regexp_replace(j->>'$.phone', '[^0-9]', '', 'g') AS phone_digits,"
                    + " j->>'$.location.country' AS country, j->>'$.location.state' AS state,"
                    + " j->>'$.location.city' AS city, j->>'$.location.postcode' AS postcode,"
                    + " TRY_CAST(j->>'$.location.coordinates.latitude' AS DOUBLE) AS latitude,"
                    + " TRY_CAST(j->>'$.location.coordinates.longitude' AS DOUBLE) AS longitude,"
                    + " TRY_CAST(j->>'$.registered.date' AS TIMESTAMPTZ) AS registered_at"
                    + " FROM raw), scored AS (SELECT *,"
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
                    + "' (FORMAT parquet, COMPRESSION zstd)");
            return Files.size(Path.of(silver));
          });
      meter.measure(
          "gold",
          () -> {
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
          });
    }
  }
}
