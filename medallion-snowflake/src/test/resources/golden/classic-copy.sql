-- Snowflake layer of medallion pipeline people
-- Dry run: nothing runs until the plan is applied.
--
-- Secrets appear only as <<secret env:NAME>>, read from the environment when applied.
--
-- Checked by medallion only: silver.people rule email_valid (email is a valid email address)
-- The dimension gold.dim_person is exposed as its own table "MEDALLION"."GOLD"."DIM_PERSON", not as a view over silver: its history is kept only in that table.
-- The date dimension gold.dim_date is exposed as its own table "MEDALLION"."GOLD"."DIM_DATE", not as a view over silver: its history is kept only in that table.
-- The fact table gold.fact_person is exposed as its own table "MEDALLION"."GOLD"."FACT_PERSON", not as a view over silver: its history is kept only in that table.

-- 1. database MEDALLION
CREATE DATABASE IF NOT EXISTS "MEDALLION"
  COMMENT = 'Medallion layer of pipeline people';

-- 2. schema "MEDALLION"."BRONZE"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."BRONZE"
  COMMENT = 'Medallion bronze tables of pipeline people';

-- 3. schema "MEDALLION"."SILVER"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."SILVER"
  COMMENT = 'Medallion silver tables of pipeline people';

-- 4. schema "MEDALLION"."GOLD"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."GOLD"
  COMMENT = 'Medallion gold tables of pipeline people';

-- 5. schema "MEDALLION"."CHECKS"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."CHECKS"
  COMMENT = 'Views returning the rows that fail each silver rule';

-- 6. storage integration MEDALLION_STORAGE
CREATE STORAGE INTEGRATION IF NOT EXISTS "MEDALLION_STORAGE"
  TYPE = EXTERNAL_STAGE
  STORAGE_PROVIDER = 'S3'
  ENABLED = TRUE
  STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/snowflake-lake'
  STORAGE_ALLOWED_LOCATIONS = ('s3://acme-lake/medallion/');

-- 7. file format "MEDALLION"."BRONZE"."PARQUET_FILES"
CREATE FILE FORMAT IF NOT EXISTS "MEDALLION"."BRONZE"."PARQUET_FILES"
  TYPE = PARQUET
  USE_LOGICAL_TYPE = TRUE;

-- 8. stage "MEDALLION"."BRONZE"."PEOPLE_RAW_FILES"
CREATE STAGE IF NOT EXISTS "MEDALLION"."BRONZE"."PEOPLE_RAW_FILES"
  URL = 's3://acme-lake/medallion/bronze.db/people_raw/'
  STORAGE_INTEGRATION = "MEDALLION_STORAGE"
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.BRONZE.PARQUET_FILES');

-- 9. table "MEDALLION"."BRONZE"."PEOPLE_RAW"
CREATE TABLE IF NOT EXISTS "MEDALLION"."BRONZE"."PEOPLE_RAW" (
  "batch_id" VARCHAR,
  "ingested_at" TIMESTAMP_LTZ(6),
  "source_name" VARCHAR,
  "source_coordinate" VARCHAR,
  "record_index" NUMBER(19,0),
  "payload" VARCHAR
);

-- 10. copy "MEDALLION"."BRONZE"."PEOPLE_RAW" snapshot 7001
COPY INTO "MEDALLION"."BRONZE"."PEOPLE_RAW"
  FROM @"MEDALLION"."BRONZE"."PEOPLE_RAW_FILES"
  FILES = (
    'data/00000-0-a.parquet'
  )
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.BRONZE.PARQUET_FILES')
  MATCH_BY_COLUMN_NAME = CASE_SENSITIVE;

-- 11. file format "MEDALLION"."SILVER"."PARQUET_FILES"
CREATE FILE FORMAT IF NOT EXISTS "MEDALLION"."SILVER"."PARQUET_FILES"
  TYPE = PARQUET
  USE_LOGICAL_TYPE = TRUE;

-- 12. stage "MEDALLION"."SILVER"."PEOPLE_FILES"
CREATE STAGE IF NOT EXISTS "MEDALLION"."SILVER"."PEOPLE_FILES"
  URL = 's3://acme-lake/medallion/silver.db/people/'
  STORAGE_INTEGRATION = "MEDALLION_STORAGE"
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.SILVER.PARQUET_FILES');

