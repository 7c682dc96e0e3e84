package club.bloom;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The REST API, under {@code /api/v1}; its contract is {@code openapi/src/main/openapi/openapi.yaml}.
 */
@ApplicationPath("/api/v1")
public class BloomApplication extends Application {}
