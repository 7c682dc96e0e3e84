package club.bloom.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import club.bloom.catalogue.domain.Category;
import club.bloom.tenancy.domain.SchemaName;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Container wiring of schema routing, inside Liberty with its JTA and EclipseLink: one transaction
 * writes the same key into two club schemas through {@link TenantEntityManagers}, and each schema
 * then holds only its own row.
 */
@ExtendWith(ArquillianExtension.class)
class TenantEntityManagersIT {
  private static final SchemaName A = new SchemaName("club_arquillian_a");
  private static final SchemaName B = new SchemaName("club_arquillian_b");

  @Deployment
  static WebArchive routing() {
    return ShrinkWrap.create(WebArchive.class, "bloom-routing-test.war")
        .addClasses(TenantEntityManagers.class, SchemaName.class, Category.class)
        .addAsResource("arquillian/routing-persistence.xml", "META-INF/persistence.xml")
        .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject TenantEntityManagers schemas;
  @Inject UserTransaction transaction;

  @Test
  void oneTransactionWritesEachSchemaOnlyThroughItsOwnEntityManager() throws Exception {
    transaction.begin();
    for (SchemaName s : new SchemaName[] {A, B}) {
      schemas.of(s).createNativeQuery("CREATE SCHEMA IF NOT EXISTS " + s).executeUpdate();
      schemas
          .of(s)
          .createNativeQuery(
              "CREATE TABLE IF NOT EXISTS "
                  + s
                  + ".category (code varchar(32) PRIMARY KEY, name varchar(80) NOT NULL,"
                  + " position int NOT NULL)")
          .executeUpdate();
      schemas.of(s).createNativeQuery("DELETE FROM " + s + ".category").executeUpdate();
    }
    transaction.commit();

    transaction.begin();
    schemas.of(A).persist(new Category("florist", "Flowers of A", 0));
    schemas.of(B).persist(new Category("florist", "Flowers of B", 0));
    transaction.commit();

    transaction.begin();
    try {
      assertEquals("Flowers of A", schemas.of(A).find(Category.class, "florist").name());
      assertEquals("Flowers of B", schemas.of(B).find(Category.class, "florist").name());
      assertEquals(
          1L,
          schemas
              .of(A)
              .createQuery("select count(c) from Category c", Long.class)
              .getSingleResult());
    } finally {
      transaction.rollback();
    }
  }

  @Test
  void tenantDataIsNeverTouchedOutsideATransaction() {
    assertThrows(IllegalStateException.class, () -> schemas.of(A));
  }
}
