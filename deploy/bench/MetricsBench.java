// SPDX-License-Identifier: AGPL-3.0-or-later
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedWriter;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * The metrics import against PostgreSQL's COPY of the same rows, and the performance pages with a
 * year of daily figures for a thousand videos. Steps, run by metrics.sh:
 * <ul>
 *   <li>{@code seed N DAYS DIR}: N released videos with a YouTube, a Facebook and a TikTok post
 *       each, written straight into the database (taking a thousand videos through upload, review
 *       and approval would measure the transcoder); then the import file in the template's layout
 *       and the same rows, post ids resolved, ready for COPY;</li>
 *   <li>{@code import FILE}: the file through the API, as a lead imports it;</li>
 *   <li>{@code copy FILE}: COPY of the same rows into an empty table shaped like post_metrics;</li>
 *   <li>{@code pages N}: each performance page N times after a warm-up.</li>
 * </ul>
 * Connection settings come from the environment, as deploy/run.sh's do.
 */
public class MetricsBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String[] PLATFORMS = {"YOUTUBE", "FACEBOOK", "TIKTOK"};
    private static final String[] FORMATS = {"SHORT_FILM", "EXPLAINER", "VOX_POP", "ANIMATION", "TESTIMONIAL"};
    private static final String[] GOALS = {"Turn out our voters", "Recruit volunteers", "Persuade the undecided", "Raise funds"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
            case "import" -> importFile(Path.of(args[1]));
            case "copy" -> copy(Path.of(args[1]));
            case "pages" -> pages(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("seed, import, copy or pages");
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(env("VP_DB_URL", "jdbc:postgresql://localhost:5432/videoplatform"),
                env("VP_DB_USER", "videoplatform"), env("VP_DB_PASSWORD", "videoplatform"));
    }

    private static String env(String name, String otherwise) {
        return System.getenv().getOrDefault(name, otherwise);
    }

    private static void seed(int videos, int days, Path dir) throws Exception {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            String each = "FROM generate_series(1, " + videos + ") g";
            sql.executeUpdate("INSERT INTO pitches (id, owner_id, owner_name, title, goal, format, state, created_at, updated_at) "
                    + "SELECT md5('bench-pitch-' || g)::uuid, 'bench-producer-' || g % 20, 'Bench producer ' || g % 20, 'Bench video ' || g, "
                    + "(ARRAY['" + String.join("','", GOALS) + "'])[1 + g % 4], (ARRAY['" + String.join("','", FORMATS) + "'])[1 + g % 5], "
                    + "'GREENLIT', now(), now() " + each + " ON CONFLICT DO NOTHING");
            sql.executeUpdate("INSERT INTO productions (id, pitch_id, title, owner_id, owner_name, created_at, review_state) "
                    + "SELECT md5('bench-video-' || g)::uuid, md5('bench-pitch-' || g)::uuid, 'Bench video ' || g, 'bench-producer-' || g % 20, "
                    + "'Bench producer ' || g % 20, now(), 'RELEASED' " + each + " ON CONFLICT DO NOTHING");
            sql.executeUpdate("INSERT INTO media_assets (id, production_id, uploaded_by, original_name, content_type, size_bytes, part_size, "
                    + "object_key, state, created_at, last_activity_at) SELECT md5('bench-cut-' || g)::uuid, md5('bench-video-' || g)::uuid, "
                    + "'bench', 'bench.mp4', 'video/mp4', 1, 1, 'bench/' || g, 'READY', now(), now() " + each + " ON CONFLICT DO NOTHING");
            sql.executeUpdate("INSERT INTO releases (id, production_id, cut_id, released_by, released_by_name, released_at) "
                    + "SELECT md5('bench-release-' || g)::uuid, md5('bench-video-' || g)::uuid, md5('bench-cut-' || g)::uuid, 'bench', 'Bench', "
                    + "now() " + each + " ON CONFLICT DO NOTHING");
            sql.executeUpdate("INSERT INTO platform_posts (id, release_id, platform, post_id, posted_at, rendition, recorded_by) "
                    + "SELECT md5('bench-post-' || g || p)::uuid, md5('bench-release-' || g)::uuid, p, 'bench-' || g || '-' || lower(p), "
                    + "DATE '" + start(days) + "', 'DELIVERY_SQUARE', 'bench' " + each + ", unnest(ARRAY['" + String.join("','", PLATFORMS)
                    + "']) p ON CONFLICT DO NOTHING");
            // Each run imports into empty days, as the first import of a year would.
            sql.executeUpdate("DELETE FROM post_metric_totals WHERE post_id IN (SELECT id FROM platform_posts WHERE recorded_by = 'bench')");
            sql.executeUpdate("DELETE FROM post_metrics WHERE post_id IN (SELECT id FROM platform_posts WHERE recorded_by = 'bench')");
            db.commit();
            Map<String, String> posts = new HashMap<>();
            try (ResultSet rows = sql.executeQuery("SELECT post_id, id FROM platform_posts WHERE recorded_by = 'bench'")) {
                while (rows.next()) {
                    posts.put(rows.getString(1), rows.getString(2));
                }
            }
            writeFiles(videos, days, posts, dir);
        }
    }

    private static LocalDate start(int days) {
        return LocalDate.of(2026, 11, 26).minusDays(days - 1L);
    }

    /** The same figures twice: as a lead's template file, and as post_metrics rows for COPY. */
    private static void writeFiles(int videos, int days, Map<String, String> posts, Path dir) throws Exception {
        LocalDate first = start(days);
        try (BufferedWriter template = Files.newBufferedWriter(dir.resolve("metrics.csv"));
             BufferedWriter rows = Files.newBufferedWriter(dir.resolve("copy.csv"))) {
            template.write("platform,post,date,views,unique_viewers,watch_time_seconds,average_view_duration_seconds,"
                    + "completion_rate_percent,shares,reactions,comments,follower_views,non_follower_views\n");
            long seed = 42;
            for (int g = 1; g <= videos; g++) {
                for (String platform : PLATFORMS) {
                    String post = "bench-" + g + "-" + platform.toLowerCase(Locale.ROOT);
                    for (int d = 0; d < days; d++) {
                        seed = seed * 6364136223846793005L + 1442695040888963407L;
                        long views = 50 + (seed >>> 40) % 5000;
                        long followers = views * (5 + (seed >>> 20) % 30) / 100;
                        boolean split = !platform.equals("FACEBOOK");
                        String figures = String.format(Locale.ROOT, "%d,%d,%d,%.1f,%.1f,%d,%d,%d,%s,%s", views, views * 4 / 5, views * 21,
                                21.0, 35.0 + (seed >>> 50) % 30, views / 40, views / 12, views / 90, split ? followers : "",
                                split ? views - followers : "");
                        LocalDate day = first.plusDays(d);
                        template.write(platform.toLowerCase(Locale.ROOT) + "," + post + "," + day + "," + figures + "\n");
                        rows.write(posts.get(post) + "," + day + "," + figures + "\n");
                    }
                }
            }
        }
    }

    private static void importFile(Path file) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(env("VP_URL", "http://localhost:8080") + "/api/metrics/imports"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("The import answered " + answer.statusCode() + ": " + answer.body());
        }
        JsonObject report = Json.createReader(new StringReader(answer.body())).readObject();
        System.out.printf(Locale.ROOT, "%.2f %d %d%n", seconds, report.getJsonNumber("kept").longValue(), report.getJsonNumber("rejected").longValue());
    }

    private static void copy(Path file) throws Exception {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("DROP TABLE IF EXISTS bench_copy");
            sql.execute("CREATE TABLE bench_copy (LIKE post_metrics INCLUDING ALL)");
            long started = System.nanoTime();
            long rows;
            try (var in = Files.newBufferedReader(file)) {
                rows = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_copy FROM STDIN (FORMAT csv)", in);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            sql.execute("DROP TABLE bench_copy");
            System.out.printf(Locale.ROOT, "%.2f %d%n", seconds, rows);
        }
    }

    private static void pages(int times) throws Exception {
        String lead = token();
        String production;
        try (Connection db = database(); Statement sql = db.createStatement();
             ResultSet row = sql.executeQuery("SELECT md5('bench-video-1')::uuid")) {
            row.next();
            production = row.getString(1);
        }
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("a signed-in request that reads nothing (/api/me), the floor", "/api/me");
        pages.put("one video: a year of days on three platforms", "/api/performance/productions/" + production);
        pages.put("leaderboard of every video", "/api/performance/videos");
        pages.put("comparison by format", "/api/performance/comparisons?by=format");
        pages.put("comparison by producer", "/api/performance/comparisons?by=producer");
        pages.put("a producer's portfolio", "/api/performance/producers/bench-producer-1");
        for (var page : pages.entrySet()) {
            List<Double> millis = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < times + 5; i++) {
                long started = System.nanoTime();
                HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(env("VP_URL", "http://localhost:8080") + page.getValue()))
                        .header("Authorization", "Bearer " + lead).build(), HttpResponse.BodyHandlers.ofByteArray());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(page.getValue() + " answered " + answer.statusCode());
                }
                if (i >= 5) {
                    millis.add((System.nanoTime() - started) / 1e6);
                    bytes = answer.body().length;
                }
            }
            millis.sort(null);
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %,d |%n", page.getKey(), millis.get(millis.size() / 2),
                    millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1), bytes);
        }
    }

    private static String token() throws Exception {
        String form = "grant_type=password&client_id=video-platform-tests&username=lead&password=" + URLEncoder.encode("demo-lead", StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(env("VP_KEYCLOAK_URL", "http://localhost:8180")
                        + "/realms/video-platform/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return Json.createReader(new StringReader(answer.body())).readObject().getString("access_token");
    }
}
