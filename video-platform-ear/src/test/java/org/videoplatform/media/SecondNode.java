package org.videoplatform.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Another WildFly node running the same EAR against the same database and storage, started and
 * killed by the test itself: what a crashed production node looks like, without touching the
 * server Arquillian manages. Its base directory, and so its message journal, survives restarts.
 */
final class SecondNode implements AutoCloseable {

    private static final int PORT_OFFSET = 20_000;
    private static final Duration STARTS_WITHIN = Duration.ofMinutes(3);

    private final Path base;
    private final Path pidFile;
    private Process launcher;

    SecondNode(Path base) throws IOException {
        this.base = base;
        this.pidFile = base.resolve("wildfly.pid");
        Path home = Path.of(System.getProperty("jboss.home"));
        copy(home.resolve("standalone/configuration"), base.resolve("configuration"));
        // The configuration may list what Arquillian deployed on the first node; this node deploys from its folder.
        Path config = base.resolve("configuration/standalone-full.xml");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("vp.it.ear")), base.resolve("deployments/video-platform.ear"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    String baseUrl() {
        return "http://localhost:" + (8080 + PORT_OFFSET);
    }

    /** Starts the node and waits until the platform on it answers ready. */
    void start() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("jboss.home"));
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Djboss.node.name=crash-test-node")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        builder.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "1");
        builder.environment().put("JBOSS_PIDFILE", pidFile.toString());
        launcher = builder.start();
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTS_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("The second node exited while starting; see " + base.resolve("console.log"));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // The server is still booting.
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The second node was not ready within " + STARTS_WITHIN);
    }

    /** Kills the server's JVM outright, as a power cut or the OOM killer would: no shutdown hooks run. */
    void killHard() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle java = ProcessHandle.of(pid).orElseThrow();
        java.destroyForcibly();
        java.onExit().join();
        launcher.waitFor();
        Files.deleteIfExists(pidFile);
    }

    @Override
    public void close() throws Exception {
        if (Files.exists(pidFile)) {
            killHard();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
