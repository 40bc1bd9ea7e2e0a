package org.videoplatform.media.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.control.StoredPart;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.MediaOutput;
import org.videoplatform.media.entity.MediaRefused;
import org.videoplatform.media.entity.OutputKind;
import org.videoplatform.media.entity.TranscodeJob;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.Timestamps;

/**
 * Uploads of cuts: the browser sends the bytes straight to the object store in parts, through URLs
 * this boundary signs, a few parts ahead; the server only opens, lists, completes and aborts. Only
 * the producer who started an upload may continue it; everyone else is told it does not exist.
 */
@Stateless
@RolesAllowed({"producer", "video-lead", "admin"})
public class Media {

    private static final Logger LOG = Logger.getLogger(Media.class.getName());

    /** Long enough to send one part over a slow phone connection; a resumed upload simply asks again. */
    static final Duration PART_URL_VALIDITY = Duration.ofMinutes(30);
    private static final Duration ACTIVITY_RESOLUTION = Duration.ofMinutes(1);
    /** Enough to keep a browser's parts in flight for minutes; few enough that one request signs in milliseconds. */
    static final int MAX_PART_URLS_AT_ONCE = 100;

    static final Duration DOWNLOAD_VALIDITY = Duration.ofMinutes(10);

    /** Who the audit trail names for an upload the sweep found whole. */
    private static final Actor UPLOAD_SWEEP = new Actor("platform", "Upload sweep");

    /** Added to a cut's length for its review segments' links: time to pause, rewind and watch again. */
    static final Duration REVIEW_URL_VALIDITY = Duration.ofMinutes(10);

    @PersistenceContext
    EntityManager em;

    @Inject
    ObjectStore store;

    @Inject
    Pitches pitches;

    @Inject
    AuditTrail audit;

    @Inject
    Transcoding transcoding;

    @Resource
    SessionContext session;

    @Inject
    @ConfigProperty(name = "vp.media.max-upload-bytes", defaultValue = "53687091200")
    long maxUploadBytes;

    /** How long an upload may sit without a part asked for before its parts are thrown away. */
    @Inject
    @ConfigProperty(name = "vp.media.abandon-uploads-after", defaultValue = "PT24H")
    Duration abandonAfter;

    /** A part URL valid for {@link #PART_URL_VALIDITY}. */
    public record PartUrl(int partNumber, URI url, OffsetDateTime expiresAt) {
    }

    /** Opens an upload of a cut for a production the caller produces. */
    @RolesAllowed("producer")
    public Optional<MediaAsset> startUpload(UUID productionId, String fileName, String contentType, long size, Actor producer) {
        Optional<Production> production = pitches.production(productionId, producer)
                .filter(p -> p.ownerId().equals(producer.id()));
        if (production.isEmpty()) {
            return Optional.empty();
        }
        production.get().requireTakesCuts();
        MediaAsset asset = new MediaAsset(production.get(), producer.id(), fileName, contentType, size, maxUploadBytes);
        asset.begun(store.startMultipartUpload(asset.objectKey(), asset.contentType(), asset.originalName()));
        em.persist(asset);
        audit.record(new AuditEntry(producer, "media.upload-started", "production", productionId.toString(), asset.originalName()));
        return Optional.of(asset);
    }

    /**
     * URLs for up to {@code count} parts from {@code firstPart} on, ending at the last part. A
     * browser asking for several at once spends one round trip on the next parts it will send,
     * not one per part.
     */
    @RolesAllowed("producer")
    public Optional<List<PartUrl>> partUrls(UUID assetId, int firstPart, int count, Actor producer) {
        if (count < 1 || count > MAX_PART_URLS_AT_ONCE) {
            throw new InvalidInput("count", "must be between 1 and " + MAX_PART_URLS_AT_ONCE);
        }
        return signed(assetId, "from", firstPart, count, producer);
    }

    /** The URL for one part, as the browser asks for the first before it knows how many to ask for at once. */
    @RolesAllowed("producer")
    public Optional<PartUrl> partUrl(UUID assetId, int number, Actor producer) {
        return signed(assetId, "number", number, 1, producer).map(urls -> urls.get(0));
    }

