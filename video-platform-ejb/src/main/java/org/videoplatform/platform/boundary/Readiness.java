package org.videoplatform.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.videoplatform.media.control.FfmpegBuild;
import org.videoplatform.media.control.ObjectStore;

/**
 * Whether this node can do its work: the database answers, the store answers for the bucket, and
 * FFmpeg loads with an H.264 encoder. A load balancer and the local run script wait on it.
 * <p>
 * WildFly's MicroProfile Health does not discover checks inside an EAR's modules (WFLY-12835), so
 * the checks are served by the API instead; the management interface keeps the server's own
 * probes (boot errors, deployment status).
 */
@ApplicationScoped
public class Readiness {

    static final String H264_ENCODER = "libx264";
    private static final Duration STORAGE_ANSWERS_WITHIN = Duration.ofSeconds(2);

    @Resource(lookup = "java:jboss/datasources/VideoPlatformDS")
    DataSource dataSource;

    private static final Logger LOG = Logger.getLogger(Readiness.class.getName());

    @Inject
    SchemaMigrations schema;

    @Inject
    ObjectStore objectStore;

    @Inject
    FfmpegBuild ffmpeg;

    public List<ReadinessCheck> check() {
        return List.of(database(), storage(), media());
    }

    private ReadinessCheck database() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2)
                    ? ReadinessCheck.up("database", Map.of("schemaVersion", String.valueOf(schema.schemaVersion())))
                    : ReadinessCheck.down("database", "the connection is not valid");
        } catch (SQLException e) {
            // The answer is public: the driver's words (hosts, users) go to the log only.
            LOG.log(Level.WARNING, "Readiness: no database connection", e);
            return ReadinessCheck.down("database", "no connection");
        }
    }

    private ReadinessCheck storage() {
        return objectStore.answersWithin(STORAGE_ANSWERS_WITHIN)
                ? ReadinessCheck.up("storage", Map.of("bucket", objectStore.bucket()))
                : ReadinessCheck.down("storage", "bucket " + objectStore.bucket() + " is not reachable");
    }

    /** Review proxies and delivery renditions are H.264: a build without x264 cannot make them. */
    private ReadinessCheck media() {
        try {
            return ffmpeg.canEncode(H264_ENCODER)
                    ? ReadinessCheck.up("media", Map.of("ffmpeg", ffmpeg.version(), "h264Encoder", H264_ENCODER))
                    : ReadinessCheck.down("media", "FFmpeg " + ffmpeg.version() + " has no " + H264_ENCODER);
        } catch (LinkageError e) {
            LOG.log(Level.WARNING, "Readiness: FFmpeg does not load", e);
            return ReadinessCheck.down("media", "FFmpeg does not load");
        }
    }
}
