package club.bloom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.membership.domain.Member;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Query;
import jakarta.ws.rs.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of STYLE.md item 7, checked on the production classes of the server and of the tenancy
 * kernel (both live under {@code club.bloom}). Contexts are {@code club.bloom.<context>} with the
 * layers {@code domain}, {@code application}, {@code infrastructure} and {@code api}.
 */
@AnalyzeClasses(
    packages = "club.bloom",
    importOptions = {
      ImportOption.DoNotIncludeTests.class,
      ArchitectureTest.DoNotIncludeGeneratedClient.class
    })
class ArchitectureTest {

  /**
   * The schema-routing port of the tenancy kernel: the one infrastructure class that other
   * contexts' infrastructure may use (ADR 0003).
   */
  static final String TENANT_ENTITY_MANAGERS =
      "club.bloom.tenancy.infrastructure.TenantEntityManagers";

  // 1. The domain is plain Java plus JPA mapping annotations.
  @ArchTest
  static final ArchRule domainDependsOnNoOtherLayerAndNoFramework =
      noClasses()
          .that()
          .resideInAPackage("club.bloom..domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "club.bloom..application..",
              "club.bloom..infrastructure..",
              "club.bloom..api..",
              "jakarta.ws.rs..",
              "org.eclipse.microprofile..",
              "jakarta.inject..",
              "jakarta.enterprise..",
              "jakarta.transaction..")
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class)
          .because("STYLE.md 5 and 7: aggregates may carry JPA mapping annotations, nothing more");

  // 2. Application services know nothing of the edge that calls them.
  @ArchTest
  static final ArchRule applicationDoesNotDependOnApi =
      noClasses()
          .that()
          .resideInAPackage("club.bloom..application..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("club.bloom..api..")
          .because("STYLE.md 4: REST, CSV jobs and terminals call the same application services");

  // 3. Entity managers, and the JPQL/SQL queries they make, belong to infrastructure.
  @ArchTest
  static final ArchRule onlyInfrastructureUsesTheEntityManager =
      noClasses()
          .that()
          .resideOutsideOfPackage("club.bloom.*.infrastructure..")
          .should()
          .dependOnClassesThat()
          .areAssignableTo(EntityManager.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(EntityManagerFactory.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Query.class)
          .because("STYLE.md 5: EntityManager, JPQL and SQL live only in infrastructure");

  // 4. Contexts meet through application or domain interfaces, never infrastructure.
  @ArchTest
  static final ArchRule contextsNeverUseAnotherContextsInfrastructure =
      noForeignInfrastructure(Set.of(TENANT_ENTITY_MANAGERS));

  /**
   * Rule 4 would pass vacuously if it failed to see dependencies between contexts; without the
   * allowance for the tenancy port it must flag the repositories that route through it.
   */
  @ArchTest
  static void theForeignInfrastructureRuleSeesTheTenancyPort(JavaClasses classes) {
    EvaluationResult withoutPort = noForeignInfrastructure(Set.of()).evaluate(classes);

    String report = withoutPort.getFailureReport().toString();
    assertTrue(classes.contain(TENANT_ENTITY_MANAGERS), "the tenancy kernel was not imported");
    assertFalse(classes.containPackage("club.bloom.client"), "the generated client was imported");
    assertTrue(withoutPort.hasViolation(), "no use of TenantEntityManagers was seen");
    assertTrue(report.contains("club.bloom.tiers.infrastructure.JpaTierRepository"), report);
    assertTrue(report.contains(TENANT_ENTITY_MANAGERS), report);
  }

  // 5. No cycles between the layers of all contexts (slices such as "ledger.domain").
  @ArchTest
  static final ArchRule layersOfAllContextsAreFreeOfCycles =
      slices().matching("club.bloom.(*).(*)..").namingSlices("$1.$2").should().beFreeOfCycles();

  // 5b. No cycles between whole contexts (STYLE.md 7): ingestion is downstream of everything it
  // orchestrates, and upstream contexts react through events or ports they own (ADR 0039).
  @ArchTest
  static final ArchRule contextsAreFreeOfCycles =
      slices().matching("club.bloom.(*)..").namingSlices("$1").should().beFreeOfCycles();

  // 5c. A member's tier is changed by the tiers context only (ADR 0039): a purchase, a refund, a
  // merge, staff and invitations all go through tiers' services. (Merging itself keeps the higher
  // of two tiers inside Member.absorb, a rule of the member's own.)
  @ArchTest
  static final ArchRule onlyTiersChangeAMembersTier =
      noClasses()
          .that()
          .resideOutsideOfPackages("club.bloom.tiers..", "club.bloom.membership.domain..")
          .should()
          .callMethod(Member.class, "promote", String.class)
          .orShould()
          .callMethod(Member.class, "assignManually", String.class, Instant.class)
          .orShould()
          .callMethod(Member.class, "grantInvitation", String.class, Optional.class)
          .orShould()
          .callMethod(Member.class, "revokeInvitation", String.class, Optional.class)
          .orShould()
          .callMethod(Member.class, "belowTier", Optional.class)
          .because("tier state is owned by the tiers context (ADR 0039)");

  // 5d. One recording path (ADR 0039): the edges (API, CSV import, terminal) record purchases,
  // refunds and redemptions through PurchaseIntake only; its three workers are its own.
  @ArchTest
  static final ArchRule purchasesAreRecordedThroughTheIntakeOnly =
      noClasses()
          .that()
          .resideOutsideOfPackage("club.bloom.ingestion.application..")
          .should()
          .dependOnClassesThat()
          .haveFullyQualifiedName("club.bloom.ingestion.application.RefundRecording")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("club.bloom.ingestion.application.RedemptionRecording")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("club.bloom.ingestion.application.PurchaseRecording")
          .because("API, CSV import and terminal call the same application service");

  // 6. Resources are thin, live in api and say so in their name.
  @ArchTest
  static final ArchRule resourcesAreNamedResource =
      classes()
          .that()
          .resideInAPackage("club.bloom..api..")
          .and()
          .areAnnotatedWith(Path.class)
          .should()
          .haveSimpleNameEndingWith("Resource")
          .because("STYLE.md 3");

  @ArchTest
  static final ArchRule resourcesLiveInTheApiLayer =
      classes()
          .that()
          .areAnnotatedWith(Path.class)
          .should()
          .resideInAPackage("club.bloom.*.api")
          .because("STYLE.md 3");

  // 7. Personal data is opened for others in one place, under the club's PD-access policy.
  @ArchTest
  static final ArchRule personalDataIsDisclosedOnlyUnderThePolicy =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("club.bloom.membership.application.PersonalDataDisclosure")
          .and()
          .doNotHaveFullyQualifiedName("club.bloom.cabinet.application.MemberCabinet")
          .and()
          // Processing, not disclosure: earning rules see only the days to the birthday.
          .doNotHaveFullyQualifiedName("club.bloom.ingestion.application.PurchaseRecording")
          .and()
          // The member's own address, to mail her own one-time code.
          .doNotHaveFullyQualifiedName("club.bloom.membership.application.RedemptionConfirmation")
          .and()
          .resideOutsideOfPackage("club.bloom.membership.infrastructure..")
          .should()
          .callMethod(
              club.bloom.membership.domain.PersonalDataVault.class,
              "open",
              club.bloom.tenancy.domain.SchemaName.class,
              java.util.UUID.class,
              byte[].class)
          .because(
              "PersonalDataDisclosure applies the PD-access policy on every read by staff and"
                  + " partners; the cabinet shows the member her own data");

  /**
   * No class may depend on another context's {@code infrastructure}; the only exception is an
   * {@code infrastructure} class using one of the given ports of another context.
   */
  static ArchRule noForeignInfrastructure(Set<String> ports) {
    return classes()
        .that()
        .resideInAPackage("club.bloom..")
        .should(notDependOnAnotherContextsInfrastructure(ports))
        .because(
            "STYLE.md 7: contexts talk through application or domain interfaces; only the"
                + " tenancy kernel's schema routing is shared between infrastructures");
  }

  private static final Pattern CONTEXT_AND_LAYER =
      Pattern.compile("^club\\.bloom\\.([^.]+)(?:\\.([^.]+))?(?:\\..*)?$");

  private static ArchCondition<JavaClass> notDependOnAnotherContextsInfrastructure(
      Set<String> ports) {
    return new ArchCondition<>(
        "not depend on another context's infrastructure, except infrastructure on " + ports) {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String originContext = context(origin);
        boolean originIsInfrastructure = isInfrastructure(origin);
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass().getBaseComponentType();
          if (!isInfrastructure(target) || context(target).equals(originContext)) {
            continue;
          }
          boolean allowed = originIsInfrastructure && ports.contains(target.getName());
          if (!allowed) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  /** The context a class belongs to, or "" for classes directly in {@code club.bloom}. */
  private static String context(JavaClass c) {
    Matcher m = CONTEXT_AND_LAYER.matcher(c.getPackageName());
    return m.matches() ? m.group(1) : "";
  }

  private static boolean isInfrastructure(JavaClass c) {
    Matcher m = CONTEXT_AND_LAYER.matcher(c.getPackageName());
    return m.matches() && "infrastructure".equals(m.group(2));
  }

  /**
   * The client generated from the OpenAPI contract ({@code club.bloom.client}) is test tooling on
   * the test class path, not part of the application.
   */
  public static final class DoNotIncludeGeneratedClient implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/club/bloom/client/");
    }
  }
}
