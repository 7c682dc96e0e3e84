package club.bloom.access.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clock skew on token expiry (ADR 0028): a token is accepted up to {@code
 * bloom.auth.clock-skew-seconds} past its {@code exp}, and refused just after.
 */
class NimbusTokenVerifierTest {
  private static final String ISSUER = "http://keycloak.test/realms/club-x";
  private static RSAKey key;
  private static DefaultJWTProcessor<SecurityContext> processor;

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
    processor =
        NimbusTokenVerifier.processor(
            ISSUER, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())), 5);
  }

  private static String token(long expiresInSeconds) throws Exception {
    long now = System.currentTimeMillis();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").type(JOSEObjectType.JWT).build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("someone")
                .issueTime(new Date(now - 300_000))
                .expirationTime(new Date(now + expiresInSeconds * 1000))
                .build());
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aTokenWithinTheSkewPastItsExpiryIsAccepted() throws Exception {
    assertEquals("someone", processor.process(token(-2), null).getSubject());
  }

  @Test
  void aTokenJustPastItsExpiryAndTheSkewIsRefused() throws Exception {
    assertThrows(BadJOSEException.class, () -> processor.process(token(-7), null));
  }

  @Test
  void theDefaultSkewOfNimbusIsNotUsed() throws Exception {
    // nimbus-jose-jwt accepts 60 s past exp unless told otherwise; Bloom tells it 5.
    assertThrows(BadJOSEException.class, () -> processor.process(token(-30), null));
  }
}
