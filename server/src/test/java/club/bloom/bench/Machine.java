package club.bloom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What the machine is and how busy. */
final class Machine {
  private Machine() {}

  static String describe() {
    String cpu = "?";
    String memory = "?";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .findFirst()
              .orElse("?");
      memory =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(l -> l.startsWith("MemTotal"))
              .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GB RAM")
              .findFirst()
              .orElse("?");
    } catch (IOException e) {
      // not Linux: say less
    }
    return "machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + "), "
        + memory
        + ", load average "
        + loadAverage();
  }

  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** The resident memory of this checkout's Keycloak (started from server/target/keycloak). */
  static String keycloakRssMb() {
    String dist = Path.of("target", "keycloak").toAbsolutePath().toString();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmd = new String(Files.readAllBytes(proc.resolve("cmdline"))).replace('\0', ' ');
          if (cmd.contains(dist) && cmd.contains("java")) {
            for (String l : Files.readAllLines(proc.resolve("status"))) {
              if (l.startsWith("VmRSS:")) {
                return String.valueOf(Long.parseLong(l.replaceAll("\\D", "")) / 1024);
              }
            }
          }
        } catch (IOException | RuntimeException e) {
          // the process ended, or is not ours to read
        }
      }
    } catch (IOException e) {
      return "?";
    }
    return "?";
  }
}
