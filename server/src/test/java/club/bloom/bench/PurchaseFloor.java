package club.bloom.bench;

import club.bloom.devstack.StackEndpoints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The physical floor of recording a purchase: {@code pgbench} replaying, as one transaction, the
 * row writes and reads one purchase makes (the script {@code bench/purchase-floor.sql}, kept in
 * step with the recording path), against the real tables of a club and a partner provisioned
 * through the API on the same database. What Bloom adds on top of it is Bloom's cost.
 */
final class PurchaseFloor {
  private static final Pattern TPS =
      Pattern.compile("tps = ([0-9.]+) \\((?:without initial connection time|excluding)");

  private final StackEndpoints stack;
  private final List<String> report;
  private final String club;
  private final String partner;
  private final String partnerId;
  private final int members;

  record Result(double tps, int clients) {}

  PurchaseFloor(
      StackEndpoints stack,
      List<String> report,
      String clubSchema,
      String partnerSchema,
      String partnerId,
      int members) {
    this.stack = stack;
    this.report = report;
    this.club = clubSchema;
    this.partner = partnerSchema;
    this.partnerId = partnerId;
    this.members = members;
  }

  Result run(int clients, int seconds) throws Exception {
    Optional<Path> pgbench = pgbench();
    if (pgbench.isEmpty()) {
      line(
          "floor: pgbench not found (Debian: apt-get install postgresql-15; it is looked for in"
              + " /usr/lib/postgresql/*/bin and on the PATH)");
      return new Result(Double.NaN, clients);
    }
    try (Connection db =
            DriverManager.getConnection(
                stack.postgresJdbcUrl(), stack.dbUser(), stack.dbPassword());
        Statement st = db.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + club + ".bench_member_ix");
      st.execute(
          "CREATE TABLE "
              + club
              + ".bench_member_ix AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM "
              + club
              + ".member");
      st.execute("CREATE UNIQUE INDEX ON " + club + ".bench_member_ix (n)");
    }
    String script =
        new String(
                PurchaseFloor.class.getResourceAsStream("/bench/purchase-floor.sql").readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("{club}", club)
            .replace("{partner}", partner);
    Path file = Files.createTempFile("purchase-floor", ".sql");
    Files.writeString(file, script);
    java.net.URI database =
        java.net.URI.create(stack.postgresJdbcUrl().substring("jdbc:".length()));
    List<String> command = new ArrayList<>();
    command.add(pgbench.get().toString());
    command.addAll(
        List.of(
            "-n",
            "-M",
            "prepared",
            "-c",
            String.valueOf(clients),
            "-j",
            "2",
            "-T",
            String.valueOf(seconds),
            "-D",
            "members=" + members,
            "-D",
            "partner=" + partnerId,
            "-f",
            file.toString(),
            "-h",
            "localhost",
            "-p",
            String.valueOf(database.getPort()),
            "-U",
            stack.dbUser(),
            database.getPath().substring(1)));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", stack.dbPassword());
    Cpu before = Cpu.now();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    Cpu after = Cpu.now();
    Files.deleteIfExists(file);
    Matcher m = TPS.matcher(output);
    if (exit != 0 || !m.find()) {
      line("floor: pgbench failed (exit " + exit + "):\n" + output);
      return new Result(Double.NaN, clients);
    }
    double tps = Double.parseDouble(m.group(1));
    line(
        String.format(
            Locale.ROOT,
            "floor (pgbench %s, %d clients, %d s, the row writes of one purchase per transaction):"
                + " %.0f transactions/s; CPU cores: PostgreSQL %s",
            pgbench.get(),
            clients,
            seconds,
            tps,
            after.minus(before, seconds).split(" / ")[1]));
    return new Result(tps, clients);
  }

  private static Optional<Path> pgbench() throws IOException {
    Path versions = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> dirs = Files.list(versions)) {
        Optional<Path> found =
            dirs.map(d -> d.resolve("bin/pgbench"))
                .filter(Files::isExecutable)
                .max(java.util.Comparator.naturalOrder());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path p = Path.of(dir, "pgbench");
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private void line(String text) {
    System.out.println(text);
    report.add(text);
  }
}
