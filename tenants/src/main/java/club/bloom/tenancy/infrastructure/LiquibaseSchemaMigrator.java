package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.SchemaMigrator;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the changelogs of the {@code bloom-liquibase} module to one schema. Must run outside a
 * JTA transaction (Liberty would roll Liquibase's work back); Liquibase's own lock table in each
 * schema serialises concurrent runs on the same schema.
 */
@ApplicationScoped
public class LiquibaseSchemaMigrator implements SchemaMigrator {
  static final String PLATFORM = "platform";

  @Resource(lookup = "jdbc/bloom")
  DataSource dataSource;

  @Override
  public void migratePlatform() {
    run(PLATFORM, "db/platform/changelog.xml");
  }

  @Override
  public void migrate(TenantKind kind, SchemaName schema) {
    String changelog =
        switch (kind) {
          case CLUB -> "db/club/changelog.xml";
          case PARTNER -> "db/partner/changelog.xml";
        };
    run(schema.value(), changelog);
  }

  // The schema name is either the constant above or a validated SchemaName: safe in DDL.
  private void run(String schema, String changelog) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      try {
        connection.setAutoCommit(true);
        try (Statement ddl = connection.createStatement()) {
          ddl.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        connection.setAutoCommit(false);
        Database database =
            DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDefaultSchemaName(schema);
        database.setLiquibaseSchemaName(schema);
        Scope.child(
            Map.of(
                Scope.Attr.resourceAccessor.name(),
                new ClassLoaderResourceAccessor(getClass().getClassLoader())),
            () ->
                new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog)
                    .execute());
        connection.commit();
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not migrate schema " + schema, e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "could not migrate schema " + schema + ": " + e.getMessage(), e);
    }
  }
}
