-- Snowflake layer of medallion pipeline people
-- Dry run: nothing runs until the plan is applied.
--
-- Secrets appear only as <<secret env:NAME>>, read from the environment when applied.
--
-- Personal columns of silver.people [name, email, latitude]: set the masking policies on the catalog-linked tables once they are discovered.
-- Checked by medallion only: silver.people rule email_valid (email is a valid email address)

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
    CATALOG_URI = 'https://glue.eu-west-1.amazonaws.com/iceberg'
    CATALOG_API_TYPE = AWS_GLUE
    CATALOG_NAME = '123456789012'
  )
  REST_AUTHENTICATION = (
    TYPE = SIGV4
    SIGV4_IAM_ROLE = 'arn:aws:iam::123456789012:role/snowflake-lake'
    SIGV4_SIGNING_REGION = 'eu-west-1'
  )
  ENABLED = TRUE;

-- 4. schema "MEDALLION"."SILVER"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."SILVER"
  COMMENT = 'Medallion silver tables of pipeline people';

-- 5. schema "MEDALLION"."GOLD"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."GOLD"
  COMMENT = 'Medallion gold tables of pipeline people';

-- 6. schema "MEDALLION"."CHECKS"
CREATE SCHEMA IF NOT EXISTS "MEDALLION"."CHECKS"
  COMMENT = 'Views returning the rows that fail each silver rule';

-- 7. database MEDALLION_LAKE
CREATE DATABASE "MEDALLION_LAKE"
  LINKED_CATALOG = (
    CATALOG = 'MEDALLION_CATALOG',
    ALLOWED_NAMESPACES = ('bronze', 'silver')
  ),
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME';

-- 8. masking policy "MEDALLION"."SILVER"."PII_STRING"
CREATE MASKING POLICY IF NOT EXISTS "MEDALLION"."SILVER"."PII_STRING" AS (val VARCHAR) RETURNS VARCHAR ->
  CASE WHEN IS_ROLE_IN_SESSION('MEDALLION_PII_READER') OR INVOKER_ROLE() = 'SYSADMIN' THEN val ELSE '***MASKED***' END
  COMMENT = 'Personal data: shown to MEDALLION_PII_READER only';

-- 9. masking policy "MEDALLION"."SILVER"."PII_DOUBLE"
CREATE MASKING POLICY IF NOT EXISTS "MEDALLION"."SILVER"."PII_DOUBLE" AS (val FLOAT) RETURNS FLOAT ->
  CASE WHEN IS_ROLE_IN_SESSION('MEDALLION_PII_READER') OR INVOKER_ROLE() = 'SYSADMIN' THEN val ELSE NULL END
  COMMENT = 'Personal data: shown to MEDALLION_PII_READER only';

-- 10. view "MEDALLION"."CHECKS"."PEOPLE__ID_NOT_NULL"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__ID_NOT_NULL"
  COMMENT = 'Rows of silver.people failing rule id_not_null'
  AS
SELECT *
FROM "MEDALLION_LAKE"."silver"."people"
WHERE "id" IS NULL OR TRIM(TO_VARCHAR("id")) = '';

-- 11. view "MEDALLION"."CHECKS"."PEOPLE__AGE_RANGE"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__AGE_RANGE"
  COMMENT = 'Rows of silver.people failing rule age_range'
  AS
SELECT *
FROM "MEDALLION_LAKE"."silver"."people"
WHERE "age" < 0.0 OR "age" > 120.0;

-- 12. view "MEDALLION"."CHECKS"."PEOPLE__COUNTRY_ALLOWED"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__COUNTRY_ALLOWED"
  COMMENT = 'Rows of silver.people failing rule country_allowed'
  AS
SELECT *
FROM "MEDALLION_LAKE"."silver"."people"
WHERE "country" NOT IN ('CH', 'DE', 'US');

-- 13. view "MEDALLION"."CHECKS"."PEOPLE__NAME_LENGTH"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__NAME_LENGTH"
  COMMENT = 'Rows of silver.people failing rule name_length'
  AS
