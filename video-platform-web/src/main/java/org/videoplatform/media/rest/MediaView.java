package org.videoplatform.media.rest;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.videoplatform.media.boundary.Media;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.JobState;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaFacts;
import org.videoplatform.media.entity.TranscodeJob;
import org.videoplatform.platform.entity.Timestamps;

/**
 * An uploaded cut as producers and leads see it: the upload, what the probe found, and how its
 * transcoding goes. The store's key and upload id stay on the server.
 */
public record MediaView(String id, String productionId, String originalName, String contentType, long size,
        long partSize, int partCount, AssetState state, String sha256, String rejection,
        OffsetDateTime createdAt, OffsetDateTime completedAt, FactsView facts, JobView job, Integer cutNumber,
        OffsetDateTime submittedAt, OffsetDateTime approvedAt) {

    /** What the probe found; the dimensions are as stored, the display ones after rotation. */
    public record FactsView(String container, String videoCodec, String audioCodec, double durationSeconds, int width, int height,
            int displayWidth, int displayHeight, double frameRate, boolean variableFrameRate, int rotation, String pixelFormat,
            int bitDepth, int audioChannels, int sampleRate, long bitRate, Double loudnessLufs, Double truePeakDbtp) {

        static FactsView from(MediaFacts f) {
            return f == null || f.container() == null ? null : new FactsView(f.container(), f.videoCodec(), f.audioCodec(),
                    f.durationMicros() / 1e6, f.width(), f.height(), f.displayWidth(), f.displayHeight(), f.frameRate(),
                    f.variableFrameRate(), f.rotation(), f.pixelFormat(), f.bitDepth(), f.audioChannels(), f.sampleRate(),
                    f.bitRate(), f.loudnessLufs(), f.truePeakDbtp());
        }
    }

    /**
     * The latest transcoding job.
     *
     * @param queuePosition jobs waiting before this one; 0 once it runs
     * @param secondsLeft estimated from the pace so far; null until there is a pace to go by
     */
    public record JobView(String id, JobState state, double progress, int attempts, long queuePosition, Long secondsLeft,
            String error, OffsetDateTime queuedAt, OffsetDateTime finishedAt) {

        /** Below this much progress the pace says little about the rest. */
        private static final double MEANINGFUL_PROGRESS = 0.02;

        static JobView from(TranscodeJob job, long queuePosition) {
            Long secondsLeft = null;
            if (job.state() == JobState.RUNNING && job.progress() >= MEANINGFUL_PROGRESS && job.startedAt() != null) {
                double elapsed = Duration.between(job.startedAt(), Timestamps.now()).toMillis() / 1000.0;
                secondsLeft = Math.round(elapsed * (1 - job.progress()) / job.progress());
            }
            return new JobView(job.id().toString(), job.state(), job.progress(), job.attempts(), queuePosition, secondsLeft,
                    job.error(), job.queuedAt(), job.finishedAt());
        }
    }

    static MediaView from(MediaAsset asset) {
        return of(asset, null);
    }

    static MediaView from(Media.Cut cut) {
        return of(cut.asset(), cut.job() == null ? null : JobView.from(cut.job(), cut.queuePosition()));
    }

    private static MediaView of(MediaAsset asset, JobView job) {
        return new MediaView(asset.id().toString(), asset.production().id().toString(), asset.originalName(),
                asset.contentType(), asset.size(), asset.partSize(), asset.partCount(), asset.state(), asset.sha256(),
                asset.rejection(), asset.createdAt(), asset.completedAt(), FactsView.from(asset.facts()), job, asset.cutNumber(),
                asset.submittedAt(), asset.approvedAt());
    }
}
