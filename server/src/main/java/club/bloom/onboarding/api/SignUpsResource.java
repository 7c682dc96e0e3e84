package club.bloom.onboarding.api;

import club.bloom.access.application.ApiKeyIssuing.IssuedKey;
import club.bloom.onboarding.api.PlatformResource.IssuedApiKeyDto;
import club.bloom.onboarding.application.SelfSignUp;
import club.bloom.onboarding.application.SelfSignUp.Applied;
import club.bloom.onboarding.application.SelfSignUp.Apply;
import club.bloom.onboarding.domain.ProvisioningFailure;
import club.bloom.onboarding.domain.SignUp;
import club.bloom.onboarding.domain.SignUpStep;
import club.bloom.shared.api.FieldChecks;
import club.bloom.shared.domain.InvalidInput;
import club.bloom.tenancy.domain.Slug;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Public self-service sign-up (no credentials): apply, follow the e-mailed link, watch
 * provisioning, and — a partner — see the first API key once. The link's token is the only
 * credential of the progress and the key; it travels in a header, never in a URL.
 */
@Path("/signups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SignUpsResource {
  static final String TOKEN_HEADER = "Signup-Token";
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PLAN = Pattern.compile("^[a-z][a-z0-9-]{1,31}$");
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

  @Inject SelfSignUp signUps;
  @Context HttpServletRequest http;

  @Inject
  @ConfigProperty(name = "bloom.portal.url", defaultValue = "http://localhost:9080")
  String portalUrl;

  /** The platform terms an application must accept. */
  @GET
  @Path("/terms")
  public TermsDto terms() {
    return new TermsDto(signUps.termsVersion(), portalUrl + "/terms/" + signUps.termsVersion());
  }

  @POST
  public Response apply(SignUpRequestDto body) {
    if (body == null) {
      throw InvalidInput.of("body", "is required");
    }
    FieldChecks checks = new FieldChecks();
    TenantKind kind = null;
    if (!"club".equals(body.kind()) && !"partner".equals(body.kind())) {
      checks.fail("kind", "must be club or partner");
    } else {
      kind = TenantKind.valueOf(body.kind().toUpperCase(Locale.ROOT));
    }
    if (body.slug() == null || !Slug.isValid(body.slug())) {
      checks.fail(
          "slug",
          "must be 3–40 lower-case letters, digits and single hyphens, starting with a letter");
    }
    String name = checks.required("name", body.name(), 120);
    String email =
        checks.matches(
            "adminEmail", body.adminEmail(), EMAIL, "must be an e-mail address such as a@b.ru");
    if (email != null && email.length() > 254) {
      checks.fail("adminEmail", "must be at most 254 characters");
    }
    String plan = checks.matches("plan", body.plan(), PLAN, "must be a plan code such as start");
    String locale = body.locale() == null ? "ru" : body.locale();
    if (!locale.matches("^(ru|en)$")) {
      checks.fail("locale", "must be ru or en");
    }
    String zone = body.timeZone() == null ? "Europe/Moscow" : body.timeZone();
    if (!ZoneId.getAvailableZoneIds().contains(zone)) {
      checks.fail("timeZone", "must be an IANA time zone such as Europe/Moscow");
    }
    if (!Boolean.TRUE.equals(body.acceptTerms())) {
      checks.fail("acceptTerms", "the platform terms must be accepted (true)");
    } else if (body.termsVersion() != null && !body.termsVersion().equals(signUps.termsVersion())) {
      checks.fail(
          "termsVersion",
          "the terms in force are version " + signUps.termsVersion() + "; accept those");
    }
    checks.throwIfAny();
    Applied applied =
        signUps.apply(
            new Apply(kind, body.slug(), name, email, plan, locale, zone), http.getRemoteAddr());
    SignUp s = applied.signUp();
    return Response.accepted(
            new SignUpAcceptedDto(
                s.id(),
                "awaiting-verification",
                s.adminEmailMasked(),
                s.tokenExpiresAt().toString(),
                applied.repeated()))
        .build();
  }

  @POST
  @Path("/verification")
  public Response verify(VerificationDto body) {
    String token = token("token", body == null ? null : body.token());
    return Response.accepted(ProgressDto.of(signUps.verify(token))).cacheControl(noStore()).build();
  }

  @GET
  @Path("/progress")
  public Response progress(@HeaderParam(TOKEN_HEADER) String token) {
    return Response.ok(ProgressDto.of(signUps.progress(token(TOKEN_HEADER, token))))
        .cacheControl(noStore())
        .build();
  }

  @POST
  @Path("/first-api-key")
  public Response firstKey(@HeaderParam(TOKEN_HEADER) String token) {
    IssuedKey issued = signUps.firstKey(token(TOKEN_HEADER, token));
    return Response.status(201)
        .entity(
            new IssuedApiKeyDto(
                issued.key().id(),
                issued.secret().value(),
                issued.key().prefix(),
                issued.key().mode().token(),
                issued.key().label().orElse(null),
                List.copyOf(new java.util.TreeSet<>(issued.key().scopes()))))
        .cacheControl(noStore())
        .build();
  }

  private static String token(String field, String value) {
    if (value == null || !TOKEN.matcher(value).matches()) {
      throw InvalidInput.of(field, "must be the token of the sign-up link");
    }
    return value;
  }

  private static CacheControl noStore() {
    CacheControl c = new CacheControl();
    c.setNoStore(true);
    c.setPrivate(true);
    return c;
  }

  /** The contract's {@code SignUpRequest}. */
  public record SignUpRequestDto(
      String kind,
      String slug,
      String name,
      String adminEmail,
      String plan,
      String locale,
      String timeZone,
      Boolean acceptTerms,
      String termsVersion) {}

  /** The contract's {@code SignUpAccepted}. */
  public record SignUpAcceptedDto(
      UUID id, String status, String sentTo, String linkExpiresAt, boolean repeated) {}

  /** The contract's {@code SignUpVerification}. */
  public record VerificationDto(String token) {}

  /** The contract's {@code PlatformTerms}. */
  public record TermsDto(String version, String url) {}

  /** The contract's {@code SignUpProgress}. */
  public record ProgressDto(
      UUID id,
      String kind,
      String slug,
      String name,
      String plan,
      String status,
      String adminEmail,
      List<StepDto> steps,
      int attempts,
      String lastError,
      String lastErrorReference,
      boolean firstKeyAvailable,
      String createdAt,
      String completedAt) {
    static ProgressDto of(SignUp s) {
      List<StepDto> steps = new ArrayList<>();
      SignUpStep next = s.nextStep().orElse(null);
      for (SignUpStep step : SignUpStep.of(s.kind())) {
        String state;
        if (s.step().map(done -> step.ordinal() <= done.ordinal()).orElse(false)) {
          state = "done";
        } else if (step == next) {
          state = s.lastError().isPresent() ? "failed" : "running";
        } else {
          state = "pending";
        }
        steps.add(new StepDto(step.name().toLowerCase(Locale.ROOT).replace('_', '-'), state));
      }
      return new ProgressDto(
          s.id(),
          s.kind().name().toLowerCase(Locale.ROOT),
          s.slug(),
          s.name(),
          s.plan(),
          s.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
          s.adminEmailMasked(),
          steps,
          s.attempts(),
          s.lastError().map(ProvisioningFailure::code).orElse(null),
          s.lastErrorReference().orElse(null),
          s.kind() == TenantKind.PARTNER
              && s.status() == club.bloom.onboarding.domain.SignUpStatus.READY
              && s.firstKeyShownAt().isEmpty(),
          s.createdAt().toString(),
          s.completedAt().map(Object::toString).orElse(null));
    }
  }

  /** One step of provisioning and its state: done, running, failed (will be retried), pending. */
  public record StepDto(String step, String state) {}
}