-- 13. table "MEDALLION"."SILVER"."PEOPLE"
CREATE TABLE IF NOT EXISTS "MEDALLION"."SILVER"."PEOPLE" (
  "id" VARCHAR,
  "name" VARCHAR,
  "email" VARCHAR,
  "country" VARCHAR,
  "age" NUMBER(10,0),
  "score" FLOAT,
  "latitude" FLOAT,
  "born_at" TIMESTAMP_LTZ(6),
  "quality_score" FLOAT,
  "completeness_score" FLOAT,
  "validity_score" FLOAT,
  "consistency_score" FLOAT,
  "failed_rules" ARRAY,
  "_batch_id" VARCHAR,
  "_ingested_at" TIMESTAMP_LTZ(6),
  "_source_coordinate" VARCHAR,
  "_row_hash" NUMBER(19,0)
)
  COMMENT = 'People, typed and checked';

-- 14. copy "MEDALLION"."SILVER"."PEOPLE" snapshot 7001
COPY INTO "MEDALLION"."SILVER"."PEOPLE"
  FROM @"MEDALLION"."SILVER"."PEOPLE_FILES"
  FILES = (
    'data/00000-1-b.parquet',
    'data/00001-1-c.parquet'
  )
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.SILVER.PARQUET_FILES')
  MATCH_BY_COLUMN_NAME = CASE_SENSITIVE;

-- 15. file format "MEDALLION"."GOLD"."PARQUET_FILES"
CREATE FILE FORMAT IF NOT EXISTS "MEDALLION"."GOLD"."PARQUET_FILES"
  TYPE = PARQUET
  USE_LOGICAL_TYPE = TRUE;

-- 16. stage "MEDALLION"."GOLD"."DIM_PERSON_FILES"
CREATE STAGE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_PERSON_FILES"
  URL = 's3://acme-lake/medallion/gold.db/dim_person/'
  STORAGE_INTEGRATION = "MEDALLION_STORAGE"
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.GOLD.PARQUET_FILES');

-- 17. table "MEDALLION"."GOLD"."DIM_PERSON"
CREATE TABLE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_PERSON" (
  "person_key" NUMBER(19,0),
  "id" VARCHAR,
  "email" VARCHAR,
  "country" VARCHAR,
  "name" VARCHAR,
  "born_at" TIMESTAMP_LTZ(6),
  "valid_from" TIMESTAMP_LTZ(6),
  "valid_to" TIMESTAMP_LTZ(6),
  "is_current" BOOLEAN,
  "last_seen_at" TIMESTAMP_LTZ(6)
)
  COMMENT = 'People, one version per change of email or country';

-- 18. copy "MEDALLION"."GOLD"."DIM_PERSON" snapshot 7001
COPY INTO "MEDALLION"."GOLD"."DIM_PERSON"
  FROM @"MEDALLION"."GOLD"."DIM_PERSON_FILES"
  FILES = (
    'data/00000-2-d.parquet'
  )
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.GOLD.PARQUET_FILES')
  MATCH_BY_COLUMN_NAME = CASE_SENSITIVE;

-- 19. stage "MEDALLION"."GOLD"."DIM_DATE_FILES"
CREATE STAGE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_DATE_FILES"
  URL = 's3://acme-lake/medallion/gold.db/dim_date/'
  STORAGE_INTEGRATION = "MEDALLION_STORAGE"
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.GOLD.PARQUET_FILES');

-- 20. table "MEDALLION"."GOLD"."DIM_DATE"
CREATE TABLE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_DATE" (
  "date_key" NUMBER(10,0),
  "date" DATE,
  "year" NUMBER(10,0),
  "quarter" NUMBER(10,0),
  "month" NUMBER(10,0),
  "month_name" VARCHAR,
  "day_of_month" NUMBER(10,0),
  "day_of_week" NUMBER(10,0),
  "day_name" VARCHAR,
  "day_of_year" NUMBER(10,0),
  "iso_week" NUMBER(10,0),
  "iso_week_year" NUMBER(10,0),
  "is_weekend" BOOLEAN,
  "first_day_of_month" DATE
);

-- 21. copy "MEDALLION"."GOLD"."DIM_DATE" snapshot 7001
COPY INTO "MEDALLION"."GOLD"."DIM_DATE"
  FROM @"MEDALLION"."GOLD"."DIM_DATE_FILES"
  FILES = (
    'data/00000-3-e.parquet'
  )
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.GOLD.PARQUET_FILES')
  MATCH_BY_COLUMN_NAME = CASE_SENSITIVE;

