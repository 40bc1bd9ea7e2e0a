// SPDX-License-Identifier: AGPL-3.0-or-later
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
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
 * One file uploaded twice to the same S3 server, from one HTTP client: first as a single presigned
 * PUT, then the way the platform's browser client does it (the API opens a multipart upload and
 * signs the next twelve parts with each request, six parts travel at once, the API completes).
 * Prints seconds.
 * Usage: java -cp CLASSPATH UploadBench.java FILE PLATFORM_URL TOKEN PRODUCTION STORAGE_URL ACCESS_KEY SECRET_KEY BUCKET
 */
public class UploadBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int PARTS_AT_ONCE = 6;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        String platform = args[1];
        String token = args[2];
        long size = Files.size(file);

        String single;
        try (MinioClient signer = MinioClient.builder().endpoint(args[4]).credentials(args[5], args[6]).region("us-east-1").build()) {
            single = signer.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.PUT).bucket(args[7])
                    .object("benchmarks/single-put-" + System.nanoTime()).expiry(1, TimeUnit.HOURS).build());
        }
        long start = System.nanoTime();
        put(single, file, 0, size);
        double singleSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        JsonObject upload = api("POST", platform + "/api/productions/" + args[3] + "/media", token,
                Json.createObjectBuilder().add("fileName", file.getFileName().toString()).add("contentType", "video/quicktime")
                        .add("size", size).build().toString());
        String media = upload.getString("id");
        long partSize = upload.getJsonNumber("partSize").longValue();
        SignedAhead signed = new SignedAhead(platform + "/api/media/" + media + "/parts/urls", token);
        ExecutorService parts = Executors.newFixedThreadPool(PARTS_AT_ONCE);
        List<Future<?>> sent = new ArrayList<>();
        for (int part = 1; part <= upload.getInt("partCount"); part++) {
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
        double multipartSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("single=%.2f multipart=%.2f of_which_completion=%.2f parts=%d part_mib=%d%n", singleSeconds,
                multipartSeconds, multipartSeconds - partsSeconds, upload.getInt("partCount"), partSize >> 20);
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

    /** Part URLs asked for as the browser client asks: each request signs the next twelve parts too. */
    private static final class SignedAhead {

        private static final int PARTS_SIGNED_AT_ONCE = 12;
        private final Map<Integer, CompletableFuture<String>> urls = new HashMap<>();
        private final String endpoint;
        private final String token;

        SignedAhead(String endpoint, String token) {
            this.endpoint = endpoint;
            this.token = token;
        }

        String url(int part) throws Exception {
            CompletableFuture<JsonArray> batch = new CompletableFuture<>();
            CompletableFuture<String> url;
            boolean asking = false;
            synchronized (urls) {
                url = urls.remove(part);
                if (url == null) {
                    asking = true;
                    url = urlFrom(batch, part);
                    for (int next = part + 1; next < part + PARTS_SIGNED_AT_ONCE; next++) {
                        urls.putIfAbsent(next, urlFrom(batch, next));
                    }
                }
            }
            if (asking) {
                try {
                    batch.complete(Json.createReader(new StringReader(send("POST", endpoint + "?from=" + part + "&count="
                            + PARTS_SIGNED_AT_ONCE, token, null))).readArray());
                } catch (Exception e) {
                    batch.completeExceptionally(e);
                }
            }
            return url.get();
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
