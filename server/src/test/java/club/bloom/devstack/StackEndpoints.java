package club.bloom.devstack;

/**
 * Where the services of the local stack listen and how to reach them as an operator; handed by
 * {@link DevStack} to {@code DemoData.load(StackEndpoints)} and usable by integration tests.
 *
 * @param bloomUrl the Bloom application, e.g. {@code http://localhost:9080}
 * @param keycloakUrl Keycloak's public URL (its configured hostname), e.g. {@code
 *     http://localhost:8180}
 * @param postgresJdbcUrl the application database, e.g. {@code
 *     jdbc:postgresql://localhost:55432/bloom}
 * @param dbUser owner of the application database
 * @param dbPassword password of {@code dbUser}
 * @param keycloakAdminUser bootstrap administrator of Keycloak's master realm
 * @param keycloakAdminPassword password of {@code keycloakAdminUser}
 * @param opsClientSecret secret of the Bloom operations client, as configured in Liberty
 * @param platformRealm the Keycloak realm of the platform operators
 */
public record StackEndpoints(
    String bloomUrl,
    String keycloakUrl,
    String postgresJdbcUrl,
    String dbUser,
    String dbPassword,
    String keycloakAdminUser,
    String keycloakAdminPassword,
    String opsClientSecret,
    String platformRealm) {

  /** The endpoints of a stack started by {@link DevStack} on the given ports of this machine. */
  public static StackEndpoints local(int httpPort, int keycloakPort, int postgresPort) {
    return new StackEndpoints(
        "http://localhost:" + httpPort,
        "http://localhost:" + keycloakPort,
        "jdbc:postgresql://localhost:" + postgresPort + "/" + DevStack.DB_NAME,
        DevStack.DB_USER,
        DevStack.DB_PASSWORD,
        DevStack.KEYCLOAK_ADMIN_USER,
        DevStack.KEYCLOAK_ADMIN_PASSWORD,
        DevStack.OPS_CLIENT_SECRET,
        DevStack.PLATFORM_REALM);
  }
}
