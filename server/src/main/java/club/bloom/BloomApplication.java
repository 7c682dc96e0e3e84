package club.bloom;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API, under {@code /api/v1}; its contract is {@code
 * openapi/src/main/openapi/openapi.yaml}.
 */
@ApplicationPath("/api/v1")
@DeclareRoles({
  "member",
  "club-owner",
  "club-admin",
  "club-analyst",
  "platform-operator",
  "partner-owner",
  "partner-admin",
  "cashier",
  "partner-analyst",
  "person",
  "purchases-write",
  "purchases-read",
  "members-lookup",
  "members-register"
})
public class BloomApplication extends Application {}
