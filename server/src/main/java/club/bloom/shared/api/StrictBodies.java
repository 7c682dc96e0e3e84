package club.bloom.shared.api;

import club.bloom.shared.api.ContractSchemas.RequestBody;
import club.bloom.shared.domain.InvalidInput;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Wires {@link StrictJson} into JAX-RS: every resource method that takes a JSON body gets a filter
 * (after authentication and authorization, so a stranger's body is never parsed) that reads the
 * body once — bounded by {@link BodyLimits} — checks it against the operation's schema in the
 * contract and binds it; the {@link Reader} then hands the bound record to the method. Nothing of
 * JSON-B's lenience (trailing data, {@code "yes"} read as false, numbers taken for strings, an
 * array taken for an object) is left on the way in.
 */
@Provider
public class StrictBodies implements DynamicFeature {
  static final String BOUND = StrictBodies.class.getName() + ".bound";
  private static final Object NOTHING = new Object();

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    Method method = resource.getResourceMethod();
    Optional<Parameter> entity = entityParameter(method);
    if (entity.isEmpty()) {
      return;
    }
    String http = httpMethod(method);
    String template = template(resource.getResourceClass(), method);
    Optional<RequestBody> body = ContractSchemas.instance().body(http, template);
    context.register(
        new Filter(body.orElse(null), entity.get().getParameterizedType(), http + " " + template),
        Priorities.AUTHORIZATION + 500);
  }

  /** Reads, checks and binds the body of one operation. */
  static final class Filter implements ContainerRequestFilter {
    private final RequestBody body;
    private final Type type;
    private final String operation;

    Filter(RequestBody body, Type type, String operation) {
      this.body = body;
      this.type = type;
      this.operation = operation;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      MediaType media = request.getMediaType();
      byte[] bytes = read(request.getEntityStream());
      if (bytes.length == 0) {
        if (body != null && body.required()) {
          throw InvalidInput.of("body", "is required");
        }
        request.setProperty(BOUND, NOTHING);
        return;
      }
      if (media != null && !isJson(media)) {
        // JAX-RS answers 415 for it after this filter; keep its body for that.
        request.setEntityStream(new ByteArrayInputStream(bytes));
        return;
      }
      JsonNode node = StrictJson.parse(bytes);
      if (node.isNull()) {
        // A literal null is no body: refused where one is required, absent where optional
        // (clients generated from the contract send it for an optional body left out).
        if (body == null || body.required()) {
          throw InvalidInput.of("body", "is required");
        }
        request.setProperty(BOUND, NOTHING);
        request.setEntityStream(new ByteArrayInputStream(new byte[0]));
        return;
      }
      if (body == null) {
        throw new IllegalStateException(
            operation + " takes a JSON body the contract does not describe");
      }
      StrictJson.validate(body.schema(), node);
      request.setProperty(BOUND, StrictJson.bind(node, type));
      request.setEntityStream(new ByteArrayInputStream(new byte[0]));
    }
  }

  /**
   * Gives the resource method the record its filter bound; JSON-B never reads a request body.
   * Without a bound body (a method the filter did not cover) the body is read strictly here.
   */
  @Provider
  @Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
  @Priority(Priorities.USER - 100)
  public static class Reader implements MessageBodyReader<Object> {
    @Context HttpServletRequest servletRequest;

    @Override
    public boolean isReadable(
        Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
      return !InputStream.class.isAssignableFrom(type)
          && !String.class.equals(type)
          && !byte[].class.equals(type);
    }

    @Override
    public Object readFrom(
        Class<Object> type,
        Type genericType,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> httpHeaders,
        InputStream entityStream)
        throws IOException, WebApplicationException {
      Object bound = servletRequest == null ? null : servletRequest.getAttribute(BOUND);
      if (bound == NOTHING) {
        return null;
      }
      if (bound != null && type.isInstance(bound)) {
        return bound;
      }
      byte[] bytes = read(entityStream);
      if (bytes.length == 0) {
        return null;
      }
      return StrictJson.bind(StrictJson.parse(bytes), genericType);
    }
  }

  /** The whole body; past its limit a 413 problem. */
  static byte[] read(InputStream in) throws IOException {
    try {
      return BodyLimits.readAll(in);
    } catch (BodyLimits.TooLarge e) {
      throw new BodyTooLarge(e.limit());
    }
  }

  static boolean isJson(MediaType media) {
    return "application".equals(media.getType())
        && ("json".equals(media.getSubtype()) || media.getSubtype().endsWith("+json"));
  }

  /** The method's entity parameter: the one without a JAX-RS parameter annotation. */
  static Optional<Parameter> entityParameter(Method method) {
    for (Parameter p : method.getParameters()) {
      boolean annotated = false;
      for (Annotation a : p.getAnnotations()) {
        String pkg = a.annotationType().getPackageName();
        if (pkg.startsWith("jakarta.ws.rs") || pkg.startsWith("jakarta.inject")) {
          annotated = true;
        }
      }
      if (!annotated) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return "";
  }

  /** The operation's path as the contract writes it: {@code /clubs/{club}/members}. */
  static String template(Class<?> type, Method method) {
    Path base = type.getAnnotation(Path.class);
    Path sub = method.getAnnotation(Path.class);
    String p =
        ("/" + (base == null ? "" : base.value()) + "/" + (sub == null ? "" : sub.value()))
            .replaceAll("/+", "/");
    p = p.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