-- 22. stage "MEDALLION"."GOLD"."FACT_PERSON_FILES"
CREATE STAGE IF NOT EXISTS "MEDALLION"."GOLD"."FACT_PERSON_FILES"
  URL = 's3://acme-lake/medallion/gold.db/fact_person/'
  STORAGE_INTEGRATION = "MEDALLION_STORAGE"
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.GOLD.PARQUET_FILES');

-- 23. table "MEDALLION"."GOLD"."FACT_PERSON"
CREATE TABLE IF NOT EXISTS "MEDALLION"."GOLD"."FACT_PERSON" (
  "id" VARCHAR,
  "_ingested_at" TIMESTAMP_LTZ(6),
  "person_key" NUMBER(19,0),
  "birth_date_key" NUMBER(10,0),
  "age" NUMBER(10,0),
  "score" FLOAT
);

-- 24. copy "MEDALLION"."GOLD"."FACT_PERSON" snapshot 7001
COPY INTO "MEDALLION"."GOLD"."FACT_PERSON"
  FROM @"MEDALLION"."GOLD"."FACT_PERSON_FILES"
  FILES = (
    'data/00000-4-f.parquet'
  )
  FILE_FORMAT = (FORMAT_NAME = 'MEDALLION.GOLD.PARQUET_FILES')
  MATCH_BY_COLUMN_NAME = CASE_SENSITIVE;

-- 25. masking policy "MEDALLION"."SILVER"."PII_STRING"
CREATE MASKING POLICY IF NOT EXISTS "MEDALLION"."SILVER"."PII_STRING" AS (val VARCHAR) RETURNS VARCHAR ->
  CASE WHEN IS_ROLE_IN_SESSION('MEDALLION_PII_READER') OR INVOKER_ROLE() = 'SYSADMIN' THEN val ELSE '***MASKED***' END
  COMMENT = 'Personal data: shown to MEDALLION_PII_READER only';

-- 26. masking "MEDALLION"."SILVER"."PEOPLE"."name"
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE" MODIFY COLUMN "name" SET MASKING POLICY "MEDALLION"."SILVER"."PII_STRING" FORCE;

-- 27. masking "MEDALLION"."SILVER"."PEOPLE"."email"
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE" MODIFY COLUMN "email" SET MASKING POLICY "MEDALLION"."SILVER"."PII_STRING" FORCE;

-- 28. masking policy "MEDALLION"."SILVER"."PII_DOUBLE"
CREATE MASKING POLICY IF NOT EXISTS "MEDALLION"."SILVER"."PII_DOUBLE" AS (val FLOAT) RETURNS FLOAT ->
  CASE WHEN IS_ROLE_IN_SESSION('MEDALLION_PII_READER') OR INVOKER_ROLE() = 'SYSADMIN' THEN val ELSE NULL END
  COMMENT = 'Personal data: shown to MEDALLION_PII_READER only';

-- 29. masking "MEDALLION"."SILVER"."PEOPLE"."latitude"
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE" MODIFY COLUMN "latitude" SET MASKING POLICY "MEDALLION"."SILVER"."PII_DOUBLE" FORCE;

-- 30. metric schedule "MEDALLION"."SILVER"."PEOPLE"
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE" SET DATA_METRIC_SCHEDULE = '60 MINUTE';

-- 31. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.NULL_COUNT ON ("id")
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.NULL_COUNT ON ("id");

-- 32. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.ROW_COUNT ON ()
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.ROW_COUNT ON ();

-- 33. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.DUPLICATE_COUNT ON ("id")
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.DUPLICATE_COUNT ON ("id");

-- 34. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.FRESHNESS ON ("born_at")
ALTER TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.FRESHNESS ON ("born_at");

-- 35. view "MEDALLION"."CHECKS"."PEOPLE__ID_NOT_NULL"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__ID_NOT_NULL"
  COMMENT = 'Rows of silver.people failing rule id_not_null'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "id" IS NULL OR TRIM(TO_VARCHAR("id")) = '';

