package club.bloom.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the local Bloom stack — embedded PostgreSQL, Keycloak and Open Liberty — for the
 * integration tests and for people trying Bloom out. Run from the server module's directory with
 * the test classpath (see the exec-maven-plugin executions in {@code server/pom.xml}).
 *
 * <pre>
 * DevStack supervise [--demo] [--test-dropins] [--no-liberty] --ports=HTTP,KC,KCMGMT,PG,SMTP,IMAP
 *     starts everything, writes target/devstack/ready and blocks; stops everything on SIGTERM
 * DevStack run [--demo] --ports=...    the same in the foreground, for a human (Ctrl+C stops)
 * DevStack start [same flags]          launches a detached supervisor and waits until it is ready
 * DevStack stop                        stops the supervisor and any leftover process of this module
 * </pre>
 *
 * <p>State lives in {@code target/devstack/}: the logs of every component, the PostgreSQL data
 * (kept across runs), {@code supervisor.pid} and {@code ready} (the banner, written when all is
 * up). Keycloak keeps its own data in its distribution's {@code data/} (dev-file database).
 */
public final class DevStack {
  static final String KEYCLOAK_VERSION = "26.7.3";
  static final String DB_NAME = "bloom";
  static final String DB_USER = "bloom";
  static final String DB_PASSWORD = "bloom";
  static final String KEYCLOAK_ADMIN_USER = "admin";
  static final String KEYCLOAK_ADMIN_PASSWORD = "admin";
  static final String PROVISIONER_CLIENT_ID = "bloom-provisioner";
  static final String DEFAULT_PROVISIONER_SECRET = "bloom-provisioner-dev-secret";
  static final String OPS_CLIENT_SECRET = "bloom-ops-dev-secret";
  static final String PLATFORM_REALM = "bloom-platform";

