// SPDX-License-Identifier: AGPL-3.0-or-later
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One file uploaded four times to the same S3 server, from one HTTP client: the baseline, twice
 * the way the platform's browser client does it (the API opens a multipart upload and signs the
 * next twelve parts with each request, six parts travel at once, the API completes), then the
 * baseline again. Baselines:
 *   single     one presigned PUT of the whole file (the goal compares with this);
 *   bare       the same multipart upload with every part URL signed before the clock starts, so
 *              no API request is in the loop: what the platform's own requests cost;
 *   at-once=N  the platform's way with N parts travelling at once instead of six.
 * Prints seconds: each way's mean, then every upload.
 * Usage: java -cp CLASSPATH UploadBench.java FILE PLATFORM_URL TOKEN PRODUCTION STORAGE_URL ACCESS_KEY SECRET_KEY BUCKET [BASELINE]
 */
public class UploadBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PARTS_AT_ONCE = 6;

    /** One way of uploading the file, timed from the first request to the last answer. */
    private interface Way {
        Upload upload() throws Exception;
    }

    private record Upload(double seconds, double completionSeconds, int parts, long partMib) {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String baselineName = args.length > 8 ? args[8] : "single";
        Way baseline = switch (baselineName.replaceAll("=.*", "")) {
            case "single" -> () -> new Upload(singlePut(file, args), 0, 1, Files.size(file) >> 20);
            case "bare" -> () -> multipart(file, args, PARTS_AT_ONCE, false);
            case "at-once" -> () -> multipart(file, args, Integer.parseInt(baselineName.substring("at-once=".length())), true);
            default -> throw new IllegalArgumentException("baseline must be single, bare or at-once=N, not " + baselineName);
        };
        Way platform = () -> multipart(file, args, PARTS_AT_ONCE, true);
        // Each way goes first once and last once: on two shared cores the store writes back what
        // the previous upload left, so a fixed order favours whichever runs first.
        Upload baselineFirst = baseline.upload();
        Upload platformSecond = platform.upload();
        Upload platformThird = platform.upload();
        Upload baselineLast = baseline.upload();
        System.out.printf("baseline=%.2f multipart=%.2f baselines=%.2f,%.2f multiparts=%.2f,%.2f completions=%.2f,%.2f parts=%d part_mib=%d%n",
                (baselineFirst.seconds() + baselineLast.seconds()) / 2, (platformSecond.seconds() + platformThird.seconds()) / 2,
                baselineFirst.seconds(), baselineLast.seconds(), platformSecond.seconds(), platformThird.seconds(),
                platformSecond.completionSeconds(), platformThird.completionSeconds(), platformSecond.parts(), platformSecond.partMib());
    }

    private static double singlePut(Path file, String[] args) throws Exception {
        String object = "benchmarks/single-put-" + System.nanoTime();
        try (MinioClient store = MinioClient.builder().endpoint(args[4]).credentials(args[5], args[6]).region("us-east-1").build()) {
            String single = store.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT).bucket(args[7])
                    .object(object).expiry(1, TimeUnit.HOURS).build());
            long start = System.nanoTime();
            put(single, file, 0, Files.size(file));
            double seconds = (System.nanoTime() - start) / 1e9;
            // Nothing refers to it; left behind, every run would fill the store by another gigabyte or two.
            store.removeObject(RemoveObjectArgs.builder().bucket(args[7]).object(object).build());
            return seconds;
        }
    }

    /**
     * @param signedAsTheBrowserAsks false to sign every part before the clock starts, leaving the
     *                               API's requests out of the time
     */
    private static Upload multipart(Path file, String[] args, int partsAtOnce, boolean signedAsTheBrowserAsks) throws Exception {
        String platform = args[1];
        String token = args[2];
        long size = Files.size(file);
        long opened = System.nanoTime();
        JsonObject upload = api("POST", platform + "/api/productions/" + args[3] + "/media", token,
                Json.createObjectBuilder().add("fileName", file.getFileName().toString()).add("contentType", "video/quicktime")
                        .add("size", size).build().toString());
        String media = upload.getString("id");
        long partSize = upload.getJsonNumber("partSize").longValue();
        int partCount = upload.getInt("partCount");
        SignedAhead signed = new SignedAhead(platform + "/api/media/" + media + "/parts/urls", token,
                signedAsTheBrowserAsks ? SignedAhead.PARTS_SIGNED_AT_ONCE : SignedAhead.MOST_PER_REQUEST);
        if (!signedAsTheBrowserAsks) {
            signed.signAll(partCount);
        }
        long start = signedAsTheBrowserAsks ? opened : System.nanoTime();
        ExecutorService parts = Executors.newFixedThreadPool(partsAtOnce);
        List<Future<?>> sent = new ArrayList<>();
        for (int part = 1; part <= partCount; part++) {
            int number = part;
            sent.add(parts.submit(() -> {
                String url = signed.url(number);
                long from = (number - 1) * partSize;
                put(url, file, from, Math.min(partSize, size - from));
                return null;
            }));
        }
        for (Future<?> part : sent) {
            part.get();
        }
        parts.shutdown();
        double partsSeconds = (System.nanoTime() - start) / 1e9;
        api("POST", platform + "/api/media/" + media + "/completion", token, null);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Upload(seconds, seconds - partsSeconds, partCount, partSize >> 20);
    }

    private static void put(String url, Path file, long offset, long length) throws Exception {
        HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        var in = Files.newInputStream(file);
                        in.skipNBytes(offset);
                        return new java.io.BufferedInputStream(new LimitedStream(in, length), 1 << 20);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }), length)).build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("storage answered " + answer.statusCode());
        }
    }

    /** Part URLs asked for as the browser client asks: each request signs the next parts too. */
    private static final class SignedAhead {

        /** As the browser asks. */
        private static final int PARTS_SIGNED_AT_ONCE = 12;
        /** The most the API signs in one request. */
        private static final int MOST_PER_REQUEST = 100;
        private final Map<Integer, CompletableFuture<String>> urls = new HashMap<>();
        private final String endpoint;
        private final String token;
        private final int perRequest;

        SignedAhead(String endpoint, String token, int perRequest) {
            this.endpoint = endpoint;
            this.token = token;
            this.perRequest = perRequest;
        }

        String url(int part) throws Exception {
            CompletableFuture<String> url;
            CompletableFuture<JsonArray> batch = null;
            synchronized (urls) {
                url = urls.remove(part);
                if (url == null) {
                    batch = reserve(part);
                    url = urls.remove(part);
                }
            }
            if (batch != null) {
                fetch(batch, part);
            }
            return url.get();
        }

        void signAll(int partCount) throws Exception {
            for (int from = 1; from <= partCount; from += perRequest) {
                CompletableFuture<JsonArray> batch;
                synchronized (urls) {
                    batch = reserve(from);
                }
                fetch(batch, from);
                batch.get();
            }
        }

        /** Called holding the map: the parts from {@code from} on are promised to one request. */
        private CompletableFuture<JsonArray> reserve(int from) {
            CompletableFuture<JsonArray> batch = new CompletableFuture<>();
            for (int next = from; next < from + perRequest; next++) {
                urls.putIfAbsent(next, urlFrom(batch, next));
            }
            return batch;
        }

        private void fetch(CompletableFuture<JsonArray> batch, int from) {
            try {
                batch.complete(Json.createReader(new StringReader(send("POST", endpoint + "?from=" + from + "&count=" + perRequest,
                        token, null))).readArray());
            } catch (Exception e) {
                batch.completeExceptionally(e);
            }
        }

        private static CompletableFuture<String> urlFrom(CompletableFuture<JsonArray> batch, int part) {
            return batch.thenApply(signed -> signed.getValuesAs(JsonObject.class).stream().filter(u -> u.getInt("partNumber") == part)
                    .findFirst().map(u -> u.getString("url")).orElseThrow());
        }
    }

    private static JsonObject api(String method, String url, String token, String body) throws Exception {
        return Json.createReader(new StringReader(send(method, url, token, body))).readObject();
    }

    private static String send(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The bytes of one part: a window onto the file. */
    private static final class LimitedStream extends java.io.FilterInputStream {

        private long left;

        LimitedStream(java.io.InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws java.io.IOException {
            if (left <= 0) {
                return -1;
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            if (left <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, left));
            left -= Math.max(0, read);
            return read;
        }
    }
}