-- 36. view "MEDALLION"."CHECKS"."PEOPLE__AGE_RANGE"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__AGE_RANGE"
  COMMENT = 'Rows of silver.people failing rule age_range'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "age" < 0.0 OR "age" > 120.0;

-- 37. view "MEDALLION"."CHECKS"."PEOPLE__COUNTRY_ALLOWED"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__COUNTRY_ALLOWED"
  COMMENT = 'Rows of silver.people failing rule country_allowed'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "country" NOT IN ('CH', 'DE', 'US');

-- 38. view "MEDALLION"."CHECKS"."PEOPLE__NAME_LENGTH"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__NAME_LENGTH"
  COMMENT = 'Rows of silver.people failing rule name_length'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE LENGTH("name") < 1 OR LENGTH("name") > 80;

-- 39. view "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_NOT_IN_FUTURE"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_NOT_IN_FUTURE"
  COMMENT = 'Rows of silver.people failing rule born_at_not_in_future'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "born_at" > CURRENT_TIMESTAMP();

-- 40. view "MEDALLION"."CHECKS"."PEOPLE__ROW_COUNT"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__ROW_COUNT"
  COMMENT = 'Rows of silver.people failing rule row_count'
  AS
SELECT COUNT(*) AS "row_count"
FROM "MEDALLION"."SILVER"."PEOPLE"
HAVING COUNT(*) < 1 OR COUNT(*) > 1000000;

-- 41. view "MEDALLION"."CHECKS"."PEOPLE__UNIQUE_ID"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__UNIQUE_ID"
  COMMENT = 'Rows of silver.people failing rule unique_id'
  AS
SELECT "id", COUNT(*) AS "copies"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY "id"
HAVING COUNT(*) > 1;

-- 42. view "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_FRESHNESS"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_FRESHNESS"
  COMMENT = 'Rows of silver.people failing rule born_at_freshness'
  AS
SELECT MAX("born_at") AS "newest"
FROM "MEDALLION"."SILVER"."PEOPLE"
HAVING MAX("born_at") < DATEADD('second', -3153600000, CURRENT_TIMESTAMP());

-- 43. view "MEDALLION"."GOLD"."PEOPLE_BY_COUNTRY"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."PEOPLE_BY_COUNTRY"
  COMMENT = 'People per country'
  AS
SELECT
  "country",
  COUNT(*) AS "people",
  COUNT(DISTINCT "name") AS "names",
  CAST(SUM("age") AS BIGINT) AS "total_age",
  SUM(CAST("score" AS DOUBLE)) AS "total_score",
  AVG(CAST("age" AS DOUBLE)) AS "avg_age",
  MIN("age") AS "youngest",
  MAX("age") AS "oldest"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY "country";

-- 44. view "MEDALLION"."GOLD"."PEOPLE_BY_BIRTH_YEAR"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."PEOPLE_BY_BIRTH_YEAR"
  AS
