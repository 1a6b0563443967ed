-- Snowflake layer of medallion pipeline people
-- Dry run: nothing runs until the plan is applied.
--
-- Secrets appear only as <<secret env:NAME>>, read from the environment when applied.
--
-- Not exposed: these tables fail the write profile, so no statement reads them:
--   bronze.people_raw: format version 3 is not one Snowflake reads here (allowed: [1, 2])
--   silver.people: snapshots [41, 42] added equality deletes, which stop Snowflake's refresh; rewrite the table without them
--
-- Gold view gold.people_by_country is left out: its source silver.people is not exposed.
-- Gold view gold.people_by_birth_year is left out: its source silver.people is not exposed.
-- Gold view gold.monthly_births_by_country is left out: its source silver.people is not exposed.
-- Gold view gold.daily_births is left out: its source silver.people is not exposed.
-- Gold view gold.daily_birth_series is left out: its source silver.people is not exposed.
-- Gold view gold.monthly_series_by_country is left out: its source silver.people is not exposed.
-- Gold view gold.birth_year_cohorts is left out: its source silver.people is not exposed.
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

-- 8. iceberg table "MEDALLION"."GOLD"."DIM_PERSON"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_PERSON"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'dim_person'
  CATALOG_NAMESPACE = 'gold'
  AUTO_REFRESH = TRUE
  COMMENT = 'People, one version per change of email or country';

-- 9. iceberg table "MEDALLION"."GOLD"."DIM_DATE"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."GOLD"."DIM_DATE"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'dim_date'
  CATALOG_NAMESPACE = 'gold'
  AUTO_REFRESH = TRUE;

-- 10. iceberg table "MEDALLION"."GOLD"."FACT_PERSON"
CREATE ICEBERG TABLE IF NOT EXISTS "MEDALLION"."GOLD"."FACT_PERSON"
  EXTERNAL_VOLUME = 'MEDALLION_VOLUME'
  CATALOG = 'MEDALLION_CATALOG'
  CATALOG_TABLE_NAME = 'fact_person'
  CATALOG_NAMESPACE = 'gold'
  AUTO_REFRESH = TRUE;

-- 11. grant MEDALLION
GRANT USAGE ON DATABASE "MEDALLION" TO ROLE "MEDALLION_READER";

-- 12. grant "MEDALLION"."GOLD"
GRANT USAGE ON SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 13. grant "MEDALLION"."GOLD"
GRANT SELECT ON ALL VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 14. grant "MEDALLION"."GOLD"
GRANT SELECT ON FUTURE VIEWS IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 15. grant "MEDALLION"."GOLD"
GRANT SELECT ON ALL ICEBERG TABLES IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";

-- 16. grant "MEDALLION"."GOLD"
GRANT SELECT ON FUTURE ICEBERG TABLES IN SCHEMA "MEDALLION"."GOLD" TO ROLE "MEDALLION_READER";
