package org.videoplatform.media.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.media.boundary.Transcoding.PublishedFile;
import org.videoplatform.media.control.Loudness;
import org.videoplatform.media.control.LoudnessMeter;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.control.OutputPlan;
import org.videoplatform.media.control.Prober;
import org.videoplatform.media.control.Transcoder;
import org.videoplatform.media.control.UnplayableMedia;
import org.videoplatform.media.control.WorkFolders;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaFacts;
import org.videoplatform.media.entity.OutputKind;
import org.videoplatform.media.entity.TranscodeJob;

/**
 * Takes transcoding jobs off the queue: fetches the original, checks and fingerprints it, makes
 * every output and publishes them. The work runs outside any transaction, because it takes
 * minutes; each step it records is a short transaction of {@link Transcoding}. How many run at
 * once on a node is {@code VP_TRANSCODING_CONCURRENCY}.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/transcoding"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${env.VP_TRANSCODING_CONCURRENCY:1}")
})
@TransactionManagement(TransactionManagementType.BEAN)
public class TranscodingWorker implements MessageListener {

    private static final Logger LOG = Logger.getLogger(TranscodingWorker.class.getName());
    /** Shares of the progress bar: fetching and probing, transcoding, storing the outputs. */
    private static final double FETCHED = 0.05;
    private static final double TRANSCODED = 0.9;
    private static final int COPY_BUFFER = 1 << 20;

    @Inject
    Transcoding jobs;

    @Inject
    ObjectStore store;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    WorkFolders workFolders;

    @Inject
    @ConfigProperty(name = "vp.transcoding.heartbeat-every", defaultValue = "PT5S")
    Duration heartbeatEvery;

    /** Fit or fill per delivery shape, for instance {@code LANDSCAPE=PAD,SQUARE=CROP,PORTRAIT=CROP}. */
    @Inject
    @ConfigProperty(name = "vp.transcoding.delivery-fit", defaultValue = "LANDSCAPE=PAD,SQUARE=CROP,PORTRAIT=CROP")
    String deliveryFit;

    /** Burns "DRAFT, not for release" into the review outputs; see {@link OutputPlan#withDraftMark}. */
    @Inject
    @ConfigProperty(name = "vp.review.draft-mark", defaultValue = "false")
    boolean draftMark;

    @Inject
    @ConfigProperty(name = "vp.review.draft-mark-font", defaultValue = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    String draftMarkFont;

    @Override
    public void onMessage(Message message) {
        UUID jobId;
        try {
            jobId = UUID.fromString(message.getBody(String.class));
        } catch (JMSException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring a transcoding message that names no job", e);
            return;
        }
        jobs.claim(jobId).ifPresent(this::work);
    }

    private void work(TranscodeJob job) {
        MediaAsset asset = job.asset();
        String attempts = asset.outputsPrefix() + job.id() + "-";
        String outputs = attempts + job.attempts() + "/";
        Path directory = workFolders.forAttempt(job.id(), job.attempts());
        Heartbeat heartbeat = new Heartbeat(job.id());
        try {
            // An attempt cut off by a crash may have stored some of its files; they were never published.
            store.deleteAll(attempts);
            Files.createDirectories(directory);
            Path original = directory.resolve("original");
            String sha256 = fetch(asset, original, heartbeat);
            MediaFacts facts;
            try {
                facts = Prober.probe(original);
            } catch (UnplayableMedia e) {
                jobs.rejected(job.id(), e.getMessage(), sha256);
                return;
            }
            double deliveryGain = 0;
            if (facts.hasAudio()) {
                Loudness loudness = LoudnessMeter.measure(original, directory.resolve("loudness.txt"));
                facts.loudness(loudness.integratedLufs(), loudness.truePeakDbtp());
                deliveryGain = loudness.normalisingGainDb();
            }
            jobs.probed(job.id(), facts, sha256);
            heartbeat.progress(FETCHED);

            Path out = directory.resolve("out");
            List<Transcoder.Produced> produced = Transcoder.transcode(original, facts, plan(facts),
                    deliveryGain, out, fraction -> heartbeat.progress(FETCHED + fraction * (TRANSCODED - FETCHED)));
            List<PublishedFile> published = store(out, outputs, produced, heartbeat);
            if (jobs.publish(job.id(), published)) {
                // The job's row forgets its node once done; the log says which node did the work.
                LOG.info(() -> "Transcoding job " + job.id() + " published " + published.size() + " files");
            } else {
                store.deleteAll(outputs);
            }
        } catch (Transcoder.Stopped e) {
            LOG.info(() -> "Transcoding job " + job.id() + " stopped: cancelled or taken over");
            discard(outputs);
        } catch (IOException | RuntimeException e) {
            // Producers and crew read the job's error: FFmpeg's and the store's words name paths and keys, so they stay in the log.
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "Transcoding job " + job.id() + " failed, incident " + incident, e);
            discard(outputs);
            jobs.failed(job.id(), "The server failed while making the outputs, not because of the file (incident " + incident + ").");
        } finally {
            heartbeat.stop();
            WorkFolders.delete(directory);
        }
    }

    /** Copies the original to local disk, where FFmpeg can seek in it, fingerprinting it on the way. */
    private String fetch(MediaAsset asset, Path target, Heartbeat heartbeat) throws IOException, Transcoder.Stopped {
        MessageDigest sha256 = sha256();
        long copied = 0;
        try (InputStream in = new DigestInputStream(store.open(asset.objectKey()), sha256);
                OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[COPY_BUFFER];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                copied += read;
                if (!heartbeat.progress(FETCHED * copied / asset.size())) {
                    throw new Transcoder.Stopped();
                }
            }
        }
        if (copied != asset.size()) {
            throw new IOException("The store returned " + copied + " bytes of an original of " + asset.size());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private List<PublishedFile> store(Path out, String prefix, List<Transcoder.Produced> produced, Heartbeat heartbeat)
            throws IOException, Transcoder.Stopped {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(out)) {
            files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            store.put(prefix + out.relativize(file).toString().replace('\\', '/'), file, contentType(file));
            if (!heartbeat.progress(TRANSCODED + (1 - TRANSCODED) * (i + 1) / files.size())) {
                throw new Transcoder.Stopped();
            }
        }
        List<PublishedFile> published = new ArrayList<>();
        for (Transcoder.Produced p : produced) {
            published.add(new PublishedFile(p.kind(), prefix + p.path(), p.width(), p.height(), Files.size(out.resolve(p.path()))));
        }
        return published;
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".ts")) {
            return "video/mp2t";
        }
        if (name.endsWith(".m3u8")) {
            return OutputKind.HLS.contentType();
        }
        if (name.endsWith(".vtt")) {
            return OutputKind.SPRITE_INDEX.contentType();
        }
        return name.endsWith(".jpg") ? "image/jpeg" : "video/mp4";
    }

    /**
     * A missing font fails the attempt rather than leave the mark out: with the mark switched on, a
     * clean review copy is exactly what must not exist. The retry finds the font once it is installed.
     */
    private OutputPlan plan(MediaFacts facts) {
        OutputPlan plan = OutputPlan.forSource(facts, fits());
        if (!draftMark) {
            return plan;
        }
        if (!Files.isReadable(Path.of(draftMarkFont))) {
            throw new IllegalStateException("The DRAFT mark is switched on but its font " + draftMarkFont
                    + " is missing: install Debian's fonts-dejavu-core or set VP_REVIEW_DRAFT_MARK_FONT");
        }
        return plan.withDraftMark(draftMarkFont);
    }

    private Map<OutputPlan.Shape, OutputPlan.Fit> fits() {
        Map<OutputPlan.Shape, OutputPlan.Fit> fits = new EnumMap<>(OutputPlan.Shape.class);
        for (String pair : deliveryFit.split(",")) {
            String[] shapeAndFit = pair.strip().split("=");
            fits.put(OutputPlan.Shape.valueOf(shapeAndFit[0].strip()), OutputPlan.Fit.valueOf(shapeAndFit[1].strip()));
        }
        return fits;
    }

    private void discard(String prefix) {
        try {
            store.deleteAll(prefix);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the unpublished outputs under " + prefix, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Reports progress on a timer of its own, so a job stays visibly alive through a long step,
     * and learns there whether it was cancelled or taken back.
     */
    private final class Heartbeat {

        private final UUID jobId;
        private final ScheduledFuture<?> beating;
        private volatile double progress;
        private volatile boolean carryOn = true;

        Heartbeat(UUID jobId) {
            this.jobId = jobId;
            long every = heartbeatEvery.toMillis();
            this.beating = scheduler.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
        }

        /** @return whether to carry on */
        boolean progress(double fraction) {
            progress = fraction;
            return carryOn;
        }

        private void beat() {
            try {
                carryOn = jobs.heartbeat(jobId, progress);
            } catch (RuntimeException e) {
                // A missed heartbeat is survivable; the watchdog only acts after several.
                LOG.log(Level.FINE, "Heartbeat of job " + jobId + " failed", e);
            }
        }

        void stop() {
            beating.cancel(false);
        }
    }
}
