import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for a running Disclosure Desk (loopback only), JDK only, run as a source file:
 *
 * <pre>java bench/LoadGenerator.java --base=http://127.0.0.1:8080 --clients=6 --seconds=15 --rounds=3 --out=f.md</pre>
 *
 * Measures, in the same JVM and database, interleaved round by round so that noise hits all of them alike:
 * <ul>
 *   <li>{@code bare}: the bare engine through its own REST API — start a trivial one-user-task process instance and
 *       complete its task (deployed once by this tool as admin);</li>
 *   <li>{@code register}: {@code POST /api/requests} (201);</li>
 *   <li>{@code lifecycle}: register → decision (NOT_PROCESSED_PETITION at screening) → GET shows CONCLUDED.</li>
 * </ul>
 * Each round is bounded by time and by count; a fixed thread pool of {@code clients} threads sends the calls.
 * Prints and writes a markdown table of per-round rates and their medians. With {@code --conclude-registered} the
 * requests that {@code register} left open are concluded afterwards (not timed), so that a measurement which follows
 * sees the open requests it was set up with, not those plus this run's. {@code --clerks=a,b,…} registers as these
 * users in turn (on a platform of several agencies, each for their own agency) and {@code --reviewer=r} decides;
 * passwords other than the user's name come as {@code -Dbench.password.<user>=…}.
 */
public class LoadGenerator {

  static final String BARE_BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="bench" targetNamespace="http://bench">
        <bpmn:process id="bench-bare" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="s"/>
          <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
          <bpmn:userTask id="t" camunda:candidateGroups="clerk"/>
          <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
          <bpmn:endEvent id="e"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .executor(Executors.newFixedThreadPool(4)).build();
  final String base;
  final AtomicLong seq = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
  final ConcurrentHashMap<String, AtomicInteger> errors = new ConcurrentHashMap<>();
  /** Requests {@code register} left open, for {@code --conclude-registered}. */
  final ConcurrentLinkedQueue<String> registered = new ConcurrentLinkedQueue<>();
  /** Who registers (in turn: on a platform of several agencies, each registers for their own) and who decides. */
  String[] clerks = {"clerk"};
  String reviewer = "reviewer";
  final AtomicLong turn = new AtomicLong();

  LoadGenerator(String base) {
    if (!base.startsWith("http://127.0.0.1:") && !base.startsWith("http://localhost:")) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = arg(args, "base", "http://127.0.0.1:8080");
    int clients = Integer.parseInt(arg(args, "clients", "6"));
    int seconds = Integer.parseInt(arg(args, "seconds", "15"));
    int maxCount = Integer.parseInt(arg(args, "count", "100000"));
    int rounds = Integer.parseInt(arg(args, "rounds", "3"));
    String modes = arg(args, "modes", "bare,register,bare-lifecycle,lifecycle");
    String label = arg(args, "label", "");
    String out = arg(args, "out", null);
    LoadGenerator g = new LoadGenerator(base);
    g.clerks = arg(args, "clerks", "clerk").split(",");
    g.reviewer = arg(args, "reviewer", "reviewer");
    g.deployBare();
    // warm-up: JIT, pools, caches (not counted)
    int warm = Integer.parseInt(arg(args, "warmup", "8"));
    for (String mode : modes.split(",")) {
      g.run(mode, clients, warm, maxCount);
    }
    g.errors.clear();
    List<String> modeList = List.of(modes.split(","));
    List<List<Double>> rates = new ArrayList<>();
    modeList.forEach(m -> rates.add(new ArrayList<>()));
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < modeList.size(); i++) {
        double rate = g.run(modeList.get(i), clients, seconds, maxCount);
        rates.get(i).add(rate);
        System.out.printf(Locale.ROOT, "round %d %-15s %8.1f /s%n", r + 1, modeList.get(i), rate);
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("| ").append(label.isEmpty() ? "measure" : label).append(" (").append(clients)
        .append(" clients) | rounds (/s) | median /s |\n|---|---|---|\n");
    for (int i = 0; i < modeList.size(); i++) {
      List<Double> rs = rates.get(i);
      md.append("| ").append(describe(modeList.get(i))).append(" | ")
          .append(String.join(", ", rs.stream().map(d -> String.format(Locale.ROOT, "%.1f", d)).toList()))
          .append(" | **").append(String.format(Locale.ROOT, "%.1f", median(rs))).append("** |\n");
    }
    if (!g.errors.isEmpty()) {
      md.append("\nUnexpected answers during the run: ").append(g.errors).append('\n');
    }
    System.out.print(md);
    if (out != null) {
      Files.writeString(Path.of(out), md.toString(), StandardCharsets.UTF_8);
    }
    if (List.of(args).contains("--conclude-registered")) {
      int left = g.registered.size();
      g.errors.clear();
      g.run("conclude", clients, 3600, left);
      System.out.printf(Locale.ROOT, "concluded %d of %d requests left open by register%s%n",
          left - g.registered.size(), left, g.errors.isEmpty() ? "" : " " + g.errors);
    }
    System.exit(0); // the HTTP client's own threads would keep the JVM alive
  }

