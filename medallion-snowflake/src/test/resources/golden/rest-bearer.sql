-- Snowflake layer of medallion pipeline people
-- Dry run: nothing runs until the plan is applied.
--
-- Settings to give before applying (placeholders in the script):
--   <<REST_BEARER_TOKEN>>: the REST catalog's bearer token (given as a literal; give it as env:NAME)
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

-- 2. external volume MEDALLION_VOLUME
CREATE EXTERNAL VOLUME IF NOT EXISTS "MEDALLION_VOLUME"
  STORAGE_LOCATIONS = (
    (
      NAME = 'medallion_lake'
      STORAGE_PROVIDER = 'S3'
      STORAGE_AWS_ROLE_ARN = 'arn:aws:iam::123456789012:role/snowflake-lake'
      STORAGE_BASE_URL = 's3://acme-lake/medallion/'
    )
  )
  ALLOW_WRITES = FALSE;

-- 3. catalog integration MEDALLION_CATALOG
CREATE CATALOG INTEGRATION IF NOT EXISTS "MEDALLION_CATALOG"
  CATALOG_SOURCE = ICEBERG_REST
  TABLE_FORMAT = ICEBERG
  REST_CONFIG = (
    CATALOG_URI = 'https://catalog.acme.com/api'
  )
  REST_AUTHENTICATION = (
    TYPE = BEARER
    BEARER_TOKEN = '<<REST_BEARER_TOKEN>>'
  )
  ENABLED = TRUE;

-- 4. schema "MEDALLION"."BRONZE"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."BRONZE"
  COMMENT = 'Medallion bronze tables of pipeline people';

-- 5. schema "MEDALLION"."SILVER"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."SILVER"
  COMMENT = 'Medallion silver tables of pipeline people';

-- 6. schema "MEDALLION"."GOLD"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."GOLD"
  COMMENT = 'Medallion gold tables of pipeline people';

-- 7. schema "MEDALLION"."CHECKS"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."CHECKS"
  COMMENT = 'Views returning the rows that fail each silver rule';

-- 8. iceberg table "MEDALLION"."BRONZE"."PEOPLE_RAW"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."BRONZE"."PEOPLE_RAW"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'people_raw'
  CATALOG_NAMESPACE = 'bronze'
  AUTO_REFRESH = TRUE;

-- 9. iceberg table "MEDALLION"."SILVER"."PEOPLE"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."SILVER"."PEOPLE"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'people'
  CATALOG_NAMESPACE = 'silver'
  AUTO_REFRESH = TRUE
  COMMENT = 'People, typed and checked';

-- 10. iceberg table "MEDALLION"."GOLD"."DIM_PERSON"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_PERSON"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'dim_person'
  CATALOG_NAMESPACE = 'gold'
  AUTO_REFRESH = TRUE
  COMMENT = 'People, one version per change of email or country';

-- 11. iceberg table "MEDALLION"."GOLD"."DIM_DATE"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_DATE"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'dim_date'
  CATALOG_NAMESPACE = 'gold'
  AUTO_REFRESH = TRUE;

-- 12. iceberg table "MEDALLION"."GOLD"."FACT_PERSON"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."GOLD"."FACT_PERSON"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'fact_person'
  CATALOG_NAMESPACE = 'gold'
  AUTO_REFRESH = TRUE;

-- 13. masking policy "MEDALLION"."SILVER"."PII_STRING"
CREATE MASKING POLICY IF NOT EXISTS "MEDALLION"."SILVER"."PII_STRING" AS (val VARCHAR) RETURNS VARCHAR ->
  CASE WHEN IS_ROLE_IN_SESSION('MEDALLION_PII_READER') OR INVOKER_ROLE() = 'SYSADMIN' THEN val ELSE '***MASKED***' END
  COMMENT = 'Personal data: shown to MEDALLION_PII_READER only';

-- 14. masking "MEDALLION"."SILVER"."PEOPLE"."name"
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE" MODIFY COLUMN "name" SET MASKING POLICY "MEDALLION"."SILVER"."PII_STRING" FORCE;

-- 15. masking "MEDALLION"."SILVER"."PEOPLE"."email"
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE" MODIFY COLUMN "email" SET MASKING POLICY "MEDALLION"."SILVER"."PII_STRING" FORCE;

-- 16. masking policy "MEDALLION"."SILVER"."PII_DOUBLE"
CREATE MASKING POLICY IF NOT EXISTS "MEDALLION"."SILVER"."PII_DOUBLE" AS (val FLOAT) RETURNS FLOAT ->
  CASE WHEN IS_ROLE_IN_SESSION('MEDALLION_PII_READER') OR INVOKER_ROLE() = 'SYSADMIN' THEN val ELSE NULL END
  COMMENT = 'Personal data: shown to MEDALLION_PII_READER only';

-- 17. masking "MEDALLION"."SILVER"."PEOPLE"."latitude"
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE" MODIFY COLUMN "latitude" SET MASKING POLICY "MEDALLION"."SILVER"."PII_DOUBLE" FORCE;

-- 18. metric schedule "MEDALLION"."SILVER"."PEOPLE"
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE" SET DATA_METRIC_SCHEDULE = '60 MINUTE';

