package club.bloom.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.bloom.catalogue.domain.Category;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Container wiring of schema routing inside Liberty, with its JTA, its connection pool and
 * EclipseLink (ADR 0036): each transaction sees only its tenant's schema, a connection returned to
 * the pool carries no tenant into the next transaction, and a transaction never holds two club
 * schemas.
 */
@ExtendWith(ArquillianExtension.class)
class TenantEntityManagersIT {
  private static final SchemaName A = new SchemaName("club_arquillian_a");
  private static final SchemaName B = new SchemaName("club_arquillian_b");

  @Deployment
  static WebArchive routing() {
    return ShrinkWrap.create(WebArchive.class, "bloom-routing-test.war")
        .addClasses(TenantEntityManagers.class, TenantPath.class, SchemaName.class, Category.class)
        .addAsResource("arquillian/routing-persistence.xml", "META-INF/persistence.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject TenantEntityManagers schemas;
  @Inject UserTransaction transaction;

  @jakarta.annotation.Resource(lookup = "jdbc/bloom")
  javax.sql.DataSource pool;

  @BeforeEach
  void twoClubSchemasWithOneCategoryEach() throws Exception {
    for (SchemaName s : new SchemaName[] {A, B}) {
      transaction.begin();
      var em = schemas.of(s);
      em.createNativeQuery("CREATE SCHEMA IF NOT EXISTS " + s).executeUpdate();
      em.createNativeQuery(
              "CREATE TABLE IF NOT EXISTS "
                  + s
                  + ".category (code varchar(32) PRIMARY KEY, name varchar(80) NOT NULL,"
                  + " position int NOT NULL)")
          .executeUpdate();
      em.createNativeQuery("DELETE FROM " + s + ".category").executeUpdate();
      transaction.commit();
      transaction.begin();
      schemas.of(s).persist(new Category("florist", "Flowers of " + s, 0));
      transaction.commit();
    }
  }

  @Test
  void eachTransactionReadsAndWritesOnlyItsTenantsSchema() throws Exception {
    for (int i = 0; i < 40; i++) {
      SchemaName s = i % 2 == 0 ? A : B;
      transaction.begin();
      try {
        assertEquals("Flowers of " + s, schemas.of(s).find(Category.class, "florist").name());
        assertEquals(
            1L,
            schemas
                .of(s)
                .createQuery("select count(c) from Category c", Long.class)
                .getSingleResult());
      } finally {
        transaction.rollback();
      }
    }
  }

  /**
   * Every connection of the shared pool, held at once (the pool's maximum, 20 on the test stack),
   * has the database's default search path: provisioning and schema upgrades (Liquibase sets the
   * session's path to the schema it migrates) give their connections back without a tenant. The
   * stack provisioned the demo club and partners before this test runs.
   */
  @Test
  void noConnectionOfThePoolHoldsATenantsSchemaOnItsSessionPath() throws Exception {
    java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        java.sql.Connection c = pool.getConnection();
        held.add(c);
        try (var st = c.createStatement();
            var rs = st.executeQuery("SELECT current_setting('search_path')")) {
          rs.next();
          String path = rs.getString(1);
          assertFalse(
              path.contains("club_") || path.contains("partner_"),
              "connection " + i + " of the pool holds a tenant: " + path);
        }
      }
    } finally {
      for (java.sql.Connection c : held) {
        c.close();
      }
    }
  }

  @Test
  void aConnectionBackInThePoolCarriesNoTenantIntoTheNextTransaction() throws Exception {
    // More transactions than the pool has connections, alternating tenants, committed and rolled
    // back: each starts with the database's default path, whatever the connection served before.
    for (int i = 0; i < 60; i++) {
      SchemaName s = i % 2 == 0 ? A : B;
      transaction.begin();
      String before = schemas.currentPath();
      assertFalse(before.contains("club_"), "a transaction starts without a tenant: " + before);
      schemas.of(s).find(Category.class, "florist");
      assertEquals(s.value(), schemas.currentPath());
      if (i % 3 == 0) {
        transaction.rollback();
      } else {
        transaction.commit();
      }
    }
  }

  @Test
  void aTransactionNeverHoldsTwoClubSchemas() throws Exception {
    transaction.begin();
    try {
      schemas.of(A).find(Category.class, "florist");
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> schemas.of(B));
      assertTrue(refused.getMessage().contains(A.value()), refused.getMessage());
      assertEquals(A.value(), schemas.currentPath(), "the path is unchanged");
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void aWriteFlushedAtCommitLandsInTheSchemaItWasMadeFor() throws Exception {
    transaction.begin();
    schemas.of(A).persist(new Category("spa", "Spa of A", 1));
    transaction.commit();
    transaction.begin();
    try {
      assertEquals("Spa of A", schemas.of(A).find(Category.class, "spa").name());
    } finally {
      transaction.rollback();
    }
    transaction.begin();
    try {
      assertEquals(null, schemas.of(B).find(Category.class, "spa"), "B never saw A's row");
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void tenantDataIsNeverTouchedOutsideATransaction() {
    assertThrows(IllegalStateException.class, () -> schemas.of(A));
  }
}