    private Optional<List<PartUrl>> signed(UUID assetId, String firstPartField, int firstPart, int count, Actor producer) {
        return ownUpload(assetId, producer).map(asset -> {
            asset.requireUnfinished();
            asset.requirePart(firstPartField, firstPart);
            touch(asset);
            OffsetDateTime expiresAt = Timestamps.now().plus(PART_URL_VALIDITY);
            int lastPart = (int) Math.min(asset.partCount(), (long) firstPart + count - 1);
            return IntStream.rangeClosed(firstPart, lastPart)
                    .mapToObj(part -> new PartUrl(part,
                            store.temporaryPartUploadUrl(asset.objectKey(), asset.multipartUploadId(), part, PART_URL_VALIDITY), expiresAt))
                    .toList();
        });
    }

    /**
     * The parts already stored, so a resumed upload sends only the others. Parts the store joined
     * already all count as stored, so the browser goes on to the completion that records them.
     */
    @RolesAllowed("producer")
    public Optional<List<StoredPart>> storedParts(UUID assetId, Actor producer) {
        return ownUpload(assetId, producer).map(asset -> {
            asset.requireUnfinished();
            touch(asset);
            if (joinedInStore(asset)) {
                return IntStream.rangeClosed(1, asset.partCount())
                        .mapToObj(n -> new StoredPart(n, asset.expectedPartSize(n), "")).toList();
            }
            return store.storedParts(asset.objectKey(), asset.multipartUploadId());
        });
    }

    /**
     * Joins the parts once every one is stored at its expected size. A missing or short part is
     * refused with its number and the upload stays open, so the browser can resume and send it.
     */
    @RolesAllowed("producer")
    public Optional<MediaAsset> completeUpload(UUID assetId, Actor producer) {
        return ownUpload(assetId, producer).map(asset -> {
            asset.requireUnfinished();
            if (!joinedInStore(asset)) {
                List<StoredPart> stored = store.storedParts(asset.objectKey(), asset.multipartUploadId());
                String wrong = partsMissingOrShort(asset, stored);
                if (!wrong.isEmpty()) {
                    throw new InvalidInput("parts", "must all be stored at their full size first; missing or incomplete: " + wrong
                            + ". Resume the upload to send them");
                }
                store.completeMultipartUpload(asset.objectKey(), asset.multipartUploadId(), stored);
            }
            completed(asset, producer);
            return asset;
        });
    }

    private void completed(MediaAsset asset, Actor by) {
        asset.completed();
        transcoding.enqueue(asset, by.id());
        audit.record(new AuditEntry(by, "media.uploaded", "media", asset.id().toString(), asset.originalName()));
    }

    /**
     * Whether the store joined the parts of an upload still open in the record: the commit that
     * should have recorded the completion failed after the store had done its part. The store then
     * knows the upload no more, and holds the whole file at its key.
     */
    private boolean joinedInStore(MediaAsset asset) {
        return store.describe(asset.objectKey()).filter(whole -> whole.size() == asset.size()).isPresent();
    }

    private static String partsMissingOrShort(MediaAsset asset, List<StoredPart> stored) {
        long[] sizes = new long[asset.partCount() + 1];
        stored.stream().filter(p -> p.number() <= asset.partCount()).forEach(p -> sizes[p.number()] = p.size());
        return IntStream.rangeClosed(1, asset.partCount())
                .filter(n -> sizes[n] != asset.expectedPartSize(n))
                .limit(20)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
    }

    @RolesAllowed("producer")
    public Optional<MediaAsset> abortUpload(UUID assetId, Actor producer) {
        return ownUpload(assetId, producer).map(asset -> {
            abort(asset);
            audit.record(new AuditEntry(producer, "media.upload-aborted", "media", asset.id().toString(), asset.originalName()));
            return asset;
        });
    }

