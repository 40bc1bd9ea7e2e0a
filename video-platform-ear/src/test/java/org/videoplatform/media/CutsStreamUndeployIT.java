package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/**
 * A producer's page keeps a stream of cuts open while the platform is upgraded: the stream ends so
 * the browser reconnects to the new deployment, and nothing of the old one is called once stopped.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CutsStreamUndeployIT {

    private static final String PLATFORM = "platform";

    @Deployment(name = PLATFORM, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void aStreamOpenWhenTheDeploymentStopsEndsWithoutCallingIntoIt() throws Exception {
        deployer.deploy(PLATFORM);
        boolean deployed = true;
        try {
            String token = DemoAccounts.PRODUCER.token();
            String production = MediaClient.platform().production(token, "Housing co-op, an upgrade mid-review");
            HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                    ApiClient.request("/api/productions/" + production + "/media/events", token)
                            .timeout(Duration.ofMinutes(2)).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line = events.readLine();
                while (line != null && !line.startsWith("data:")) {
                    line = events.readLine();
                }
                assertTrue(line != null, "the stream's first event, the cuts as they are");
                long logBefore = serverLogSize();

                deployer.undeploy(PLATFORM);
                deployed = false;

                // Ended by the stream's next tick, which is what would call into the stopped deployment.
                while (events.readLine() != null) {
                    // What the first event had left to say.
                }
                String logged = serverLogSince(logBefore);
                assertTrue(logged.contains("Undeployed"), "the log read is the undeployment's");
                assertFalse(logged.contains("CutsStream"), logged);
            }
        } finally {
            if (deployed) {
                deployer.undeploy(PLATFORM);
            }
        }
    }

    private static Path serverLog() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    }

    private static long serverLogSize() {
        return serverLog().toFile().length();
    }

    private static String serverLogSince(long offset) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(serverLog().toFile(), "r")) {
            log.seek(offset);
            byte[] since = new byte[(int) (log.length() - offset)];
            log.readFully(since);
            return new String(since, StandardCharsets.UTF_8);
        }
    }
}
