package club.bloom.access.infrastructure;

import club.bloom.access.domain.InvalidCredential;
import club.bloom.access.domain.TokenVerifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * JWT verification for many realms in one application (ADR 0005): one processor per allowed issuer,
 * each with its own cached, rate-limited key set fetched from Keycloak; RS256 only; the issuer must
 * match exactly; expiry (and {@code nbf}) is enforced with a small clock skew, {@code
 * bloom.auth.clock-skew-seconds} (5 s by default; ADR 0028).
 */
@ApplicationScoped
public class NimbusTokenVerifier implements TokenVerifier {
  @Inject
  @ConfigProperty(name = "bloom.keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  /**
   * How far past {@code exp} (or before {@code nbf}) a token is still accepted, for clocks of
   * Keycloak and Bloom that differ a little. Small: a token lives 300 s (ADR 0028).
   */
  @Inject
  @ConfigProperty(name = "bloom.auth.clock-skew-seconds", defaultValue = "5")
  int clockSkewSeconds;

  private final Map<String, DefaultJWTProcessor<SecurityContext>> processors =
      new ConcurrentHashMap<>();

  @Override
  public String issuerOf(String token) {
    try {
      String issuer = SignedJWT.parse(token).getJWTClaimsSet().getIssuer();
      if (issuer == null) {
        throw new InvalidCredential("The token names no issuer");
      }
      return issuer;
    } catch (ParseException e) {
      throw new InvalidCredential("The bearer credential is neither an API key nor a JWT");
    }
  }

  @Override
  public VerifiedToken verify(String token, String issuer, String realm) {
    DefaultJWTProcessor<SecurityContext> processor =
        processors.computeIfAbsent(issuer, i -> processorFor(i, realm));
    try {
      JWTClaimsSet claims = processor.process(token, null);
      Object typ = claims.getClaim("typ");
      if (typ != null && !"Bearer".equals(typ)) {
        throw new InvalidCredential("Only access tokens are accepted");
      }
      return new VerifiedToken(
          issuer,
          claims.getSubject(),
          realmRoles(claims),
          organizations(claims),
          claims.getClaim("azp") instanceof String azp ? azp : "",
          Boolean.TRUE.equals(claims.getClaim("email_verified")),
          text(claims, "email"),
          text(claims, "given_name"),
          text(claims, "family_name"));
    } catch (ParseException | BadJOSEException e) {
      throw new InvalidCredential("The token is invalid or expired");
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new InvalidCredential("The token could not be verified");
    }
  }

  private DefaultJWTProcessor<SecurityContext> processorFor(String issuer, String realm) {
    // Keys are fetched from the configured Keycloak (internal address), never from a URL in a
    // token.
    String jwks = keycloakUrl + "/realms/" + realm + "/protocol/openid-connect/certs";
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.create(URI.create(jwks).toURL()).retrying(true).build();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
    return processor(issuer, keys, clockSkewSeconds);
  }

  /** The processor of one issuer over its key set: RS256, exact issuer, required claims, skew. */
  static DefaultJWTProcessor<SecurityContext> processor(
      String issuer, JWKSource<SecurityContext> keys, int clockSkewSeconds) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat"));
    claims.setMaxClockSkew(Math.max(0, clockSkewSeconds));
    processor.setJWTClaimsSetVerifier(claims);
    return processor;
  }

  private static java.util.Optional<String> text(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value && !value.isBlank()
        ? java.util.Optional.of(value)
        : java.util.Optional.empty();
  }

  /**
   * Keycloak writes the {@code organization} claim as a list of aliases, or — when the mapper adds
   * ids or attributes — as an object keyed by alias. Either way the aliases are what Bloom reads.
   */
  private static Set<String> organizations(JWTClaimsSet claims) {
    Object claim = claims.getClaim("organization");
    Set<String> out = new HashSet<>();
    if (claim instanceof Map<?, ?> byAlias) {
      byAlias.keySet().forEach(k -> out.add(String.valueOf(k)));
    } else if (claim instanceof List<?> aliases) {
      aliases.forEach(a -> out.add(String.valueOf(a)));
    } else if (claim instanceof String alias) {
      out.add(alias);
    }
    return Set.copyOf(out);
  }

  private static Set<String> realmRoles(JWTClaimsSet claims) throws ParseException {
    Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
    if (realmAccess == null || !(realmAccess.get("roles") instanceof List<?> roles)) {
      return Set.of();
    }
    Set<String> out = new HashSet<>();
    for (Object r : roles) {
      out.add(String.valueOf(r));
    }
    return out;
  }
}
