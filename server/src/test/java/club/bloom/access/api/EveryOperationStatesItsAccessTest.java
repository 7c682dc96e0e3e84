package club.bloom.access.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.access.domain.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation states who may call it, in one machine-readable place of the contract: the
 * extension {@code x-bloom-access} of the operation, e.g. {@code x-bloom-access: {roles:
 * [club-owner, club-admin, platform-operator], scopes: ['reports:read']}} or {@code x-bloom-access:
 * {public: true}}. Roles are those of tokens, scopes those of API keys (the code's role {@code
 * reports-read} is the scope {@code reports:read}). This test reads the contract and the JAX-RS
 * resources ({@code @Path}, {@code @RolesAllowed}, {@code @PermitAll}) and fails, saying exactly
 * what to write, when they disagree, when an operation states nothing, or when one side has an
 * operation the other lacks.
 */
class EveryOperationStatesItsAccessTest {
  private static final String EXTENSION = "x-bloom-access";
  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** What may call an operation: public, or tokens with these roles and keys with these scopes. */
  record Access(boolean isPublic, Set<String> roles, Set<String> scopes) {
    static Access ofRoles(Set<String> codeRoles) {
      if (codeRoles == null) {
        return new Access(true, Set.of(), Set.of());
      }
      Set<String> roles = new TreeSet<>();
      Set<String> scopes = new TreeSet<>();
      for (String r : codeRoles) {
        String scope =
            Roles.API_KEY_SCOPES.stream()
                .filter(s -> Roles.forScope(s).equals(r))
                .findFirst()
                .orElse(null);
        if (scope != null) {
          scopes.add(scope);
        } else {
          roles.add(r);
        }
      }
      return new Access(false, roles, scopes);
    }

    /** As it is written in the contract, on one line. */
    String yaml() {
      if (isPublic) {
        return EXTENSION + ": {public: true}";
      }
      List<String> parts = new ArrayList<>();
      if (!roles.isEmpty()) {
        parts.add("roles: [" + String.join(", ", roles) + "]");
      }
      if (!scopes.isEmpty()) {
        parts.add(
            "scopes: ["
                + scopes.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                + "]");
      }
      return EXTENSION + ": {" + String.join(", ", parts) + "}";
    }
  }

  /** An operation of the code: where it is, and what its annotations allow. */
  record CodeOperation(String where, Access access) {}

  @Test
  void everyOperationOfTheContractAndOfTheCodeStatesTheSameAccess() throws IOException {
    Map<String, CodeOperation> code = codeOperations();
    Map<String, JsonNode> contract = contractOperations();
    List<String> problems = new ArrayList<>();
    Set<String> known = new HashSet<>(Roles.CLUB_REALM);
    known.addAll(Roles.PLATFORM_REALM);
    // Not issued by a realm: Bloom gives it to every login whose address is verified.
    known.add(Roles.PERSON);

    for (var e : new TreeMap<>(code).entrySet()) {
      String op = e.getKey();
      CodeOperation impl = e.getValue();
      JsonNode declared = contract.get(key(op));
      if (declared == null) {
        problems.add(
            op
                + " ("
                + impl.where()
                + ") is not in the contract: add the operation to openapi.yaml, with "
                + impl.access().yaml());
        continue;
      }
      JsonNode ext = declared.get(EXTENSION);
      String at = "paths.'" + path(op) + "'." + method(op).toLowerCase(Locale.ROOT);
      if (ext == null) {
        problems.add(
            op
                + " states no access: add to "
                + at
                + ": "
                + impl.access().yaml()
                + " (from "
                + impl.where()
                + ")");
        continue;
      }
      Access stated;
      try {
        stated = parse(ext, known);
      } catch (IllegalArgumentException bad) {
        problems.add(op + ": " + bad.getMessage() + "; write " + impl.access().yaml());
        continue;
      }
      if (!stated.equals(impl.access())) {
        problems.add(
            op
                + ": the contract states "
                + stated.yaml()
                + " but "
                + impl.where()
                + " allows "
                + impl.access().yaml()
                + " — make them agree (the annotation decides what is enforced)");
      }
    }
    Set<String> implemented =
        code.keySet().stream()
            .map(EveryOperationStatesItsAccessTest::key)
            .collect(Collectors.toSet());
    for (String op : new TreeSet<>(contract.keySet())) {
      if (!implemented.contains(op)) {
        problems.add(op + " is in the contract but no resource method implements it");
      }
    }
    assertTrue(
        problems.isEmpty(),
        () ->
            problems.size()
                + " operation(s) of openapi.yaml and the resources disagree on who may call them"
                + " (see EveryOperationStatesItsAccessTest):\n  "
                + String.join("\n  ", problems));
  }