    /** A short-lived link to the untouched original, saved under the name it was uploaded with. */
    public Optional<URI> originalDownload(UUID assetId, Actor caller) {
        return visible(assetId, caller)
                .map(asset -> {
                    if (asset.state() == AssetState.UPLOADING || asset.state() == AssetState.ABORTED) {
                        throw new MediaRefused("The file has not been uploaded completely: there is nothing to download yet");
                    }
                    return store.temporaryDownloadUrl(asset.objectKey(), asset.originalName(), DOWNLOAD_VALIDITY);
                });
    }

    /**
     * An uploaded file with its latest transcoding job, if any.
     *
     * @param queuePosition how many jobs wait before this one; 0 once it runs
     */
    public record Cut(MediaAsset asset, TranscodeJob job, long queuePosition) {
    }

    /** A published output and a short-lived link to it. */
    public record Output(MediaOutput output, URI url) {
    }

    /** A production's cuts, for its producer and the leads; aborted uploads are left out. */
    public Optional<List<Cut>> ofProduction(UUID productionId, Actor caller) {
        return pitches.production(productionId, caller).map(production -> {
            // One query for every cut's job, not one per cut: an open page of cuts asks again every second.
            Map<UUID, TranscodeJob> jobs = transcoding.latestOfProduction(production);
            return em.createNamedQuery(MediaAsset.OF_PRODUCTION, MediaAsset.class).setParameter("production", production)
                    .getResultStream().map(asset -> cut(asset, jobs.get(asset.id()))).toList();
        });
    }

    public Optional<Cut> cut(UUID assetId, Actor caller) {
        return visible(assetId, caller).map(this::cut);
    }

    /** What transcoding made of a file, each output behind a link that soon expires. */
    public Optional<List<Output>> outputs(UUID assetId, Actor caller) {
        return visible(assetId, caller).map(asset -> em.createNamedQuery(MediaOutput.OF_ASSET, MediaOutput.class)
                .setParameter("asset", asset).getResultStream()
                .map(o -> new Output(o, o.kind().contentType().startsWith("video/")
                        ? store.temporaryDownloadUrl(o.objectKey(), downloadName(asset, o), DOWNLOAD_VALIDITY)
                        : store.temporaryReadUrl(o.objectKey(), DOWNLOAD_VALIDITY)))
                .toList());
    }

    /**
     * One playlist of the cut's HLS ladder for the review player. Playlists go through the API, so
     * only people who may see the cut get them, and every segment in them is a link to the store that
     * expires soon after the cut could have been watched through: a copied playlist soon stops playing.
     *
     * @param name "master", or a rung such as "720p"
     * @param playlistUrl where the API serves the rung of that name
     */
    public Optional<String> hlsPlaylist(UUID assetId, String name, Actor caller, Function<String, String> playlistUrl) {
        if (!name.matches("[a-z0-9]{1,20}")) {
            return Optional.empty();
        }
        return visible(assetId, caller)
                .flatMap(asset -> em.createNamedQuery(MediaOutput.OF_ASSET, MediaOutput.class).setParameter("asset", asset).getResultStream()
                        .filter(o -> o.kind() == OutputKind.HLS).findFirst()
                        .flatMap(master -> {
                            String folder = master.objectKey().substring(0, master.objectKey().lastIndexOf('/') + 1);
                            String key = folder + name + ".m3u8";
                            if (store.describe(key).isEmpty()) {
                                return Optional.empty();
                            }
                            Duration validity = REVIEW_URL_VALIDITY.plusNanos(asset.facts().durationMicros() * 1000);
                            return Optional.of(rewritten(read(key), name.equals("master")
                                    ? uri -> playlistUrl.apply(uri.substring(0, uri.length() - ".m3u8".length()))
                                    : uri -> store.temporaryReadUrl(folder + uri, validity).toString()));
                        }));
    }

    private String read(String key) {
        try (InputStream playlist = store.open(key)) {
            return new String(playlist.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + key, e);
        }
    }

