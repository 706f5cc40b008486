#!/bin/bash
# First start of the compose PostgreSQL: a database for Keycloak, and the tenant warehouse with a read-only role.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set kc_password="$KEYCLOAK_DB_PASSWORD" --set wh_password="$ACME_WH_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER keycloak;
CREATE ROLE acme_reader LOGIN PASSWORD :'wh_password';
ALTER ROLE acme_reader SET default_transaction_read_only = on;
CREATE DATABASE warehouse OWNER hub;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname warehouse <<'SQL'
CREATE SCHEMA acme AUTHORIZATION hub;
GRANT USAGE ON SCHEMA acme TO acme_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE hub IN SCHEMA acme GRANT SELECT ON TABLES TO acme_reader;
SQL