  @Test
  void theCheckSeesTheResourcesAndTheContract() throws IOException {
    Map<String, CodeOperation> code = codeOperations();
    assertTrue(code.size() > 40, "resource methods found: " + code.size());
    assertTrue(
        code.containsKey("POST /clubs/{club}/api-keys/{id}/rotation"),
        () -> code.keySet().toString());
    assertFalse(code.get("GET /clubs/{club}/api-keys").access().isPublic());
    assertTrue(contractOperations().size() > 40);
  }

  private static Access parse(JsonNode ext, Set<String> knownRoles) {
    if (!ext.isObject()) {
      throw new IllegalArgumentException(EXTENSION + " must be a mapping");
    }
    boolean isPublic = ext.path("public").asBoolean(false);
    Set<String> roles = strings(ext.get("roles"));
    Set<String> scopes = strings(ext.get("scopes"));
    for (String r : roles) {
      if (!knownRoles.contains(r)) {
        throw new IllegalArgumentException(
            "unknown role " + r + " (known: " + new TreeSet<>(knownRoles) + ")");
      }
    }
    for (String s : scopes) {
      if (!Roles.API_KEY_SCOPES.contains(s)) {
        throw new IllegalArgumentException(
            "unknown scope " + s + " (known: " + new TreeSet<>(Roles.API_KEY_SCOPES) + ")");
      }
    }
    if (isPublic && !(roles.isEmpty() && scopes.isEmpty())) {
      throw new IllegalArgumentException("a public operation lists no roles or scopes");
    }
    if (!isPublic && roles.isEmpty() && scopes.isEmpty()) {
      throw new IllegalArgumentException("states neither public: true nor any role or scope");
    }
    return new Access(isPublic, roles, scopes);
  }

  private static Set<String> strings(JsonNode node) {
    Set<String> out = new TreeSet<>();
    if (node != null) {
      node.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** "GET /clubs/{club}/x" → "GET /clubs/{}/x": parameter names may differ between the two. */
  private static String key(String op) {
    return op.replaceAll("\\{[^}]*}", "{}");
  }

  private static String method(String op) {
    return op.substring(0, op.indexOf(' '));
  }

  private static String path(String op) {
    return op.substring(op.indexOf(' ') + 1);
  }

  private static Map<String, JsonNode> contractOperations() throws IOException {
    JsonNode root;
    try (InputStream in =
        EveryOperationStatesItsAccessTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
      assertTrue(in != null, "the contract is not on the class path (META-INF/openapi.yaml)");
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    Map<String, JsonNode> out = new TreeMap<>();
    for (var p : root.path("paths").properties()) {
      for (var m : p.getValue().properties()) {
        if (HTTP_METHODS.contains(m.getKey())) {
          out.put(key(m.getKey().toUpperCase(Locale.ROOT) + " " + p.getKey()), m.getValue());
        }
      }
    }
    return out;
  }

  private static Map<String, CodeOperation> codeOperations() {
    Map<String, CodeOperation> out = new TreeMap<>();
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("club.bloom")) {
      if (!c.isAnnotatedWith(Path.class) || c.getPackageName().startsWith("club.bloom.client")) {
        continue;
      }
      Class<?> type = c.reflect();
      String base = type.getAnnotation(Path.class).value();
      for (Method m : type.getMethods()) {
        String http = httpMethod(m);
        if (http == null) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        String path = normalise(base + (sub == null ? "" : "/" + sub.value()));
        out.put(
            http + " " + path,
            new CodeOperation(
                type.getSimpleName() + "#" + m.getName(), Access.ofRoles(rolesOf(type, m))));
      }
    }
    return out;
  }

  /** The roles allowed, or null for a public operation. */
  private static Set<String> rolesOf(Class<?> type, Method m) {
    if (m.isAnnotationPresent(PermitAll.class)) {
      return null;
    }
    RolesAllowed allowed = m.getAnnotation(RolesAllowed.class);
    if (allowed == null && !type.isAnnotationPresent(PermitAll.class)) {
      allowed = type.getAnnotation(RolesAllowed.class);
    }
    return allowed == null ? null : new TreeSet<>(Arrays.asList(allowed.value()));
  }

  private static String httpMethod(Method m) {
    for (Annotation a : m.getAnnotations()) {
      HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  /** Leading slash, no doubled or trailing slash, template regexes dropped ({@code {id: .+}}). */
  private static String normalise(String path) {
    String p = ("/" + path).replaceAll("/+", "/");
    p = p.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
