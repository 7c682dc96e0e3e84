package club.bloom.tenancy.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.RenameTableChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.Test;

/**
 * A transaction may hold a club schema and a partner schema on its search path at once (ADR 0036):
 * that is safe only while no table name exists in both. This reads both changelogs as Liquibase
 * does and fails when a table (or view) name appears in both.
 */
class TenantTablesAreDisjointTest {
  private static final Pattern CREATE_IN_SQL =
      Pattern.compile(
          "CREATE\\s+(?:UNLOGGED\\s+)?(?:TABLE|VIEW|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);

  static Set<String> tablesOf(String changelog) throws Exception {
    ClassLoaderResourceAccessor accessor =
        new ClassLoaderResourceAccessor(TenantTablesAreDisjointTest.class.getClassLoader());
    return Scope.child(
        Map.of(Scope.Attr.resourceAccessor.name(), accessor),
        () -> {
          DatabaseChangeLog log =
              ChangeLogParserFactory.getInstance()
                  .getParser(changelog, accessor)
                  .parse(changelog, new ChangeLogParameters(), accessor);
          Set<String> tables = new TreeSet<>();
          for (ChangeSet changeSet : log.getChangeSets()) {
            for (Change change : changeSet.getChanges()) {
              if (change instanceof CreateTableChange create) {
                tables.add(create.getTableName().toLowerCase());
              } else if (change instanceof RenameTableChange rename) {
                tables.add(rename.getNewTableName().toLowerCase());
              } else if (change instanceof RawSQLChange sql) {
                Matcher m = CREATE_IN_SQL.matcher(sql.getSql());
                while (m.find()) {
                  tables.add(m.group(1).toLowerCase());
                }
              }
            }
          }
          return tables;
        });
  }

  @Test
  void noTableNameIsBothAClubTableAndAPartnerTable() throws Exception {
    Set<String> club = tablesOf("db/club/changelog.xml");
    Set<String> partner = tablesOf("db/partner/changelog.xml");
    assertTrue(
        club.contains("purchase") && partner.contains("receipt"), "the changelogs were read");
    Set<String> both = new TreeSet<>(club);
    both.retainAll(partner);
    assertEquals(Set.of(), both, "tables in both a club's and a partner's schema");
  }
}