    /** Each URI line of a playlist replaced; tags and comments stay as they are. */
    static String rewritten(String playlist, UnaryOperator<String> uri) {
        return playlist.lines().map(line -> line.isBlank() || line.startsWith("#") ? line : uri.apply(line.strip()))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** "Bus fares.mov" delivered square is saved as "Bus fares (delivery square).mp4". */
    private static String downloadName(MediaAsset asset, MediaOutput output) {
        String name = asset.originalName();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return stem + " (" + output.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ").mp4";
    }

    private Cut cut(MediaAsset asset) {
        return cut(asset, transcoding.latest(asset).orElse(null));
    }

    private Cut cut(MediaAsset asset, TranscodeJob job) {
        return new Cut(asset, job, job == null ? 0 : transcoding.queuePosition(job));
    }

    private Optional<MediaAsset> visible(UUID assetId, Actor caller) {
        return Optional.ofNullable(em.find(MediaAsset.class, assetId))
                .filter(asset -> pitches.production(asset.production().id(), caller).isPresent());
    }

    /** Throws away uploads nobody has touched for {@link #abandonAfter}, each in its own transaction. */
    @Schedule(hour = "*", minute = "*/15", persistent = false)
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sweepAbandonedUploads() {
        abandonUploadsIdleSince(Timestamps.now().minus(abandonAfter));
    }

    /** @return how many uploads were abandoned */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int abandonUploadsIdleSince(OffsetDateTime before) {
        List<UUID> idle = em.createNamedQuery(MediaAsset.UNFINISHED_SINCE, MediaAsset.class).setParameter("before", before)
                .getResultStream().map(MediaAsset::id).toList();
        Media self = session.getBusinessObject(Media.class);
        int abandoned = 0;
        for (UUID id : idle) {
            try {
                abandoned += self.abandonIfStillIdle(id, before) ? 1 : 0;
            } catch (RuntimeException e) {
                // The store may be briefly away; the next sweep tries again.
                LOG.log(Level.WARNING, "Could not abort idle upload " + id, e);
            }
        }
        if (abandoned > 0) {
            LOG.info("Aborted " + abandoned + " uploads idle since " + before);
        }
        return abandoned;
    }

    /**
     * Re-checks under a lock, so an upload resumed a moment ago, or swept by another node, is left
     * alone: a resume noting its activity meanwhile either goes first, and this sees it, or waits
     * and finds the upload aborted.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean abandonIfStillIdle(UUID assetId, OffsetDateTime before) {
        MediaAsset asset = em.find(MediaAsset.class, assetId, LockModeType.PESSIMISTIC_WRITE);
        if (asset == null || asset.state() != AssetState.UPLOADING || !asset.idleSince(before)) {
            return false;
        }
        if (joinedInStore(asset)) {
            LOG.info(() -> "Upload " + assetId + " was joined in the store, but its completion was never recorded: recorded now");
            completed(asset, UPLOAD_SWEEP);
            return false;
        }
        abort(asset);
        return true;
    }

    private void abort(MediaAsset asset) {
        String storeUploadId = asset.multipartUploadId();
        asset.aborted();
        em.flush();
        store.abortMultipartUpload(asset.objectKey(), storeUploadId);
    }

    /**
     * Notes activity at most once a minute: idleness is judged in hours, and writing the row for
     * every part made each part's signing a commit, queued behind the other parts in flight.
     */
    private void touch(MediaAsset asset) {
        OffsetDateTime now = Timestamps.now();
        if (asset.idleSince(now.minus(ACTIVITY_RESOLUTION))
                && em.createNamedQuery(MediaAsset.TOUCH).setParameter(1, now).setParameter(2, asset.id()).executeUpdate() == 0) {
            throw new MediaRefused("Cannot continue this upload: it lay idle too long and its parts were thrown away. Upload the file again");
        }
    }

    private Optional<MediaAsset> ownUpload(UUID assetId, Actor producer) {
        return Optional.ofNullable(em.find(MediaAsset.class, assetId)).filter(a -> a.uploadedBy().equals(producer.id()));
    }
}
