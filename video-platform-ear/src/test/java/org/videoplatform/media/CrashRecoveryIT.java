package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/**
 * A node killed with SIGKILL in the middle of a transcode: when it comes back, the job runs again
 * and completes, with one set of outputs and nothing left over from the attempt that was cut off.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrashRecoveryIT {

    /** Long enough to be caught half-way on any machine, short enough for CI. */
    private static final double CUT_SECONDS = 12;

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void aJobCutOffByKillMinusNineCompletesAfterRestartWithOneSetOfOutputs() throws Exception {
        String producer = DemoAccounts.PRODUCER.token();
        Path source = TestMedia.LANDSCAPE.write(folder, CUT_SECONDS);
        try (SecondNode node = new SecondNode(folder.resolve("node"))) {
            node.start();
            MediaClient onNode = new MediaClient(node.baseUrl());
            String production = onNode.production(producer, "Interrupted in the middle");
            String media = onNode.upload(producer, production, source);

            JsonObject midway = onNode.await(producer, production, media, cut -> cut.get("job") instanceof JsonObject job
                    && "RUNNING".equals(job.getString("state")) && job.getJsonNumber("progress").doubleValue() >= 0.3,
                    Duration.ofMinutes(3));
            node.killHard();
            node.start();
            JsonObject settled = MediaClient.platform().awaitSettled(producer, production, media, Duration.ofMinutes(4));

            assertTrue(midway.getJsonObject("job").getJsonNumber("progress").doubleValue() < 1);
            assertEquals("READY", settled.getString("state"), settled.toString());
            assertEquals(2, settled.getJsonObject("job").getInt("attempts"), "the cut-off attempt and the one that finished");
            JsonArray outputs = (JsonArray) ApiClient.json(get("/api/media/" + media + "/outputs", producer));
            Map<String, Long> perKind = outputs.getValuesAs(JsonObject.class).stream()
                    .collect(Collectors.groupingBy(o -> o.getString("kind"), TreeMap::new, Collectors.counting()));
            assertEquals(Map.of("PROXY", 1L, "HLS", 1L, "DELIVERY_LANDSCAPE", 1L, "DELIVERY_SQUARE", 1L, "DELIVERY_PORTRAIT", 1L,
                    "POSTER", 1L, "THUMBNAIL", 5L, "SPRITE", 1L, "SPRITE_INDEX", 1L), perKind);
            Set<String> attemptFolders = storedUnder("productions/" + production + "/media/" + media + "/").stream()
                    .map(key -> key.split("/")[4]).collect(Collectors.toSet());
            assertEquals(1, attemptFolders.size(), "only the finished attempt's files are stored: " + attemptFolders);
            byte[] proxy = MediaClient.download(outputs.getValuesAs(JsonObject.class).stream()
                    .filter(o -> "PROXY".equals(o.getString("kind"))).findFirst().orElseThrow().getString("url"));
            assertTrue(proxy.length > 10_000, "the proxy is whole: " + proxy.length + " bytes");
            // The attempt cut off left its copy of the original, as large as the upload, on the node's disk.
            Path work = folder.resolve("node").resolve("tmp").resolve("transcoding");
            try (Stream<Path> left = Files.walk(work)) {
                assertEquals(List.of(), left.filter(Files::isRegularFile).toList(), "nothing left in " + work);
            }
        }
    }

    private static List<String> storedUnder(String prefix) throws Exception {
        try (MinioClient s3 = MinioClient.builder().endpoint(System.getenv("VP_STORAGE_ENDPOINT"))
                .credentials("local-access-key", "local-secret-key").region("us-east-1").build()) {
            List<String> keys = new ArrayList<>();
            for (Result<Item> item : s3.listObjects(ListObjectsArgs.builder().bucket(System.getenv("VP_STORAGE_BUCKET"))
                    .prefix(prefix).recursive(true).build())) {
                keys.add(item.get().objectName());
            }
            return keys;
        }
    }
}