-- 19. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.NULL_COUNT ON ("id")
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.NULL_COUNT ON ("id");

-- 20. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.ROW_COUNT ON ()
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.ROW_COUNT ON ();

-- 21. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.DUPLICATE_COUNT ON ("id")
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.DUPLICATE_COUNT ON ("id");

-- 22. data metric "MEDALLION"."SILVER"."PEOPLE" SNOWFLAKE.CORE.FRESHNESS ON ("born_at")
ALTER ICEBERG TABLE "MEDALLION"."SILVER"."PEOPLE"
  ADD DATA METRIC FUNCTION SNOWFLAKE.CORE.FRESHNESS ON ("born_at");

-- 23. view "MEDALLION"."CHECKS"."PEOPLE__ID_NOT_NULL"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__ID_NOT_NULL"
  COMMENT = 'Rows of silver.people failing rule id_not_null'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "id" IS NULL OR TRIM(TO_VARCHAR("id")) = '';

-- 24. view "MEDALLION"."CHECKS"."PEOPLE__AGE_RANGE"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__AGE_RANGE"
  COMMENT = 'Rows of silver.people failing rule age_range'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "age" < 0.0 OR "age" > 120.0;

-- 25. view "MEDALLION"."CHECKS"."PEOPLE__COUNTRY_ALLOWED"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__COUNTRY_ALLOWED"
  COMMENT = 'Rows of silver.people failing rule country_allowed'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "country" NOT IN ('CH', 'DE', 'US');

-- 26. view "MEDALLION"."CHECKS"."PEOPLE__NAME_LENGTH"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__NAME_LENGTH"
  COMMENT = 'Rows of silver.people failing rule name_length'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE LENGTH("name") < 1 OR LENGTH("name") > 80;

-- 27. view "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_NOT_IN_FUTURE"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_NOT_IN_FUTURE"
  COMMENT = 'Rows of silver.people failing rule born_at_not_in_future'
  AS
SELECT *
FROM "MEDALLION"."SILVER"."PEOPLE"
WHERE "born_at" > CURRENT_TIMESTAMP();

-- 28. view "MEDALLION"."CHECKS"."PEOPLE__ROW_COUNT"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__ROW_COUNT"
  COMMENT = 'Rows of silver.people failing rule row_count'
  AS
SELECT COUNT(*) AS "row_count"
FROM "MEDALLION"."SILVER"."PEOPLE"
HAVING COUNT(*) < 1 OR COUNT(*) > 1000000;

-- 29. view "MEDALLION"."CHECKS"."PEOPLE__UNIQUE_ID"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__UNIQUE_ID"
  COMMENT = 'Rows of silver.people failing rule unique_id'
  AS
SELECT "id", COUNT(*) AS "copies"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY "id"
HAVING COUNT(*) > 1;

-- 30. view "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_FRESHNESS"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_FRESHNESS"
  COMMENT = 'Rows of silver.people failing rule born_at_freshness'
  AS
SELECT MAX("born_at") AS "newest"
FROM "MEDALLION"."SILVER"."PEOPLE"
HAVING MAX("born_at") < DATEADD('second', -3153600000, CURRENT_TIMESTAMP());

-- 31. view "MEDALLION"."GOLD"."PEOPLE_BY_COUNTRY"
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

-- 32. view "MEDALLION"."GOLD"."PEOPLE_BY_BIRTH_YEAR"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."PEOPLE_BY_BIRTH_YEAR"
  AS
SELECT
  CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "year",
  COUNT(*) AS "people",
  CAST(SUM(COUNT(*)) OVER (ORDER BY CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "people_to_date"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 33. view "MEDALLION"."GOLD"."MONTHLY_BIRTHS_BY_COUNTRY"
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

-- 34. view "MEDALLION"."GOLD"."DAILY_BIRTHS"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."DAILY_BIRTHS"
  AS
SELECT
  CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "day",
  COUNT(*) AS "births",
  MIN("born_at") AS "first_birth",
  MAX("born_at") AS "last_birth"
FROM "MEDALLION"."SILVER"."PEOPLE"
GROUP BY CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 35. view "MEDALLION"."GOLD"."DAILY_BIRTH_SERIES"
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

-- 36. view "MEDALLION"."GOLD"."MONTHLY_SERIES_BY_COUNTRY"
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

-- 37. view "MEDALLION"."GOLD"."BIRTH_YEAR_COHORTS"
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

-- 38. grant MEDALLION
GRANT USAGE ON DATABASE "MEDALLION" TO ROLE "MEDALLION_READER";

-- 39. grant "MEDALLION"."GOLD"
GRANT USAGE ON SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 40. grant "MEDALLION"."GOLD"
GRANT SELECT ON ALL VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 41. grant "MEDALLION"."GOLD"
GRANT SELECT ON FUTURE VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 42. grant "MEDALLION"."GOLD"
GRANT SELECT ON ALL ICEBERG TABLES IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 43. grant "MEDALLION"."GOLD"
GRANT SELECT ON FUTURE ICEBERG TABLES IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";