SELECT
  CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "year",
  COUNT(*) AS "people",
  CAST(SUM(COUNT(*)) OVER (ORDER BY CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "people_to_date"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 45. view "MEDALLION"."GOLD"."MONTHLY_BIRTHS_BY_COUNTRY"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."MONTHLY_BIRTHS_BY_COUNTRY"
  AS
SELECT
  "country",
  CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "month",
  COUNT(*) AS "births",
  CAST(SUM(COUNT(*)) OVER (PARTITION BY "country" ORDER BY CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "births_to_date",
  AVG(CAST("score" AS DOUBLE)) AS "avg_score"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY "country", CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 46. view "MEDALLION"."GOLD"."DAILY_BIRTHS"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."DAILY_BIRTHS"
  AS
SELECT
  CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "day",
  COUNT(*) AS "births",
  MIN("born_at") AS "first_birth",
  MAX("born_at") AS "last_birth"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 47. view "MEDALLION"."GOLD"."DAILY_BIRTH_SERIES"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."DAILY_BIRTH_SERIES"
  AS
WITH "cells" AS (
  SELECT
    CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "__period",
    COUNT(*) AS "__rows",
    COUNT(*) AS "births",
    AVG(CAST("age" AS DOUBLE)) AS "avg_age"
  FROM "MEDALLION"."SILVER"."PEOPLE"
  GROUP BY CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE)
),
"numbered" AS (
  SELECT *, DATEDIFF('day', DATE '1970-01-01', "__period") AS "__n" FROM "cells"
),
"periods" AS (
  SELECT * FROM "numbered" WHERE "__n" IS NOT NULL
)
SELECT
  DATEADD('day', "__n", DATE '1970-01-01') AS "day",
  "births" AS "births",
  "avg_age" AS "avg_age",
  COUNT("births") OVER (ORDER BY "__n" RANGE BETWEEN 29 PRECEDING AND CURRENT ROW) AS "days_30d",
  CAST(SUM("births") OVER (ORDER BY "__n" RANGE BETWEEN 29 PRECEDING AND CURRENT ROW) AS BIGINT) AS "births_30d",
  AVG(CAST("avg_age" AS DOUBLE)) OVER (ORDER BY "__n" RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS "avg_age_7d",
  CASE WHEN LAG("__n") OVER (ORDER BY "__n") = "__n" - 1 THEN CAST("births" - LAG("births") OVER (ORDER BY "__n") AS BIGINT) END AS "births_change",
  CASE WHEN LAG("__n") OVER (ORDER BY "__n") = "__n" - 1 AND LAG("births") OVER (ORDER BY "__n") <> 0 THEN (CAST("births" AS DOUBLE) - LAG("births") OVER (ORDER BY "__n")) / CAST(LAG("births") OVER (ORDER BY "__n") AS DOUBLE) END AS "births_change_ratio",
  CAST(SUM("births") OVER (ORDER BY "__n" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "births_to_date"
FROM "periods"
UNION ALL
SELECT
  NULL,
  "births",
  "avg_age",
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL
FROM "numbered"
WHERE "__n" IS NULL;

-- 48. view "MEDALLION"."GOLD"."MONTHLY_SERIES_BY_COUNTRY"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."MONTHLY_SERIES_BY_COUNTRY"
  AS
WITH "cells" AS (
  SELECT
    "country",
    CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "__period",
    COUNT(*) AS "__rows",
    COUNT(*) AS "births",
    CAST(SUM("age") AS BIGINT) AS "total_age",
    AVG(CAST("score" AS DOUBLE)) AS "avg_score",
    MIN("age") AS "youngest"
  FROM "MEDALLION"."SILVER"."PEOPLE"
  GROUP BY "country", CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE)
),
"numbered" AS (
  SELECT *, DATEDIFF('month', DATE '1970-01-01', "__period") AS "__n" FROM "cells"
),
"periods" AS (
  SELECT c."country", c."__n", COALESCE(x."__rows", 0) AS "__rows", CASE WHEN x."__rows" IS NULL THEN 0 ELSE x."births" END AS "births", CASE WHEN x."__rows" IS NULL THEN 0 ELSE x."total_age" END AS "total_age", x."avg_score" AS "avg_score", x."youngest" AS "youngest"
  FROM (
  SELECT s."country", CAST(f.VALUE AS BIGINT) AS "__n"
  FROM (
    SELECT "country", LEAST((SELECT MIN("__n") FROM "numbered"), DATEDIFF('month', DATE '1970-01-01', DATE '1940-01-15')) AS "__from", GREATEST((SELECT MAX("__n") FROM "numbered"), DATEDIFF('month', DATE '1970-01-01', DATE '2015-06-30')) AS "__to"
    FROM "numbered"
    WHERE "__n" IS NOT NULL
    GROUP BY "country"
  ) s,
  LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(s."__from", s."__to" + 1)) f
  ) c
  LEFT JOIN "numbered" x ON c."country" IS NOT DISTINCT FROM x."country" AND c."__n" = x."__n"
)
SELECT
  "country",
  DATEADD('month', "__n", DATE '1970-01-01') AS "month",
  "births" AS "births",
  "total_age" AS "total_age",
  "avg_score" AS "avg_score",
  "youngest" AS "youngest",
  CAST(SUM("__rows") OVER (PARTITION BY "country" ORDER BY "__n" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "births_to_date",
  CAST(SUM("total_age") OVER (PARTITION BY "country" ORDER BY "__n" RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) AS BIGINT) AS "total_age_3m",
  AVG(CAST("avg_score" AS DOUBLE)) OVER (PARTITION BY "country" ORDER BY "__n" RANGE BETWEEN 11 PRECEDING AND CURRENT ROW) AS "avg_score_12m",
  CASE WHEN LAG("__n") OVER (PARTITION BY "country" ORDER BY "__n") = "__n" - 1 THEN CAST("youngest" - LAG("youngest") OVER (PARTITION BY "country" ORDER BY "__n") AS BIGINT) END AS "youngest_change",
  CASE WHEN LAG("__n") OVER (PARTITION BY "country" ORDER BY "__n") = "__n" - 1 AND LAG("avg_score") OVER (PARTITION BY "country" ORDER BY "__n") <> 0 THEN (CAST("avg_score" AS DOUBLE) - LAG("avg_score") OVER (PARTITION BY "country" ORDER BY "__n")) / CAST(LAG("avg_score") OVER (PARTITION BY "country" ORDER BY "__n") AS DOUBLE) END AS "avg_score_change_ratio",
  SUM(CAST("avg_score" AS DOUBLE)) OVER (PARTITION BY "country" ORDER BY "__n" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "score_running"
FROM "periods"
UNION ALL
SELECT
  "country",
  NULL,
  "births",
  "total_age",
  "avg_score",
  "youngest",
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL
FROM "numbered"
WHERE "__n" IS NULL;

-- 49. view "MEDALLION"."GOLD"."BIRTH_YEAR_COHORTS"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."BIRTH_YEAR_COHORTS"
  AS
WITH "cells" AS (
  SELECT
    CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "birth_year",
    CASE WHEN CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) IS NOT NULL THEN CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "_ingested_at")) AS DATE) END AS "__period",
    COUNT(*) AS "__rows",
    COUNT(*) AS "people",
    AVG(CAST("age" AS DOUBLE)) AS "avg_age"
  FROM "MEDALLION"."SILVER"."PEOPLE"
  GROUP BY CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE), CASE WHEN CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) IS NOT NULL THEN CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "_ingested_at")) AS DATE) END
),
"numbered" AS (
  SELECT *, DATEDIFF('year', DATE '1970-01-01', "__period") AS "__n" FROM "cells"
),
"periods" AS (
  SELECT c."birth_year", c."__n", COALESCE(x."__rows", 0) AS "__rows", CASE WHEN x."__rows" IS NULL THEN 0 ELSE x."people" END AS "people", x."avg_age" AS "avg_age"
  FROM (
  SELECT s."birth_year", CAST(f.VALUE AS BIGINT) AS "__n"
  FROM (
    SELECT "birth_year", LEAST(MIN("__n"), DATEDIFF('year', DATE '1970-01-01', "birth_year")) AS "__from", (SELECT MAX("__n") FROM "numbered") AS "__to"
    FROM "numbered"
    WHERE "__n" IS NOT NULL
    GROUP BY "birth_year"
  ) s,
  LATERAL FLATTEN(INPUT => ARRAY_GENERATE_RANGE(s."__from", s."__to" + 1)) f
  ) c
  LEFT JOIN "numbered" x ON c."birth_year" IS NOT DISTINCT FROM x."birth_year" AND c."__n" = x."__n"
)
SELECT
  "birth_year",
  CAST("__n" - DATEDIFF('year', DATE '1970-01-01', "birth_year") AS INTEGER) AS "years_since",
  "people" AS "people",
  "avg_age" AS "avg_age",
  CAST(SUM("people") OVER (PARTITION BY "birth_year" ORDER BY "__n" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "people_to_date",
  AVG(CAST("avg_age" AS DOUBLE)) OVER (PARTITION BY "birth_year" ORDER BY "__n" RANGE BETWEEN 4 PRECEDING AND CURRENT ROW) AS "avg_age_5y"
FROM "periods"
UNION ALL
SELECT
  "birth_year",
  NULL,
  "people",
  "avg_age",
  NULL,
  NULL
FROM "numbered"
WHERE "__n" IS NULL;

-- 50. grant MEDALLION
GRANT USAGE ON DATABASE "MEDALLION" TO ROLE "MEDALLION_READER";

-- 51. grant "MEDALLION"."GOLD"
GRANT USAGE ON SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 52. grant "MEDALLION"."GOLD"
GRANT SELECT ON ALL VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 53. grant "MEDALLION"."GOLD"
GRANT SELECT ON FUTURE VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 54. grant "MEDALLION"."GOLD"
GRANT SELECT ON ALL TABLES IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 55. grant "MEDALLION"."GOLD"
GRANT SELECT ON FUTURE TABLES IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";
