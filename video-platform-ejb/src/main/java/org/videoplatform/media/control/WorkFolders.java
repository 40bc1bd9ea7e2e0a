package org.videoplatform.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a transcode keeps its copy of the original and its outputs until they are stored: a
 * folder per attempt, under a folder of this start of the node ({@link WorkerNode#run()}). An
 * attempt cut off by a crash or kill -9 never reaches its clean-up; the node's next start deletes
 * what its earlier starts left, copies as large as the uploads. Nodes may share the work folder:
 * each touches only the folders under its own name.
 */
@ApplicationScoped
public class WorkFolders {

    private static final Logger LOG = Logger.getLogger(WorkFolders.class.getName());

    @Inject
    @ConfigProperty(name = "vp.transcoding.work-dir")
    Optional<String> workDirectory;

    @Inject
    WorkerNode node;

    public Path forAttempt(UUID jobId, int attempt) {
        return root().resolve(node.run()).resolve(jobId + "-" + attempt);
    }

    /** Deletes what earlier starts of this node left behind. */
    public void forgetEarlierRuns() {
        Path ours = root().resolve(node.name());
        if (!Files.isDirectory(ours)) {
            return;
        }
        Path thisRun = root().resolve(node.run());
        try (Stream<Path> runs = Files.list(ours)) {
            runs.filter(run -> !run.equals(thisRun)).forEach(WorkFolders::delete);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not list the earlier transcoding work under " + ours, e);
        }
    }

    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not clean up " + folder, e);
        }
    }

    private Path root() {
        return Path.of(workDirectory.filter(d -> !d.isBlank())
                .orElse(System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir")) + "/transcoding"));
    }
}
