package club.bloom.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.catalogue.domain.Category;
import club.bloom.tenancy.domain.Savepoints;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Savepoints in Liberty's JTA transactions with EclipseLink and PostgreSQL (ADR 0040), as a batch
 * of purchase lines uses them: lines share one transaction, a line refused in the middle — after
 * its rows were flushed, or while they were still only in the persistence context — is undone
 * alone, the others commit together; a refusal leaves the transaction usable only when it passed no
 * interceptor that rolls back on it; the tenant's search path set inside a rolled-back line is set
 * again.
 */
@ExtendWith(ArquillianExtension.class)
class SavepointsIT {
  private static final SchemaName A = new SchemaName("club_arquillian_sp");

  @Deployment
  static WebArchive savepoints() {
    return ShrinkWrap.create(WebArchive.class, "bloom-savepoints-test.war")
        .addClasses(
            TenantEntityManagers.class,
            TenantPath.class,
            SchemaName.class,
            Category.class,
            Savepoints.class,
            JtaSavepoints.class,
            Lines.class,
            Refused.class)
        .addAsResource("arquillian/routing-persistence.xml", "META-INF/persistence.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  /** A rule's refusal (stands for {@code BloomException}). */
  public static class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /**
   * Stands for the recording worker inside a chunk: {@code MANDATORY}, and a refusal does not doom
   * the caller's transaction (as {@code recordWithin} and {@code IdempotentExecution.once}).
   */
  @ApplicationScoped
  public static class Lines {
    @Inject TenantEntityManagers schemas;

    /** Writes a category; refuses after the write was flushed, or before, as asked. */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = Refused.class)
    public void record(SchemaName schema, String code, String refuse) {
      var em = schemas.of(schema);
      em.persist(new Category(code, "Category " + code, 0));
      if ("after-flush".equals(refuse)) {
        em.flush();
        throw new Refused(code + " refused after its row was written");
      }
      if ("before-flush".equals(refuse)) {
        throw new Refused(code + " refused with its row still pending");
      }
    }

    /** The same, through an interceptor that rolls back on every runtime exception. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordStrictly(SchemaName schema, String code) {
      schemas.of(schema).persist(new Category(code, "Category " + code, 0));
      throw new Refused(code + " refused");
    }
  }

  @Inject TenantEntityManagers schemas;
  @Inject Savepoints savepoints;
  @Inject Lines lines;
  @Inject UserTransaction transaction;

  @BeforeEach
  void anEmptyCategoryTable() throws Exception {
    transaction.begin();
    var em = schemas.of(A);
    em.createNativeQuery("CREATE SCHEMA IF NOT EXISTS " + A).executeUpdate();
    em.createNativeQuery(
            "CREATE TABLE IF NOT EXISTS "
                + A
                + ".category (code varchar(32) PRIMARY KEY, name varchar(80) NOT NULL,"
                + " position int NOT NULL)")
        .executeUpdate();
    em.createNativeQuery("DELETE FROM " + A + ".category").executeUpdate();
    transaction.commit();
  }

  private List<String> stored() throws Exception {
    transaction.begin();
    try {
      return schemas
          .of(A)
          .createQuery("select c.code from Category c order by c.code", String.class)
          .getResultList();
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void aBatchWithBadLinesInTheMiddleCommitsTheOthersTogether() throws Exception {
    String[][] batch = {
      {"l1", ""}, {"l2", ""}, {"l3", "after-flush"}, {"l4", "before-flush"}, {"l5", ""}
    };
    transaction.begin();
    int refused = 0;
    for (String[] line : batch) {
      savepoints.mark("intake_line");
      try {
        lines.record(A, line[0], line[1]);
        savepoints.release("intake_line");
      } catch (Refused r) {
        assertFalse(savepoints.doomed(), "a refusal leaves the chunk usable");
        savepoints.rollbackTo("intake_line");
        refused++;
      }
    }
    transaction.commit();

    assertEquals(2, refused);
    assertEquals(List.of("l1", "l2", "l5"), stored());
  }

  @Test
  void theSearchPathSetInsideARolledBackLineIsSetAgain() throws Exception {
    transaction.begin();
    try {
      savepoints.mark("intake_line");
      // The first line puts the tenant on the path, inside its savepoint, and is refused.
      assertThrows(Refused.class, () -> lines.record(A, "p1", "after-flush"));
      savepoints.rollbackTo("intake_line");

      assertEquals(A.value(), schemas.currentPath(), "the path survived the rollback");
      savepoints.mark("intake_line");
      lines.record(A, "p2", "");
      savepoints.release("intake_line");
      assertNotNull(schemas.of(A).find(Category.class, "p2"));
      assertNull(schemas.of(A).find(Category.class, "p1"));
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void aRefusalSeenByAnInterceptorThatRollsBackDoomsTheChunk() throws Exception {
    transaction.begin();
    try {
      savepoints.mark("intake_line");
      lines.record(A, "d1", "");
      savepoints.release("intake_line");
      savepoints.mark("intake_line");
      assertThrows(Refused.class, () -> lines.recordStrictly(A, "d2"));

      assertTrue(savepoints.doomed(), "the chunk must be recorded again line by line");
    } finally {
      transaction.rollback();
    }
    assertEquals(List.of(), stored(), "nothing of a doomed chunk stays");
  }

  @Test
  void savepointsExistInsideATransactionOnly() {
    assertThrows(IllegalStateException.class, () -> savepoints.mark("intake_line"));
  }
}
