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

-- 8. grant MEDALLION
GRANT USAGE ON DATABASE "MEDALLION" TO ROLE "MEDALLION_READER";