  private static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofSeconds(240);
  private static final Duration LIBERTY_READY_TIMEOUT = Duration.ofSeconds(300);
  private static final Duration STACK_READY_TIMEOUT = Duration.ofSeconds(600);
  private static final Duration LIBERTY_STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration KEYCLOAK_STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SUPERVISOR_STOP_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);
  private static final int LOG_TAIL_LINES = 40;
  private static final File DEV_NULL = new File("/dev/null");
  private static final String DEMO_DATA_CLASS = "club.bloom.devstack.DemoData";
  private static final String TEST_CONNECTOR_DROPIN =
      "<server><featureManager><feature>localConnector-1.0</feature></featureManager></server>\n";
  private static final String STOP_HINT =
      "another Bloom stack may be running: stop it with `DevStack stop`"
          + " (kill $(cat server/target/devstack/supervisor.pid))";
  private static final long T0 = System.nanoTime();

  private final Path moduleDir;
  private final Path stackDir;
  private final Path readyFile;
  private static final String SUPERVISOR_MARKER = "-Dbloom.devstack.supervisor=true";

  private final Path pidFile;
  private final Path supervisorLog;
  private final Path postgresLog;
  private final Path keycloakLog;
  private final Path libertyLog;
  private final Path pgData;
  private final Path keycloakRoot;
  private final Path keycloakHome;
  private final Path wlpDir;
  private final Path libertyServerDir;
  private final String ownerMarker;
  private final List<FileChannel> portReservations = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  // Supervisor state; guarded by this for starting and stopping.
  private EmbeddedPostgres postgres;
  private boolean postgresLaunched;
  private Process keycloak;
  private Process liberty;
  private GreenMail mail;
  // The SMTP service now listening: GreenMail's own, or one the test control started again.
  private volatile AbstractServer smtp;
  private volatile boolean restartingLiberty;
  // Liberty killed by the test control's liberty-down and not started again yet.
  private boolean libertyHeldDown;
  private volatile boolean stopping;
  private boolean stopped;

  private DevStack(Path moduleDir) {
    this.moduleDir = moduleDir;
    Path target = moduleDir.resolve("target");
    this.stackDir = target.resolve("devstack");
    this.readyFile = stackDir.resolve("ready");
    this.pidFile = stackDir.resolve("supervisor.pid");
    this.supervisorLog = stackDir.resolve("supervisor.log");
    this.postgresLog = stackDir.resolve("postgres.log");
    this.keycloakLog = stackDir.resolve("keycloak.log");
    this.libertyLog = stackDir.resolve("liberty.log");
    this.pgData = stackDir.resolve("pgdata");
    this.keycloakRoot = target.resolve("keycloak");
    this.keycloakHome = keycloakRoot.resolve("keycloak-" + KEYCLOAK_VERSION);
    this.wlpDir = target.resolve("liberty").resolve("wlp");
    this.libertyServerDir = wlpDir.resolve("usr").resolve("servers").resolve("bloom");
    // Put on the command lines of the JVMs we start, to recognise them as ours later.
    this.ownerMarker = "-Dbloom.devstack=" + moduleDir;
  }

  public static void main(String[] args) {
    if (args.length == 0) {
      usage("no command given");
    }
    DevStack stack = new DevStack(Path.of("").toAbsolutePath().normalize());
    List<String> flags = List.of(args).subList(1, args.length);
    int exit;
    try {
      exit =
          switch (args[0]) {
            case "supervise" -> stack.supervise(Options.parse(flags), false);
            case "run" -> stack.supervise(Options.parse(flags), true);
            case "start" -> {
              Options.parse(flags); // validates them before they reach the supervisor
              yield stack.start(flags);
            }
            case "stop" -> stack.stop();
            default -> {
              usage("unknown command " + args[0]);
              yield 2;
            }
          };
    } catch (IOException e) {
      log("FAILED: " + e);
      exit = 1;
    }
    System.exit(exit);
  }

  private static void usage(String problem) {
    System.out.println("[devstack] " + problem);
    System.out.println(
        "usage: DevStack supervise|run|start [--demo] [--test-dropins] [--no-liberty]"
            + " --ports=HTTP,KEYCLOAK,KEYCLOAK_MANAGEMENT,POSTGRES,SMTP,IMAP\n"
            + "       DevStack stop");
    System.exit(2);
  }

  /** Command-line flags of supervise, run and start. */
  private record Options(
      boolean demo,
      boolean testDropins,
      boolean noLiberty,
      int httpPort,
      int keycloakPort,
      int keycloakManagementPort,
      int postgresPort,
      int smtpPort,
      int imapPort) {

    static Options parse(List<String> flags) {
      boolean demo = false;
      boolean testDropins = false;
      boolean noLiberty = false;
      int[] ports = null;
      for (String flag : flags) {
        if (flag.equals("--demo")) {
          demo = true;
        } else if (flag.equals("--test-dropins")) {
          testDropins = true;
        } else if (flag.equals("--no-liberty")) {
          noLiberty = true;
        } else if (flag.startsWith("--ports=")) {
          try {
            ports =
                Arrays.stream(flag.substring("--ports=".length()).split(","))
                    .map(String::trim)
                    .mapToInt(Integer::parseInt)
                    .toArray();
          } catch (NumberFormatException e) {
            usage("bad --ports: " + flag);
          }
        } else {
          usage("unknown flag " + flag);
        }
      }
      if (ports == null || ports.length != 6) {
        usage(
            "--ports=HTTP,KEYCLOAK,KEYCLOAK_MANAGEMENT,POSTGRES,SMTP,IMAP is required (six ports)");
      }
      return new Options(
          demo, testDropins, noLiberty, ports[0], ports[1], ports[2], ports[3], ports[4], ports[5]);
    }

    String keycloakUrl() {
      return "http://localhost:" + keycloakPort;
    }

    String bloomUrl() {
      return "http://localhost:" + httpPort;
    }
  }

  /** A start step that failed; {@code log} is the component log worth showing, if any. */
  private static final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Path log;

    StartFailure(String message, Path log) {
      super(message);
      this.log = log;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // supervise / run

  private int supervise(Options options, boolean interactive) throws IOException {
    Files.createDirectories(stackDir);
    log("Bloom local stack in " + moduleDir);
    try {
      reservePorts(options);
      checkPortsFree(options);
      checkNoPostmasterOnData();
    } catch (StartFailure failure) {
      report(failure);
      return 1;
    }
    Files.deleteIfExists(readyFile);
    Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopAll();
                  if (interactive) {
                    // Ctrl+C is how a person stops `./mvnw -Prun package`: not a failure.
                    Runtime.getRuntime().halt(0);
                  }
                },
                "devstack-shutdown"));

    List<String> banner;
    String provisionerSecret;
    try {
      startPostgres(options.postgresPort());
      startMail(options);
      provisionerSecret = startKeycloak(options);
      if (options.noLiberty()) {
        log("Liberty not started (--no-liberty)");
      } else {
        startLiberty(options, provisionerSecret);
      }
      List<String> demoLines = List.of();
      if (options.demo() && options.noLiberty()) {
        log("demo data not loaded: it needs Liberty (--no-liberty given)");
      } else if (options.demo()) {
        demoLines = loadDemoData(options);
      }
      banner = banner(options, demoLines);
      Path tmp = stackDir.resolve("ready.tmp");
      Files.write(tmp, banner);
      Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE);
    } catch (StartFailure failure) {
      if (stopping) {
        log("start interrupted: the stack is being stopped");
        return 1;
      }
      report(failure);
      stopAll();
      return 1;
    }

    log("stack ready");
    if (options.testDropins()) {
      startTestControl(options, provisionerSecret);
    }
    System.out.println();
    banner.forEach(System.out::println);
    if (interactive) {
      System.out.println();
      System.out.println("Press Ctrl+C to stop.");
    }
    System.out.println();
    System.out.flush();
    return watch();
  }

  /** Blocks until a component dies unexpectedly; then stops the rest and returns 1. */
  private int watch() {
    while (true) {
      sleep(2000);
      if (stopping) {
        blockForever(); // the shutdown hook is stopping everything and ends the JVM
      }
      try {
        checkComponentsAlive();
      } catch (StartFailure failure) {
        if (stopping) {
          blockForever();
        }
        report(failure);
        stopAll();
        return 1;
      }
    }
  }

  /** Fails if a component started so far has died. */
  private void checkComponentsAlive() throws StartFailure {
    if (postgres != null && postmasterOnData().isEmpty()) {
      throw new StartFailure("PostgreSQL stopped unexpectedly; stopping the stack", postgresLog);
    }
    for (Process process : new Process[] {keycloak, liberty}) {
      if (process != null && !process.isAlive() && !(process == liberty && restartingLiberty)) {
        boolean isKeycloak = process == keycloak;
        throw new StartFailure(
            (isKeycloak ? "Keycloak" : "Liberty")
                + " exited unexpectedly (exit code "
                + process.exitValue()
                + "); stopping the stack",
            isKeycloak ? keycloakLog : libertyLog);
      }
    }
  }

  private static void blockForever() {
    while (true) {
      try {
        Thread.currentThread().join();
      } catch (InterruptedException e) {
        // keep blocking: only the JVM's exit ends a supervisor
      }
    }
  }

  /**
   * Locks a file per port in the temp directory for the supervisor's lifetime, so that two stacks
   * (e.g. of two checkouts) started at the same moment cannot both pass the free-port check.
   */
  private void reservePorts(Options options) throws StartFailure {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    for (int port : namedPorts(options).values()) {
      Path lockFile = tmp.resolve("bloom-devstack-port-" + port + ".lock");
      try {
        FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
          channel.close();
          throw new StartFailure(
              "port "
                  + port
                  + " is reserved by the supervisor of another Bloom stack; "
                  + STOP_HINT,
              null);
        }
        portReservations.add(channel);
      } catch (IOException e) {
        log("cannot lock " + lockFile + " (" + e + "); relying on the free-port check alone");
      }
    }
  }

  private static Map<String, Integer> namedPorts(Options options) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    if (!options.noLiberty()) {
      ports.put("Liberty HTTP", options.httpPort());
    }
    ports.put("Keycloak HTTP", options.keycloakPort());
    ports.put("Keycloak management", options.keycloakManagementPort());
    ports.put("PostgreSQL", options.postgresPort());
    ports.put("SMTP", options.smtpPort());
    ports.put("IMAP", options.imapPort());
    return ports;
  }

  private void checkPortsFree(Options options) throws StartFailure {
    Map<String, Integer> ports = namedPorts(options);
    if (new HashSet<>(ports.values()).size() != ports.size()) {
      throw new StartFailure("the ports must differ: " + ports, null);
    }
    for (Map.Entry<String, Integer> port : ports.entrySet()) {
      if (!portFree(port.getValue())) {
        throw new StartFailure(
            "port "
                + port.getValue()
                + " ("
                + port.getKey()
                + ") is already in use; "
                + STOP_HINT
                + ", or choose other ports",
            null);
      }
    }
  }

  private static boolean portFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
    } catch (IOException e) {
      return false;
    }
    // A listener on ::1 only does not stop the bind above, but would steal "localhost" clients.
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getByName("::1"), port), 300);
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** A PostgreSQL still running on our data directory belongs to another (or a killed) stack. */
  private void checkNoPostmasterOnData() throws StartFailure {
    Optional<ProcessHandle> postmaster = postmasterOnData();
    if (postmaster.isPresent()) {
      throw new StartFailure(
          "a PostgreSQL server (pid "
              + postmaster.get().pid()
              + ") is still running on "
              + pgData
              + "; "
              + STOP_HINT,
          null);
    }
  }

  private Optional<ProcessHandle> postmasterOnData() {
    Path pidPath = pgData.resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidPath)) {
        return Optional.empty();
      }
      String first = Files.readAllLines(pidPath).stream().findFirst().orElse("").trim();
      return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * A real SMTP server for Bloom's outgoing mail and IMAP to read it (tests, developers), in this
   * JVM: GreenMail, every recipient gets a mailbox, any password logs in. Mail lives in memory.
   */
  private void startMail(Options options) throws StartFailure {
    long t = System.nanoTime();
    try {
      mail =
          new GreenMail(
                  new ServerSetup[] {
                    new ServerSetup(options.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(options.imapPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                  })
              .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
      mail.start();
      smtp = mail.getSmtp();
    } catch (RuntimeException e) {
      throw new StartFailure("the mail server (GreenMail) did not start: " + e, null);
    }
    log(
        "mail server (GreenMail) on SMTP "
            + options.smtpPort()
            + ", IMAP "
            + options.imapPort()
            + " in "
            + seconds(t));
  }

  private void startPostgres(int port) throws StartFailure {
    long t = System.nanoTime();
    log("starting PostgreSQL on port " + port + " (data " + pgData + ", log " + postgresLog + ")");
    try {
      Files.createDirectories(pgData);
      Redirect pgOutput = Redirect.appendTo(postgresLog.toFile());
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false) // we stop it ourselves, after Liberty
              .setServerConfig("max_connections", "100")
              .setPGStartupWait(Duration.ofSeconds(60))
              .setOutputRedirector(pgOutput)
              .setErrorRedirector(pgOutput);
      synchronized (this) {
        if (stopping) {
          throw new StartFailure("stopping", null);
        }
        postgresLaunched = true;
        postgres = builder.start();
      }
    } catch (IOException | RuntimeException e) {
      throw new StartFailure("PostgreSQL did not start: " + e, postgresLog);
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      // The embedded server only waits until the port answers: make sure it is our server.
      try (ResultSet rs = statement.executeQuery("SHOW data_directory")) {
        String dataDirectory = rs.next() ? rs.getString(1) : "?";
        if (!sameFile(Path.of(dataDirectory), pgData)) {
          throw new StartFailure(
              "port "
                  + port
                  + " is served by another PostgreSQL (data directory "
                  + dataDirectory
                  + "); "
                  + STOP_HINT,
              postgresLog);
        }
      }
      boolean roleExists;
      try (ResultSet rs =
          statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + DB_USER + "'")) {
        roleExists = rs.next();
      }
      statement.execute(
          (roleExists ? "ALTER" : "CREATE")
              + " ROLE "
              + DB_USER
              + " LOGIN PASSWORD '"
              + DB_PASSWORD
              + "'");
      boolean dbExists;
      try (ResultSet rs =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DB_NAME + "'")) {
        dbExists = rs.next();
      }
      if (!dbExists) {
        statement.execute("CREATE DATABASE " + DB_NAME + " OWNER " + DB_USER);
      }
      log(
          "PostgreSQL ready in "
              + seconds(t)
              + ": jdbc:postgresql://localhost:"
              + port
              + "/"
              + DB_NAME
              + " ("
              + DB_USER
              + "/"
              + DB_PASSWORD
              + (dbExists ? ", existing database" : ", new database")
              + ")");
    } catch (SQLException e) {
      throw new StartFailure(
          "could not create role and database " + DB_NAME + " in PostgreSQL: " + e, postgresLog);
    }
  }

  /** Starts Keycloak, waits for it, ensures the provisioner client; returns its secret. */
  private String startKeycloak(Options options) throws StartFailure {
    long t = System.nanoTime();
    Path kcSh = keycloakHome.resolve("bin").resolve("kc.sh");
    if (!Files.isRegularFile(kcSh)) {
      throw new StartFailure(
          "Keycloak distribution not found at "
              + keycloakHome
              + "; build the server module first (./mvnw -pl server package unpacks it)",
          null);
    }
    makeExecutable(keycloakHome.resolve("bin"));
    ProcessBuilder builder =
        new ProcessBuilder(
                kcSh.toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + options.keycloakPort(),
                "--http-management-port=" + options.keycloakManagementPort(),
                "--health-enabled=true",
                "--hostname=" + options.keycloakUrl(),
                "--db=dev-file")
            .directory(keycloakHome.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.to(keycloakLog.toFile()))
            .redirectInput(Redirect.from(DEV_NULL));
    Map<String, String> env = builder.environment();
    // The developer's own Keycloak settings must not leak into the stack.
    env.keySet()
        .removeIf(
            name ->
                name.startsWith("KC_")
                    || name.startsWith("KEYCLOAK_")
                    || name.equals("JAVA_OPTS")
                    || name.equals("JAVA_OPTS_APPEND")
                    || name.equals("JAVA_OPTS_KC_HEAP")
                    || name.equals("JAVA"));
    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN_USER);
    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD);
    env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m"); // honoured by kc.sh when JAVA_OPTS is unset
    env.put("JAVA_OPTS_APPEND", ownerMarker);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    String managementUrl = "http://127.0.0.1:" + options.keycloakManagementPort() + "/health/ready";
    log("starting Keycloak " + KEYCLOAK_VERSION + " (log " + keycloakLog + ")");
    keycloak = launch(builder, "Keycloak", keycloakLog);
    awaitHttpOk("Keycloak", managementUrl, keycloak, KEYCLOAK_READY_TIMEOUT, keycloakLog);
    log("Keycloak ready in " + seconds(t) + " at " + options.keycloakUrl());

    String secret = System.getenv("BLOOM_KEYCLOAK_ADMIN_CLIENT_SECRET");
    if (secret == null || secret.isBlank()) {
      secret = DEFAULT_PROVISIONER_SECRET;
    }
    try {
      KeycloakTestAdmin admin =
          new KeycloakTestAdmin(
              options.keycloakUrl(), KEYCLOAK_ADMIN_USER, KEYCLOAK_ADMIN_PASSWORD);
      admin.ensureServiceAccountClient("master", PROVISIONER_CLIENT_ID, secret, "create-realm");
      admin.useLightweightTokens("master", "admin-cli");
      admin.clientCredentials("master", PROVISIONER_CLIENT_ID, secret);
    } catch (RuntimeException e) {
      throw new StartFailure(
          "could not set up the Keycloak client " + PROVISIONER_CLIENT_ID + ": " + e.getMessage(),
          keycloakLog);
    }
    log(
        "Keycloak client "
            + PROVISIONER_CLIENT_ID
            + " (master realm, role create-realm) ready; client-credentials token obtained");
    return secret;
  }

  private void startLiberty(Options options, String provisionerSecret) throws StartFailure {
    long t = System.nanoTime();
    Path serverScript = wlpDir.resolve("bin").resolve("server");
    if (!Files.isRegularFile(serverScript) || !Files.isDirectory(libertyServerDir)) {
      throw new StartFailure(
          "Liberty server 'bloom' not found at "
              + libertyServerDir
              + "; build the server module first (./mvnw -pl server package creates it)",
          null);
    }
    makeExecutable(wlpDir.resolve("bin"));
    Path dropin =
        libertyServerDir
            .resolve("configDropins")
            .resolve("overrides")
            .resolve("test-connector.xml");
    try {
      if (options.testDropins()) {
        Files.createDirectories(dropin.getParent());
        Files.writeString(dropin, TEST_CONNECTOR_DROPIN);
      } else {
        Files.deleteIfExists(dropin);
      }
    } catch (IOException e) {
      throw new StartFailure("could not write or delete " + dropin + ": " + e, null);
    }
    ProcessBuilder builder =
        new ProcessBuilder(serverScript.toString(), "run", "bloom")
            .directory(moduleDir.toFile())
            .redirectErrorStream(true)
            // A Liberty restarted by the test control adds to the log of the one it replaced.
            .redirectOutput(
                restartingLiberty
                    ? Redirect.appendTo(libertyLog.toFile())
                    : Redirect.to(libertyLog.toFile()))
            .redirectInput(Redirect.from(DEV_NULL));
    Map<String, String> env = builder.environment();
    env.remove("WLP_OUTPUT_DIR");
    env.remove("WLP_USER_DIR");
    env.put("BLOOM_DB_HOST", "localhost");
    env.put("BLOOM_SMTP_HOST", "localhost");
    env.put("BLOOM_SMTP_PORT", Integer.toString(options.smtpPort()));
    if (options.testDropins()) {
      // Every test signs up from this machine's address: the per-address limit is tested in
      // SelfSignUpTest; the suite must not hit it.
      env.put("BLOOM_SIGNUP_PER_CLIENT_PER_HOUR", "100000");
      // The outbox's tests stop SMTP for a while: retries every second or two, not minutes apart,
      // and a lease of 30 s rather than 2 min (ADR 0032).
      env.put("BLOOM_OUTBOX_RETRY_FIRST_SECONDS", "1");
      env.put("BLOOM_OUTBOX_RETRY_MAX_SECONDS", "2");
      env.put("BLOOM_OUTBOX_LEASE_SECONDS", "30");
      // The webhooks' tests run their receivers on this machine (ADR 0042), and make one hang.
      env.put("BLOOM_WEBHOOKS_ALLOW_LOOPBACK", "true");
      env.put("BLOOM_WEBHOOKS_TIMEOUT_SECONDS", "3");
      // The nightly runs' tests move a club's night to a few seconds from now (its time zone) and
      // make a run fail: the scheduler looks every 2 s at the latest (it also wakes at every slot
      // it
      // knows of), and retries a failed night after 3 s, then 6 s (ADR 0037).
      env.put("BLOOM_NIGHTLY_CHECK_INTERVAL_SECONDS", "2");
      env.put("BLOOM_NIGHTLY_RETRY_FIRST_SECONDS", "3");
      env.put("BLOOM_NIGHTLY_RETRY_MAX_SECONDS", "6");
    }
    env.put("BLOOM_DB_PORT", Integer.toString(options.postgresPort()));
    env.put("BLOOM_DB_NAME", DB_NAME);
    env.put("BLOOM_DB_USER", DB_USER);
    env.put("BLOOM_DB_PASSWORD", DB_PASSWORD);
    env.put("BLOOM_KEYCLOAK_URL", options.keycloakUrl());
    env.put("BLOOM_KEYCLOAK_ADMIN_CLIENT_SECRET", provisionerSecret);
    env.put("BLOOM_KEYCLOAK_OPS_CLIENT_SECRET", OPS_CLIENT_SECRET);
    env.put("BLOOM_PORTAL_URL", options.bloomUrl());
    env.put("BLOOM_API_KEYS_ACCEPT_SUPPLIED_TEST_SECRETS", "true");
    env.put("DEFAULT_HTTP_PORT", Integer.toString(options.httpPort()));
    env.put("JVM_ARGS", (env.getOrDefault("JVM_ARGS", "") + " " + ownerMarker).trim());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    String healthUrl = options.bloomUrl() + "/health/ready";
    log(
        "starting Open Liberty server bloom"
            + (options.testDropins() ? " with the test connector dropin" : "")
            + " (log "
            + libertyLog
            + ")");
    liberty = launch(builder, "Liberty", libertyLog);
    awaitHttpOk("Liberty", healthUrl, liberty, LIBERTY_READY_TIMEOUT, libertyLog);
    log("Liberty ready in " + seconds(t) + " at " + options.bloomUrl());
  }

  private synchronized Process launch(ProcessBuilder builder, String name, Path logFile)
      throws StartFailure {
    if (stopping) {
      throw new StartFailure("stopping", null);
    }
    try {
      return builder.start();
    } catch (IOException e) {
      throw new StartFailure("could not start " + name + ": " + e, logFile);
    }
  }

  private void awaitHttpOk(String name, String url, Process process, Duration timeout, Path logFile)
      throws StartFailure {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long nextProgress = start + PROGRESS_INTERVAL.toNanos();
    int lastStatus = -1;
    while (true) {
      if (stopping) {
        throw new StartFailure("stopping", null);
      }
      boolean alive = process.isAlive();
      lastStatus = httpStatus(url);
      if (alive && lastStatus == 200) {
        return;
      }
      if (!alive) {
        throw new StartFailure(
            name + " exited (exit code " + process.exitValue() + ") before it was ready", logFile);
      }
      checkComponentsAlive(); // e.g. Keycloak dying while Liberty starts
      long now = System.nanoTime();
      if (now - deadline > 0) {
        throw new StartFailure(
            name
                + " was not ready within "
                + timeout.toSeconds()
                + " s ("
                + url
                + (lastStatus > 0 ? " answered " + lastStatus : " did not answer")
                + ")",
            logFile);
      }
      if (now - nextProgress > 0) {
        log(
            "waiting for "
                + name
                + " ("
                + seconds(start)
                + ", "
                + (lastStatus > 0 ? "health answers " + lastStatus : "not listening yet")
                + ")");
        nextProgress = now + PROGRESS_INTERVAL.toNanos();
      }
      sleep(1000);
    }
  }

  private int httpStatus(String url) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private List<String> loadDemoData(Options options) throws StartFailure {
    Class<?> demoData;
    try {
      demoData = Class.forName(DEMO_DATA_CLASS);
    } catch (ClassNotFoundException e) {
      log("--demo: " + DEMO_DATA_CLASS + " is not on the classpath; no demo data loaded");
      return List.of();
    }
    long t = System.nanoTime();
    log("loading the demo data");
    StackEndpoints endpoints =
        StackEndpoints.local(options.httpPort(), options.keycloakPort(), options.postgresPort());
    try {
      Method load = demoData.getMethod("load", StackEndpoints.class);
      Object target =
          Modifier.isStatic(load.getModifiers())
              ? null
              : demoData.getDeclaredConstructor().newInstance();
      Object result = load.invoke(target, endpoints);
      log("demo data loaded in " + seconds(t));
      if (result instanceof Collection<?> lines) {
        return lines.stream().map(String::valueOf).toList();
      }
      return List.of();
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace(System.out);
      throw new StartFailure("loading the demo data failed: " + e.getCause(), libertyLog);
    } catch (ReflectiveOperationException e) {
      throw new StartFailure(
          "cannot call " + DEMO_DATA_CLASS + ".load(StackEndpoints): " + e, null);
    }
  }

  private List<String> banner(Options options, List<String> demoLines) {
    String bloom = options.bloomUrl();
    List<String> lines = new ArrayList<>();
    lines.add("Bloom local stack (logs in " + stackDir + ")");
    if (options.noLiberty()) {
      lines.add("  Bloom          not started (--no-liberty)");
    } else {
      lines.add("  portal         " + bloom + "/");
      lines.add("  API            " + bloom + "/api/v1");
      lines.add("  contract       " + bloom + "/openapi");
      lines.add("  health         " + bloom + "/health/ready");
    }
    lines.add(
        "  Keycloak admin "
            + options.keycloakUrl()
            + "/admin ("
            + KEYCLOAK_ADMIN_USER
            + "/"
            + KEYCLOAK_ADMIN_PASSWORD
            + ")");
    lines.add(
        "  PostgreSQL     jdbc:postgresql://localhost:"
            + options.postgresPort()
            + "/"
            + DB_NAME
            + " ("
            + DB_USER
            + "/"
            + DB_PASSWORD
            + ")");
    lines.add(
        "  mail (GreenMail) SMTP localhost:"
            + options.smtpPort()
            + ", IMAP localhost:"
            + options.imapPort()
            + " (log in as the recipient's address, any password)");
    if (!demoLines.isEmpty()) {
      lines.add("");
      lines.addAll(demoLines);
    }
    return lines;
  }

  /** Stops what was started, in reverse order; idempotent; runs as the JVM's shutdown hook. */
  private void stopAll() {
    synchronized (this) {
      stopping = true;
      if (stopped) {
        return;
      }
      stopped = true;
    }
    log("stopping the stack");
    if (liberty != null) {
      stopTree("Liberty", liberty.toHandle(), LIBERTY_STOP_TIMEOUT);
    }
    if (keycloak != null) {
      stopTree("Keycloak", keycloak.toHandle(), KEYCLOAK_STOP_TIMEOUT);
    }
    stopPostgres();
    AbstractServer restartedSmtp = smtp;
    if (mail != null && restartedSmtp != null && restartedSmtp != mail.getSmtp()) {
      restartedSmtp.stopService();
    }
    if (mail != null) {
      mail.stop();
      log("mail server stopped");
    }
    try {
      Files.deleteIfExists(readyFile);
      String pid = Files.isRegularFile(pidFile) ? Files.readString(pidFile).trim() : "";
      if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
        Files.delete(pidFile);
      }
    } catch (IOException e) {
      log("could not delete " + readyFile + " or " + pidFile + ": " + e);
    }
    log("stack stopped");
  }

  private void stopPostgres() {
    if (postgres != null) {
      long t = System.nanoTime();
      try {
        postgres.close();
        log("PostgreSQL stopped in " + seconds(t));
      } catch (IOException | RuntimeException e) {
        log("PostgreSQL did not stop cleanly: " + e);
      }
    }
    if (postgresLaunched) {
      // A start that failed half-way, or a stop that timed out, leaves the postmaster running.
      postmasterOnData().ifPresent(postmaster -> stopPostmaster(postmaster, pgData));
    }
  }

  /**
   * Stops a postmaster with {@code pg_ctl stop -m fast}: SIGTERM would be a "smart" shutdown that
   * waits for every client to disconnect.
   */
  private static void stopPostmaster(ProcessHandle postmaster, Path dataDirectory) {
    long t = System.nanoTime();
    Optional<Path> pgCtl =
        postmaster
            .info()
            .command()
            .map(command -> Path.of(command).resolveSibling("pg_ctl"))
            .filter(Files::isExecutable);
    if (pgCtl.isPresent()) {
      try {
        Process process =
            new ProcessBuilder(
                    pgCtl.get().toString(),
                    "-D",
                    dataDirectory.toString(),
                    "stop",
                    "-m",
                    "fast",
                    "-w",
                    "-t",
                    "30")
                .redirectErrorStream(true)
                .redirectOutput(Redirect.DISCARD)
                .redirectInput(Redirect.from(DEV_NULL))
                .start();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (IOException e) {
        log("pg_ctl stop failed: " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (postmaster.isAlive()) {
      stopTree("PostgreSQL (pid " + postmaster.pid() + ")", postmaster, Duration.ofSeconds(30));
    } else {
      log("PostgreSQL (pid " + postmaster.pid() + ") stopped in " + seconds(t));
    }
  }

  /** SIGTERM to the process and its descendants, then SIGKILL to whatever outlives the timeout. */
  private static void stopTree(String name, ProcessHandle root, Duration timeout) {
    long t = System.nanoTime();
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    tree.add(0, root);
    if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
      return;
    }
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle process : tree) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        process.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    boolean forced = false;
    for (ProcessHandle process : tree) {
      if (process.isAlive()) {
        process.destroyForcibly();
        forced = true;
      }
    }
    if (forced) {
      for (ProcessHandle process : tree) {
        try {
          process.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
          log("pid " + process.pid() + " survived SIGKILL for 10 s");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    log(
        name
            + " stopped in "
            + seconds(t)
            + (forced ? " (killed after " + timeout.toSeconds() + " s)" : ""));
  }

  private static void report(StartFailure failure) {
    log("FAILED: " + failure.getMessage());
    if (failure.log != null) {
      List<String> tail = tail(failure.log, LOG_TAIL_LINES);
      if (!tail.isEmpty()) {
        System.out.println("---- last " + tail.size() + " lines of " + failure.log + " ----");
        tail.forEach(System.out::println);
        System.out.println("---- end of " + failure.log + " ----");
      }
    }
    System.out.flush();
  }

  // ---------------------------------------------------------------------------------------------
  // test control (--test-dropins only)

  /**
   * Lets integration tests cause the faults the outbox must survive (ADR 0032), through files in
   * {@code target/devstack/control/}: while {@code smtp-down} exists the SMTP server is stopped
   * (connections refused; IMAP and the mailboxes stay); {@code kill-liberty} makes the supervisor
   * kill Liberty with SIGKILL and start it again, and is deleted once Liberty is ready; while
   * {@code liberty-down} exists Liberty is killed (SIGKILL) and kept down — downtime, during which
   * a test may change the database — and it is started again when the file is deleted.
   */
  private void startTestControl(Options options, String provisionerSecret) {
    Path control = stackDir.resolve("control");
    try {
      Files.createDirectories(control);
      Files.deleteIfExists(control.resolve("smtp-down"));
      Files.deleteIfExists(control.resolve("kill-liberty"));
      Files.deleteIfExists(control.resolve("liberty-down"));
    } catch (IOException e) {
      log("test control not started: " + e);
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              while (!stopping) {
                try {
                  controlOnce(options, provisionerSecret, control);
                } catch (RuntimeException | IOException e) {
                  log("test control: " + e);
                }
                sleep(200);
              }
            },
            "devstack-test-control");
    thread.setDaemon(true);
    thread.start();
    log("test control on " + control + " (smtp-down, kill-liberty, liberty-down)");
  }

  private void controlOnce(Options options, String provisionerSecret, Path control)
      throws IOException {
    boolean wantDown = Files.exists(control.resolve("smtp-down"));
    AbstractServer current = smtp;
    if (wantDown && current != null) {
      current.stopService();
      smtp = null;
      log("test control: SMTP stopped");
    } else if (!wantDown && current == null) {
      SmtpServer restarted =
          new SmtpServer(
              new ServerSetup(options.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
              mail.getManagers());
      restarted.startService();
      try {
        restarted.waitTillRunning(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      smtp = restarted;
      log("test control: SMTP started again");
    }
    boolean wantLibertyDown = Files.exists(control.resolve("liberty-down"));
    if (wantLibertyDown && !libertyHeldDown) {
      restartingLiberty = true;
      libertyHeldDown = true;
      Process old = liberty;
      log("test control: killing Liberty (pid " + old.pid() + ") with SIGKILL; kept down");
      old.destroyForcibly();
      try {
        old.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (!wantLibertyDown && libertyHeldDown) {
      try {
        log("test control: starting Liberty again after its downtime");
        startLiberty(options, provisionerSecret);
      } catch (StartFailure failure) {
        report(failure);
      } finally {
        libertyHeldDown = false;
        restartingLiberty = false;
      }
    }
    Path kill = control.resolve("kill-liberty");
    if (Files.exists(kill) && !libertyHeldDown) {
      restartingLiberty = true;
      try {
        Process old = liberty;
        log("test control: killing Liberty (pid " + old.pid() + ") with SIGKILL");
        old.destroyForcibly();
        try {
          old.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        startLiberty(options, provisionerSecret);
      } catch (StartFailure failure) {
        report(failure);
      } finally {
        restartingLiberty = false;
        Files.deleteIfExists(kill);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // start / stop

  private int start(List<String> flags) throws IOException {
    Files.createDirectories(stackDir);
    Optional<ProcessHandle> running = liveSupervisor();
    if (running.isPresent()) {
      if (Files.exists(readyFile)) {
        log("stack already running (supervisor pid " + running.get().pid() + ")");
        printReadyBanner();
        return 0;
      }
      log("a supervisor (pid " + running.get().pid() + ") is starting the stack; waiting for it");
      return awaitReady(running.get());
    }
    Files.deleteIfExists(readyFile);
    Files.deleteIfExists(pidFile);
    stopLeftovers(leftovers(false), "left over by a stack that was killed");

    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx256m");
    // Before the (long) class path: /proc/<pid>/cmdline as Java reads it may be cut short.
    command.add(SUPERVISOR_MARKER);
    command.add("-classpath");
    command.add(System.getProperty("java.class.path"));
    command.add(DevStack.class.getName());
    command.add("supervise");
    command.addAll(flags);
    // Never inherit our stdout/stderr: they are Maven's pipes, which must close when we exit.
    Process supervisor =
        new ProcessBuilder(command)
            .directory(moduleDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.to(supervisorLog.toFile()))
            .redirectInput(Redirect.from(DEV_NULL))
            .start();
    log("supervisor started (pid " + supervisor.pid() + ", log " + supervisorLog + ")");
    return awaitReady(supervisor.toHandle());
  }

  private int awaitReady(ProcessHandle supervisor) throws IOException {
    long start = System.nanoTime();
    long deadline = start + STACK_READY_TIMEOUT.toNanos();
    long nextProgress = start + PROGRESS_INTERVAL.toNanos();
    while (true) {
      if (Files.exists(readyFile) && supervisor.isAlive()) {
        log("stack ready after " + seconds(start));
        printReadyBanner();
        return 0;
      }
      if (!supervisor.isAlive()) {
        log("FAILED: the supervisor exited before the stack was ready");
        printTail(supervisorLog, 80);
        return 1;
      }
      long now = System.nanoTime();
      if (now - deadline > 0) {
        log("FAILED: the stack was not ready within " + STACK_READY_TIMEOUT.toSeconds() + " s");
        printTail(supervisorLog, 80);
        stopTree("supervisor", supervisor, SUPERVISOR_STOP_TIMEOUT);
        stopLeftovers(leftovers(false), "left over");
        return 1;
      }
      if (now - nextProgress > 0) {
        String last =
            tail(supervisorLog, 1).stream().findFirst().orElse("").replace("[devstack] ", "");
        log("still starting (" + seconds(start) + "); supervisor: " + last.trim());
        nextProgress = now + PROGRESS_INTERVAL.toNanos();
      }
      sleep(500);
    }
  }

  private void printReadyBanner() throws IOException {
    System.out.println();
    Files.readAllLines(readyFile).forEach(System.out::println);
    System.out.println();
    System.out.flush();
  }

  private int stop() throws IOException {
    boolean anything = false;
    Optional<ProcessHandle> supervisor = liveSupervisor();
    if (supervisor.isPresent()) {
      anything = true;
      long t = System.nanoTime();
      ProcessHandle handle = supervisor.get();
      log("stopping the supervisor (pid " + handle.pid() + ")");
      handle.destroy();
      try {
        handle.onExit().get(SUPERVISOR_STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        log("supervisor stopped in " + seconds(t));
      } catch (TimeoutException | ExecutionException e) {
        log(
            "the supervisor did not stop within "
                + SUPERVISOR_STOP_TIMEOUT.toSeconds()
                + " s;"
                + " killing it");
        stopTree("supervisor", handle, Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<ProcessHandle> leftovers = leftovers(true);
    if (!leftovers.isEmpty()) {
      anything = true;
      stopLeftovers(leftovers, "left over");
    }
    Files.deleteIfExists(readyFile);
    Files.deleteIfExists(pidFile);
    log(anything ? "stack stopped" : "no Bloom stack was running");
    return 0;
  }

  /** The supervisor named by the pid file, if it is alive (and not a reused pid). */
  private Optional<ProcessHandle> liveSupervisor() {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              p ->
                  p.info()
                      .commandLine()
                      .map(
                          cmd ->
                              cmd.contains(SUPERVISOR_MARKER)
                                  || cmd.contains(DevStack.class.getName()))
                      .orElse(false)); // a zombie or another user's process
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Processes started from this module's Keycloak distribution, PostgreSQL data directory or
   * Liberty installation. Liberty servers we did not start (no owner marker, e.g. liberty:dev) are
   * included only if {@code anyLiberty}.
   */
  private List<ProcessHandle> leftovers(boolean anyLiberty) {
    Set<String> keycloakOrPostgres = new LinkedHashSet<>();
    Set<String> libertyPaths = new LinkedHashSet<>();
    for (Path path : List.of(keycloakRoot, pgData)) {
      keycloakOrPostgres.addAll(spellings(path));
    }
    libertyPaths.addAll(spellings(wlpDir));
    Set<Long> excluded = new HashSet<>();
    Optional<ProcessHandle> self = Optional.of(ProcessHandle.current());
    while (self.isPresent()) {
      excluded.add(self.get().pid());
      self = self.get().parent();
    }
    return ProcessHandle.allProcesses()
        .filter(p -> !excluded.contains(p.pid()))
        .filter(
            p -> {
              String cmd = p.info().commandLine().orElse("");
              if (keycloakOrPostgres.stream().anyMatch(cmd::contains)) {
                return true;
              }
              return libertyPaths.stream().anyMatch(cmd::contains)
                  && (anyLiberty || cmd.contains(ownerMarker));
            })
        .toList();
  }

  /** The absolute and the real spelling of a directory, with a trailing separator. */
  private static Set<String> spellings(Path dir) {
    Set<String> spellings = new LinkedHashSet<>();
    spellings.add(dir.toAbsolutePath().normalize() + File.separator);
    try {
      spellings.add(dir.toRealPath() + File.separator);
    } catch (IOException e) {
      // does not exist (yet): nothing can run from it under another name
    }
    // The postmaster's command line names the data directory without a trailing separator.
    if (dir.endsWith("pgdata")) {
      Set<String> bare = new LinkedHashSet<>();
      spellings.forEach(s -> bare.add(s.substring(0, s.length() - 1) + " "));
      spellings.addAll(bare);
    }
    return spellings;
  }

  private void stopLeftovers(List<ProcessHandle> leftovers, String why) {
    List<ProcessHandle> postmasters = new ArrayList<>();
    List<ProcessHandle> others = new ArrayList<>();
    for (ProcessHandle process : leftovers) {
      boolean postmaster =
          process.info().command().map(c -> c.endsWith("/bin/postgres")).orElse(false);
      (postmaster ? postmasters : others).add(process);
    }
    stopProcesses(others, why);
    for (ProcessHandle postmaster : postmasters) {
      log("stopping PostgreSQL pid " + postmaster.pid() + " (" + why + ") on " + pgData);
      stopPostmaster(postmaster, pgData);
    }
  }

  private static void stopProcesses(List<ProcessHandle> processes, String why) {
    for (ProcessHandle process : processes) {
      String cmd = process.info().commandLine().orElse("?");
      log(
          "stopping pid "
              + process.pid()
              + " ("
              + why
              + "): "
              + (cmd.length() > 160 ? cmd.substring(0, 160) + "…" : cmd));
    }
    processes.forEach(ProcessHandle::destroy);
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(30, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** Unzipping may drop the executable bits of the scripts. */
  private static void makeExecutable(Path binDir) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(binDir)) {
      for (Path file : files) {
        if (Files.isRegularFile(file) && !Files.isExecutable(file)) {
          String name = file.getFileName().toString();
          if (name.endsWith(".sh") || !name.contains(".")) {
            file.toFile().setExecutable(true, false);
          }
        }
      }
    } catch (IOException e) {
      log("could not make the scripts in " + binDir + " executable: " + e);
    }
  }

  private static void printTail(Path file, int lines) {
    List<String> tail = tail(file, lines);
    System.out.println("---- last " + tail.size() + " lines of " + file + " ----");
    tail.forEach(System.out::println);
    System.out.println("---- end of " + file + " ----");
    System.out.flush();
  }

  private static List<String> tail(Path file, int lines) {
    try {
      if (!Files.isRegularFile(file)) {
        return List.of();
      }
      List<String> all =
          Arrays.stream(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\\R"))
              .filter(line -> !line.isBlank())
              .toList();
      return all.subList(Math.max(0, all.size() - lines), all.size());
    } catch (IOException e) {
      return List.of("(cannot read " + file + ": " + e + ")");
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException e) {
      return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String seconds(long sinceNanos) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
  }

  private static void log(String message) {
    System.out.printf(
        Locale.ROOT, "[devstack] %6.1fs %s%n", (System.nanoTime() - T0) / 1e9, message);
    System.out.flush();
  }
}
