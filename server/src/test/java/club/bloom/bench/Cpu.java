package club.bloom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time (Linux {@code /proc}) of the local stack's Liberty, of every PostgreSQL process, of this
 * JVM (the load generator) and of the whole machine, so that a benchmark can say where the cores
 * went.
 */
record Cpu(long liberty, long postgres, long self, long machineBusy, long nanos) {
  private static final double TICKS = 100.0; // USER_HZ on Linux

  static Cpu now() {
    long liberty = 0;
    long postgres = 0;
    long self = ticks(Path.of("/proc/self/stat"));
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmd = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
          if (cmd.contains("ws-server.jar") || cmd.contains("wlp/lib/")) {
            liberty += ticks(proc.resolve("stat"));
          } else if (cmd.startsWith("postgres") || cmd.contains("/bin/postgres")) {
            postgres += ticks(proc.resolve("stat"));
          }
        } catch (IOException e) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    long busy = 0;
    try {
      String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      for (int i = 1; i < cpu.length; i++) {
        if (i != 4 && i != 5) { // all but idle and iowait
          busy += Long.parseLong(cpu[i]);
        }
      }
    } catch (IOException | RuntimeException e) {
      busy = 0;
    }
    return new Cpu(liberty, postgres, self, busy, System.nanoTime());
  }

  private static long ticks(Path stat) {
    try {
      String s = Files.readString(stat);
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** Cores used between {@code before} and this sample, over {@code seconds}. */
  String minus(Cpu before, double seconds) {
    return String.format(
        Locale.ROOT,
        "%.2f / %.2f / %.2f / %.2f",
        (liberty - before.liberty) / TICKS / seconds,
        (postgres - before.postgres) / TICKS / seconds,
        (self - before.self) / TICKS / seconds,
        (machineBusy - before.machineBusy) / TICKS / seconds);
  }
}
