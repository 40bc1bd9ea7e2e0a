package org.videoplatform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Speaks to the running platform as a browser or script would: over HTTP, with a bearer token. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ApiClient() {
    }

    public static String baseUrl() {
        return System.getProperty("vp.it.base-url");
    }

    public static HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public static HttpResponse<String> send(String method, String path, String token, String contentType, String body) {
        return send(baseUrl(), method, path, token, contentType, body);
    }

    /** A request to another node than the one Arquillian runs, such as a second server a test starts itself. */
    public static HttpResponse<String> send(String base, String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = request(base, path, token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A file the API hands out, as the bytes it sent. */
    public static HttpResponse<byte[]> file(String path, String token) {
        try {
            return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a request twice at the same moment, as a double click or two people at once do.
     *
     * @return both answers, the lower status first
     */
    public static List<HttpResponse<String>> twiceAtOnce(Supplier<HttpResponse<String>> request) {
        return bothAtOnce(request, request);
    }

    /** @return both answers, the lower status first */
    public static List<HttpResponse<String>> bothAtOnce(Supplier<HttpResponse<String>> one, Supplier<HttpResponse<String>> other) {
        ExecutorService senders = Executors.newFixedThreadPool(2);
        CyclicBarrier together = new CyclicBarrier(2);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (Supplier<HttpResponse<String>> request : List.of(one, other)) {
                sent.add(senders.submit(() -> {
                    together.await();
                    return request.get();
                }));
            }
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
            answers.sort(Comparator.comparingInt(HttpResponse::statusCode));
            return answers;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            senders.shutdownNow();
        }
    }

    public static HttpRequest.Builder request(String path, String token) {
        return request(baseUrl(), path, token);
    }

    /** A request to another node than the one Arquillian runs, such as a second server a test starts itself. */
    public static HttpRequest.Builder request(String base, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    public static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response);
    }

    public static JsonStructure json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).read();
    }

    public static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
