package club.bloom.tenancy.infrastructure;

import club.bloom.tenancy.domain.SchemaMigrator;
import club.bloom.tenancy.domain.SchemaName;
import club.bloom.tenancy.domain.TenantKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.parser.ChangeLogParserFactory;
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
    run(schema.value(), changelogOf(kind));
  }

  private static String changelogOf(TenantKind kind) {
    return switch (kind) {
      case CLUB -> "db/club/changelog.xml";
      case PARTNER -> "db/partner/changelog.xml";
    };
  }

  private final Map<TenantKind, Set<String>> expected = new ConcurrentHashMap<>();

  @Override
  public Set<String> expectedChangesets(TenantKind kind) {
    return expected.computeIfAbsent(kind, k -> parse(changelogOf(k)));
  }

  /** The changesets of a changelog and its includes, as {@code id::author}. */
  private Set<String> parse(String changelog) {
    try {
      ClassLoaderResourceAccessor accessor =
          new ClassLoaderResourceAccessor(getClass().getClassLoader());
      return Scope.child(
          Map.of(Scope.Attr.resourceAccessor.name(), accessor),
          () -> {
            DatabaseChangeLog log =
                ChangeLogParserFactory.getInstance()
                    .getParser(changelog, accessor)
                    .parse(changelog, new ChangeLogParameters(), accessor);
            Set<String> ids = new TreeSet<>();
            for (ChangeSet changeSet : log.getChangeSets()) {
              ids.add(changeSet.getId() + "::" + changeSet.getAuthor());
            }
            return Set.copyOf(ids);
          });
    } catch (Exception e) {
      throw new IllegalStateException("could not read changelog " + changelog, e);
    }
  }

  @Override
  public Set<String> appliedChangesets(SchemaName schema) {
    Set<String> ids = new TreeSet<>();
    try (Connection connection = dataSource.getConnection();
        Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT id, author FROM " + schema.value() + ".databasechangelog")) {
      while (rs.next()) {
        ids.add(rs.getString(1) + "::" + rs.getString(2));
      }
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return Set.of(); // no history table: never migrated
      }
      throw new IllegalStateException("could not read the history of schema " + schema, e);
    }
    return ids;
  }

  @Override
  public String revision(TenantKind kind) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String id : new TreeSet<>(expectedChangesets(kind))) {
        sha.update((id + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
        // Liquibase sets the session's search path to the schema it migrates; the connection goes
        // back to the pool every transaction shares, so the path is reset to the database's
        // default before it does (ADR 0036: a transaction starts without any tenant's schema).
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        connection.setAutoCommit(true);
        try (Statement reset = connection.createStatement()) {
          reset.execute("RESET search_path");
        }
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