  static String describe(String mode) {
    return switch (mode) {
      case "bare" -> "bare engine: start trivial process (1 user task) via engine REST";
      case "bare-lifecycle" -> "bare engine: start + query task + complete via engine REST";
      case "register" -> "registration: POST /api/requests";
      case "lifecycle" -> "full lifecycle: register → decision → CONCLUDED";
      default -> mode;
    };
  }

  /** Runs one mode for {@code seconds} or {@code maxCount} operations; returns operations per second. */
  double run(String mode, int clients, int seconds, int maxCount) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        while (System.nanoTime() < end && started.incrementAndGet() <= maxCount) {
          try {
            if (op(mode)) {
              done.incrementAndGet();
            }
          } catch (Exception e) {
            errors.computeIfAbsent(mode + ":" + e.getClass().getSimpleName(), k -> new AtomicInteger())
                .incrementAndGet();
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    return done.get() / elapsed;
  }

  boolean op(String mode) throws Exception {
    return switch (mode) {
      case "bare" -> expect(mode, post("/engine-rest/process-definition/key/bench-bare/start", "{}", "admin"), 200)
          != null;
      case "bare-lifecycle" -> bareLifecycle();
      case "register" -> register();
      case "lifecycle" -> lifecycle();
      case "conclude" -> conclude(registered.poll());
      default -> throw new IllegalArgumentException(mode);
    };
  }

  boolean bareLifecycle() throws Exception {
    String started = expect("bare-lifecycle", post("/engine-rest/process-definition/key/bench-bare/start", "{}",
        "admin"), 200);
    if (started == null) {
      return false;
    }
    String pi = field(started, "id");
    String tasks = expect("bare-lifecycle", get("/engine-rest/task?processInstanceId=" + pi, "admin"), 200);
    String taskId = tasks == null ? null : field(tasks, "id");
    return taskId != null
        && expect("bare-lifecycle", post("/engine-rest/task/" + taskId + "/complete", "{}", "admin"), 204) != null;
  }

  boolean register() throws Exception {
    String reg = expect("register", post("/api/requests", registration(), nextClerk()), 201);
    if (reg == null) {
      return false;
    }
    registered.add(field(reg, "id"));
    return true;
  }

  boolean conclude(String id) throws Exception {
    return id != null && expect("conclude", post("/api/requests/" + id + "/decision",
        "{\"outcome\":\"NOT_PROCESSED_PETITION\",\"decidedOn\":\"" + today + "\"}", reviewer), 200) != null;
  }

  boolean lifecycle() throws Exception {
    String reg = expect("lifecycle", post("/api/requests", registration(), nextClerk()), 201);
    if (reg == null) {
      return false;
    }
    String id = field(reg, "id");
    if (!conclude(id)) {
      return false;
    }
    String file = expect("lifecycle", get("/api/requests/" + id, reviewer), 200);
    return file != null && "CONCLUDED".equals(field(file, "status"));
  }

  String nextClerk() {
    return clerks[(int) (turn.getAndIncrement() % clerks.length)];
  }

  String registration() {
    long n = seq.incrementAndGet();
    return "{\"channel\":\"ONLINE\",\"arrivedOn\":\"" + today + "\",\"applicant\":{\"type\":\"NATURAL_PERSON\","
        + "\"name\":\"压测" + n + "\",\"idNumber\":\"110101199003070" + String.format("%03d", n % 1000)
        + "\",\"phone\":\"1380000" + String.format("%04d", n % 10000) + "\"},"
        + "\"description\":\"请公开2024年度第" + n + "号文件及其附件（负载测试）\",\"topic\":\"其他\"}";
  }

  String expect(String mode, HttpResponse<String> r, int status) {
    if (r.statusCode() != status) {
      errors.computeIfAbsent(mode + ":" + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
      return null;
    }
    return r.body();
  }

  HttpResponse<String> post(String path, String json, String user) throws Exception {
    return http.send(auth(HttpRequest.newBuilder(URI.create(base + path)), user)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(auth(HttpRequest.newBuilder(URI.create(base + path)), user).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static HttpRequest.Builder auth(HttpRequest.Builder b, String user) {
    return b.timeout(Duration.ofSeconds(60)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + System.getProperty("bench.password." + user, user))
        .getBytes(StandardCharsets.UTF_8)));
  }

  void deployBare() throws Exception {
    String boundary = "----bench" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"bench-bare.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + BARE_BPMN + "\r\n--" + boundary + "--\r\n";
    HttpResponse<String> r = http.send(auth(HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create")),
        "admin").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("could not deploy the bare process: " + r.statusCode() + " " + r.body());
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    int n = s.size();
    return n == 0 ? 0 : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static String arg(String[] args, String name, String def) {
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        return a.substring(name.length() + 3);
      }
    }
    return def;
  }
}