SELECT *
FROM "MEDALLION_LAKE"."silver"."people"
WHERE LENGTH("name") < 1 OR LENGTH("name") > 80;

-- 14. view "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_NOT_IN_FUTURE"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_NOT_IN_FUTURE"
  COMMENT = 'Rows of silver.people failing rule born_at_not_in_future'
  AS
SELECT *
FROM "MEDALLION_LAKE"."silver"."people"
WHERE "born_at" > CURRENT_TIMESTAMP();

-- 15. view "MEDALLION"."CHECKS"."PEOPLE__ROW_COUNT"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__ROW_COUNT"
  COMMENT = 'Rows of silver.people failing rule row_count'
  AS
SELECT COUNT(*) AS "row_count"
FROM "MEDALLION_LAKE"."silver"."people"
HAVING COUNT(*) < 1 OR COUNT(*) > 1000000;

-- 16. view "MEDALLION"."CHECKS"."PEOPLE__UNIQUE_ID"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__UNIQUE_ID"
  COMMENT = 'Rows of silver.people failing rule unique_id'
  AS
SELECT "id", COUNT(*) AS "copies"
FROM "MEDALLION_LAKE"."silver"."people"
GROUP BY "id"
HAVING COUNT(*) > 1;

-- 17. view "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_FRESHNESS"
CREATE VIEW IF NOT EXISTS "MEDALLION"."CHECKS"."PEOPLE__BORN_AT_FRESHNESS"
  COMMENT = 'Rows of silver.people failing rule born_at_freshness'
  AS
SELECT MAX("born_at") AS "newest"
FROM "MEDALLION_LAKE"."silver"."people"
HAVING MAX("born_at") < DATEADD('second', -3153600000, CURRENT_TIMESTAMP());

-- 18. view "MEDALLION"."GOLD"."PEOPLE_BY_COUNTRY"
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
FROM "MEDALLION_LAKE"."silver"."people"
GROUP BY "country";

-- 19. view "MEDALLION"."GOLD"."PEOPLE_BY_BIRTH_YEAR"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."PEOPLE_BY_BIRTH_YEAR"
  AS
SELECT
  CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "year",
  COUNT(*) AS "people",
  CAST(SUM(COUNT(*)) OVER (ORDER BY CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "people_to_date"
FROM "MEDALLION_LAKE"."silver"."people"
GROUP BY CAST(DATE_TRUNC('YEAR', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 20. view "MEDALLION"."GOLD"."MONTHLY_BIRTHS_BY_COUNTRY"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."MONTHLY_BIRTHS_BY_COUNTRY"
  AS
SELECT
  "country",
  CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "month",
  COUNT(*) AS "births",
  CAST(SUM(COUNT(*)) OVER (PARTITION BY "country" ORDER BY CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS BIGINT) AS "births_to_date",
  AVG(CAST("score" AS DOUBLE)) AS "avg_score"
FROM "MEDALLION_LAKE"."silver"."people"
GROUP BY "country", CAST(DATE_TRUNC('MONTH', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 21. view "MEDALLION"."GOLD"."DAILY_BIRTHS"
CREATE VIEW IF NOT EXISTS "MEDALLION"."GOLD"."DAILY_BIRTHS"
  AS
SELECT
  CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE) AS "day",
  COUNT(*) AS "births",
  MIN("born_at") AS "first_birth",
  MAX("born_at") AS "last_birth"
FROM "MEDALLION_LAKE"."silver"."people"
GROUP BY CAST(DATE_TRUNC('DAY', CONVERT_TIMEZONE('UTC', "born_at")) AS DATE);

-- 22. grant MEDALLION
GRANT USAGE ON DATABASE "MEDALLION" TO ROLE "MEDALLION_READER";

-- 23. grant "MEDALLION"."GOLD"
GRANT USAGE ON SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 24. grant "MEDALLION"."GOLD"
GRANT SELECT ON ALL VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 25. grant "MEDALLION"."GOLD"
GRANT SELECT ON FUTURE VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";
