package org.videoplatform.media.control;

import com.google.common.collect.ImmutableMultimap;
import com.google.common.collect.Multimap;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.minio.messages.Part;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's one door to object storage (MinIO in production, S3Proxy locally and in the
 * tests). No MinIO type leaves this class; callers speak in keys, streams and URLs.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());

    @Inject
    @ConfigProperty(name = "vp.storage.endpoint", defaultValue = "http://localhost:8280")
    String endpoint;

    @Inject
    @ConfigProperty(name = "vp.storage.region", defaultValue = "us-east-1")
    String region;

    @Inject
    @ConfigProperty(name = "vp.storage.access-key", defaultValue = "local-access-key")
    String accessKey;

    @Inject
    @ConfigProperty(name = "vp.storage.secret-key", defaultValue = "local-secret-key")
    String secretKey;

    @Inject
    @ConfigProperty(name = "vp.storage.bucket", defaultValue = "video-platform")
    String bucket;

    /** Where browsers reach the store, when that differs from where the server does (a proxy, a public host). */
    @Inject
    @ConfigProperty(name = "vp.storage.public-endpoint")
    Optional<String> publicEndpoint;

    private MinioClient client;
    private HttpClient http;
    /** The multipart calls the synchronous client keeps to itself. */
    private MinioAsyncClient multipartClient;
    /** Signs URLs for browsers: a signature covers the host, so it must be the host they use. */
    private MinioClient signer;
    private volatile boolean bucketPresent;

    @PostConstruct
    void connect() {
        client = MinioClient.builder()
                .endpoint(endpoint)
                .region(region)
                .credentials(accessKey, secretKey)
                .build();
        // MinIO and S3Proxy serve buckets as paths, not as host names.
        client.disableVirtualStyleEndpoint();
        multipartClient = MinioAsyncClient.builder()
                .endpoint(endpoint)
                .region(region)
                .credentials(accessKey, secretKey)
                .build();
        multipartClient.disableVirtualStyleEndpoint();
        // The region is set, so signing needs no call to the store.
        signer = MinioClient.builder()
                .endpoint(browserEndpoint())
                .region(region)
                .credentials(accessKey, secretKey)
                .build();
        signer.disableVirtualStyleEndpoint();
        // Plain HTTP/1.1: on an http:// endpoint the default would offer every request an upgrade to HTTP/2.
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @PreDestroy
    void disconnect() {
        try {
            client.close();
            multipartClient.close();
            signer.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing the storage client failed", e);
        }
    }

    /** Where browsers send and fetch the bytes of the URLs this store signs. */
    public String browserEndpoint() {
        return publicEndpoint.filter(e -> !e.isBlank()).orElse(endpoint);
    }

    /** Creates the bucket when the application starts, so the first upload does not have to. */
    void createBucketAtStartup(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        if (!isReady()) {
            LOG.warning(() -> "Object storage at " + endpoint + " is not reachable yet; readiness stays DOWN until it is");
        }
    }

    /** True once the bucket exists; creates it if missing, so a storage outage at boot heals itself. */
    public boolean isReady() {
        if (bucketPresent) {
            return true;
        }
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                LOG.info(() -> "Created bucket " + bucket + " at " + endpoint);
            }
            bucketPresent = true;
        } catch (Exception e) {
            LOG.log(Level.FINE, "Bucket check failed", e);
        }
        return bucketPresent;
    }

    /**
     * Whether the store answers for the bucket now, within the time given. A load balancer asks
     * often: it must neither wait on a store that hangs, nor hear of one that answered only once.
     */
    public boolean answersWithin(Duration limit) {
        HttpResponse<String> answer;
        try {
            // A key never written: the store checks the signature and the bucket, then finds no object.
            URI probe = presigned(client, Method.GET, "readiness-probe-never-written", Duration.ofMinutes(1), Map.of());
            answer = http.send(HttpRequest.newBuilder(probe).timeout(limit).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.log(Level.FINE, "The store did not answer the readiness probe", e);
            return false;
        }
        if (answer.statusCode() == 404 && (answer.body().contains("<Code>NoSuchKey</Code>") || answer.body().contains("<Code>NoSuchBucket</Code>"))) {
            // It answers: the bucket is made here if it is missing, as at start-up.
            return isReady();
        }
        LOG.warning(() -> "The store answered the readiness probe with " + answer.statusCode() + ": are its address and keys right?");
        return false;
    }

    public String bucket() {
        return bucket;
    }

    public void put(String key, InputStream content, long size, String contentType) {
        call(() -> client.putObject(PutObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .stream(content, size, -1)
                .contentType(contentType)
                .build()), "store " + key);
    }

    /** Stores a local file, in parts when it is big. */
    public void put(String key, Path file, String contentType) {
        call(() -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(bucket)
                .object(key)
                .filename(file.toString())
                .contentType(contentType)
                .build()), "store " + key);
    }

    /** Removes every object whose key starts with the prefix, such as the outputs of a job that did not finish. */
    public void deleteAll(String prefix) {
        deleteAllBut(prefix, null);
    }

    /** Removes every object under the prefix except those under {@code kept}, such as the outputs of earlier runs. */
    public void deleteAllBut(String prefix, String kept) {
        call(() -> {
            List<DeleteObject> objects = new ArrayList<>();
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                String key = item.get().objectName();
                if (kept == null || !key.startsWith(kept)) {
                    objects.add(new DeleteObject(key));
                }
            }
            // The client sends the deletions only as the results are read.
            for (Result<DeleteError> error : client.removeObjects(RemoveObjectsArgs.builder().bucket(bucket).objects(objects).build())) {
                throw new ObjectStoreException("Could not delete " + error.get().objectName() + ": " + error.get().message(), null);
            }
            return null;
        }, "delete everything under " + prefix);
    }

    /** The object's bytes; the caller closes the stream. */
    public InputStream open(String key) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()), "read " + key);
    }

    public Optional<StoredObject> describe(String key) {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return Optional.of(new StoredObject(key, stat.size(), stat.contentType(), stat.etag()));
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw new ObjectStoreException("Could not describe " + key, e);
        } catch (Exception e) {
            throw new ObjectStoreException("Could not describe " + key, e);
        }
    }

    /** A copy of an object of at most 5 GiB (the store's limit for one copy) under another key, made by the store itself. */
    public void copy(String from, String to) {
        call(() -> client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(to)
                .source(CopySource.builder().bucket(bucket).object(from).build()).build()), "copy " + from + " to " + to);
    }

    public void delete(String key) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        }, "delete " + key);
    }

    /** A URL that lets whoever holds it read one object until it expires, without credentials. */
    public URI temporaryReadUrl(String key, Duration validFor) {
        return sign(Method.GET, key, validFor, Map.of());
    }

    /** A read URL whose answer tells the browser to save the object under a name of the platform's choosing. */
    public URI temporaryDownloadUrl(String key, String fileName, Duration validFor) {
        return sign(Method.GET, key, validFor, Map.of("response-content-disposition", ContentDisposition.attachment(fileName)));
    }

    /** A URL that lets a browser put one object straight into the store, so the bytes never cross the server. */
    public URI temporaryUploadUrl(String key, Duration validFor) {
        return sign(Method.PUT, key, validFor, Map.of());
    }

    /**
     * Opens a multipart upload whose parts browsers put through {@link #temporaryPartUploadUrl}.
     * The original file name travels percent-encoded, as S3 metadata must be ASCII.
     *
     * @return the store's id for the upload
     */
    public String startMultipartUpload(String key, String contentType, String originalName) {
        Multimap<String, String> headers = ImmutableMultimap.of(
                "Content-Type", contentType,
                "x-amz-meta-original-name", URLEncoder.encode(originalName, StandardCharsets.UTF_8));
        return call(() -> multipartClient.createMultipartUploadAsync(bucket, region, key, headers, null)
                .get().result().uploadId(), "start a multipart upload of " + key);
    }

    /** A URL that lets a browser put one part of a multipart upload, and nothing else. */
    public URI temporaryPartUploadUrl(String key, String uploadId, int partNumber, Duration validFor) {
        return sign(Method.PUT, key, validFor, Map.of("uploadId", uploadId, "partNumber", Integer.toString(partNumber)));
    }

    /** The parts the store already holds, in part order: what a resumed upload need not send again. */
    public List<StoredPart> storedParts(String key, String uploadId) {
        return call(() -> {
            List<StoredPart> parts = new ArrayList<>();
            String marker = "0";
            PartsPage page;
            do {
                URI url = presigned(client, Method.GET, key, Duration.ofMinutes(1),
                        Map.of("uploadId", uploadId, "part-number-marker", marker));
                HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(1)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = answer.body()) {
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("Listing the parts answered " + answer.statusCode() + ": "
                                + new String(body.readNBytes(1000), StandardCharsets.UTF_8));
                    }
                    page = PartsPage.read(body);
                }
                parts.addAll(page.parts());
                if (page.truncated() && !isAfter(page.nextMarker(), marker)) {
                    throw new IllegalStateException("The store's list of parts does not move on after part " + marker);
                }
                marker = page.nextMarker();
            } while (page.truncated());
            return parts;
        }, "list the parts of " + key);
    }

    private static boolean isAfter(String marker, String previous) {
        return !marker.isEmpty() && Integer.parseInt(marker) > Integer.parseInt(previous);
    }

    /** Joins the parts into one object; from then on the parts are gone and the object is whole. */
    public void completeMultipartUpload(String key, String uploadId, List<StoredPart> parts) {
        Part[] joined = parts.stream().map(p -> new Part(p.number(), p.etag())).toArray(Part[]::new);
        call(() -> multipartClient.completeMultipartUploadAsync(bucket, region, key, uploadId, joined, null, null).get(),
                "complete the multipart upload of " + key);
    }

    /**
     * Throws away the parts stored so far. An upload the store no longer knows, and that left no
     * object, has none left: MinIO, for one, throws away uploads left unfinished for a day by itself.
     * One the store completed is not known either, but its object is whole: that is refused.
     */
    public void abortMultipartUpload(String key, String uploadId) {
        call(() -> {
            try {
                return multipartClient.abortMultipartUploadAsync(bucket, region, key, uploadId, null, null).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ErrorResponseException refused && "NoSuchUpload".equals(refused.errorResponse().code())
                        && describe(key).isEmpty()) {
                    return null;
                }
                throw e;
            }
        }, "abort the multipart upload of " + key);
    }

    private URI sign(Method method, String key, Duration validFor, Map<String, String> queryParams) {
        return call(() -> presigned(signer, method, key, validFor, queryParams), "sign a " + method + " URL for " + key);
    }

    /** @param by the client whose endpoint the URL names: the browsers' or the server's own */
    private URI presigned(MinioClient by, Method method, String key, Duration validFor, Map<String, String> queryParams)
            throws Exception {
        return URI.create(by.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(method)
                .bucket(bucket)
                .object(key)
                .expiry((int) validFor.toSeconds(), TimeUnit.SECONDS)
                .extraQueryParams(queryParams)
                .build()));
    }

    private <T> T call(StorageCall<T> storageCall, String what) {
        try {
            return storageCall.run();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new ObjectStoreException("Could not " + what + " in bucket " + bucket, e);
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T run() throws Exception;
    }
}
