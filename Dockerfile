# syntax=docker/dockerfile:1
#
# The Open Liberty image of the Bloom server (the WAR with the portal, its server.xml and the
# PostgreSQL driver). PostgreSQL and Keycloak are external: the image is configured entirely by
# environment variables (below).
#
# NOTE: this image cannot be built on the development machines — they have no Docker engine. Build
# it in CI or on a workstation with Docker or Podman; it needs Maven Central, the npm registry,
# deb.nodesource.com and icr.io. See docs/operations.md, "The Docker image".
#
#   docker build -t bloom-server .
#   docker build --build-arg LIBERTY_TAG=26.0.0.3-kernel-slim-java17-openj9-ubi -t bloom-server .
#
# The default tag follows the newest Open Liberty; pin it to `openliberty.version` of pom.xml to run
# exactly the runtime the build tests against.
ARG LIBERTY_TAG=kernel-slim-java17-openj9-ubi

# ---------------------------------------------------------------------------------------------------
# Build: the reactor up to the server module (contract and client, changelogs, tenancy kernel,
# portal, WAR). liberty:create/deploy at `package` also copies the JDBC driver into the Liberty tree.
FROM maven:3.9-eclipse-temurin-17 AS build

# The portal build (Vite) needs Node.js >= 20.19 and npm. Ubuntu's own nodejs package is older, so
# Node.js 22 comes from NodeSource's apt repository (its nodejs package includes npm).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl gnupg \
 && mkdir -p /etc/apt/keyrings \
 && curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key \
      | gpg --dearmor -o /etc/apt/keyrings/nodesource.gpg \
 && echo "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_22.x nodistro main" \
      > /etc/apt/sources.list.d/nodesource.list \
 && apt-get update \
 && apt-get install -y --no-install-recommends nodejs \
 && rm -rf /var/lib/apt/lists/* \
 && node --version && npm --version

WORKDIR /build
# Sources only: never a developer's target/ or node_modules/.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY liquibase/pom.xml liquibase/
COPY liquibase/src/ liquibase/src/
COPY openapi/pom.xml openapi/
COPY openapi/src/ openapi/src/
COPY tenants/pom.xml tenants/
COPY tenants/src/ tenants/src/
COPY portal/pom.xml portal/package.json portal/package-lock.json portal/index.html \
     portal/tsconfig.json portal/tsconfig.node.json portal/vite.config.ts portal/eslint.config.js \
     portal/.prettierrc.json portal/.prettierignore portal/.gitignore portal/README.md portal/
COPY portal/src/ portal/src/
COPY portal/e2e/ portal/e2e/
COPY server/pom.xml server/
COPY server/src/ server/src/

# -DskipTests: the tests need the local stack (docs/adr/0002); CI runs them with `./mvnw verify`.
RUN chmod +x mvnw \
 && ./mvnw -B -DskipTests package -pl server -am

# ---------------------------------------------------------------------------------------------------
# Runtime: Open Liberty kernel, Java 17 (OpenJ9), UBI. The server is `defaultServer`; /config is its
# directory (/opt/ol/wlp/usr/servers/defaultServer). Runs as user 1001.
FROM icr.io/appcafe/open-liberty:${LIBERTY_TAG}

# Liberty configuration: features pinned in server.xml; ports, database and pool from variables.
COPY --chown=1001:0 server/src/main/liberty/config/server.xml /config/server.xml
COPY --chown=1001:0 server/src/main/liberty/config/jvm.options /config/jvm.options

# The kernel image has no features: features.sh installs the ones server.xml lists (downloaded from
# Maven Central while the image is built).
RUN features.sh

# server.xml's shared library `postgresql` picks up ${shared.resource.dir}/postgresql*.jar.
COPY --chown=1001:0 --from=build /build/server/target/liberty/wlp/usr/shared/resources/postgresql*.jar \
     /opt/ol/wlp/usr/shared/resources/
# server.xml deploys apps/bloom.war at the context root `/`.
COPY --chown=1001:0 --from=build /build/server/target/bloom.war /config/apps/bloom.war

# configure.sh applies the image's standard configuration and warms the OpenJ9 class cache (it
# starts the server once; Bloom's start-up retries quietly while no database is reachable).
RUN configure.sh

# Configuration — every value has a development default; production sets all of them
# (docs/operations.md lists each key). Secrets come from the orchestrator's secret store, never from
# this file.
#   DEFAULT_HTTP_PORT                     HTTP port (9080). TLS terminates in front of Liberty.
#   BLOOM_DB_HOST, BLOOM_DB_PORT, BLOOM_DB_NAME, BLOOM_DB_USER, BLOOM_DB_PASSWORD
#                                         PostgreSQL; the user must be allowed to create schemas
#   BLOOM_DB_POOL_MAX                     the one pool for all tenants (20)
#   BLOOM_KEYCLOAK_URL                    Keycloak as Bloom reaches it (admin API, JWKS)
#   BLOOM_KEYCLOAK_PUBLIC_URL             Keycloak as browsers reach it
#   BLOOM_KEYCLOAK_ADMIN_CLIENT_SECRET    secret of the master-realm client bloom-provisioner
#                                         (role create-realm only)
#   BLOOM_KEYCLOAK_OPS_CLIENT_SECRET      secret given to client bloom-ops when the platform realm
#                                         is created
#   BLOOM_CRYPTO_MASTER_KEY               base64, 32 bytes: wraps the clubs' data keys
#   BLOOM_API_KEYS_PEPPER                 base64, >= 32 bytes: HMAC key of API key hashes
#   BLOOM_PORTAL_URL                      public origin of the portal (realm redirect URIs)
# Readiness: GET /health/ready (DOWN until the platform schema and realm are in place).
EXPOSE 9080
