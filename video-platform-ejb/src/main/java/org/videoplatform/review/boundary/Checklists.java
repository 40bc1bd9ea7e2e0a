package org.videoplatform.review.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.media.control.DocumentDownload;
import org.videoplatform.media.control.ObjectStore;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.NotPermitted;
import org.videoplatform.review.control.WatchedCut;
import org.videoplatform.review.entity.Captions;
import org.videoplatform.review.entity.ChecklistIncomplete;
import org.videoplatform.review.entity.ChecklistItem;
import org.videoplatform.review.entity.ChecklistKind;
import org.videoplatform.review.entity.ChecklistTick;
import org.videoplatform.review.entity.ConsentFormFormat;
import org.videoplatform.review.entity.Imprint;
import org.videoplatform.review.entity.ProductionDocument;

/**
 * The pre-release checklist. Admins decide what is on it; the producer brings the evidence (the
 * imprint, consent forms, captions); a lead who does not make the production ticks what can only be
 * judged by looking. Approval is refused while a required item is open.
 */
@Stateless
@RolesAllowed({"producer", "video-lead", "admin"})
public class Checklists {

    public static final long MAX_CAPTION_BYTES = 2L * 1024 * 1024;
    public static final long MAX_CONSENT_FORM_BYTES = 25L * 1024 * 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    Pitches pitches;

    @Inject
    ObjectStore store;

    @Inject
    AuditTrail audit;

    public List<ChecklistItem> items(boolean withRetired) {
        return em.createNamedQuery(withRetired ? ChecklistItem.ALL : ChecklistItem.IN_USE, ChecklistItem.class).getResultList();
    }

    /** A new check that a lead makes by looking, placed last. */
    @RolesAllowed("admin")
    public ChecklistItem addItem(String title, String guidance, boolean required, Actor admin) {
        Integer last = em.createNamedQuery(ChecklistItem.LAST_POSITION, Integer.class).getSingleResult();
        ChecklistItem item = new ChecklistItem(title, guidance, required, last == null ? 1 : last + 1);
        em.persist(item);
        audit.record(new AuditEntry(admin, "checklist.item-added", "checklist-item", item.id().toString(), item.title()));
        return item;
    }

    @RolesAllowed("admin")
    public Optional<ChecklistItem> changeItem(UUID id, String title, String guidance, boolean required, boolean retired, Actor admin) {
        return Optional.ofNullable(em.find(ChecklistItem.class, id)).map(item -> {
            item.describe(title, guidance, required);
            if (retired) {
                item.retire();
            } else {
                item.reinstate();
            }
            audit.record(new AuditEntry(admin, "checklist.item-changed", "checklist-item", id.toString(),
                    item.title() + (required ? ", required" : ", optional") + (retired ? ", retired" : "")));
            return item;
        });
    }

    /** Where one item stands for a production, in words the producer can act on. */
    public record ItemStatus(ChecklistItem item, boolean done, String detail) {
    }

    public record Status(List<ItemStatus> items, Imprint imprint, List<ProductionDocument> documents) {
    }

    public Optional<Status> status(UUID productionId, Actor caller) {
        return pitches.production(productionId, caller).map(this::statusOf);
    }

    /**
     * @param step what waits on the checklist, as "Approval"
     * @throws ChecklistIncomplete naming each required item still open and why
     */
    @RolesAllowed({"video-lead", "admin"})
    public void requireComplete(Production production, String step) {
        String open = statusOf(production).items().stream().filter(s -> s.item().required() && !s.done())
                .map(s -> s.item().title() + " (" + s.detail() + ")").collect(Collectors.joining("; "));
        if (!open.isEmpty()) {
            throw new ChecklistIncomplete(step, open);
        }
    }

    /**
     * @param readVersion the version the caller's form was filled in from, null if it was filled in
     *                    with no imprint saved: an imprint someone else saved meanwhile is not
     *                    overwritten, the first one included. The same imprint sent again (a double
     *                    click) changes nothing and records nothing.
     */
    @RolesAllowed({"producer", "video-lead", "admin"})
    public Optional<Imprint> writeImprint(UUID productionId, String promoter, String promoterAddress, String onBehalfOf, String onBehalfAddress,
                                          Long readVersion, Actor caller) {
        return evidenceFor(productionId, caller).map(production -> {
            lockForChecklistChange(productionId);
            Imprint saved = em.find(Imprint.class, productionId);
            if (saved != null && saved.says(promoter, promoterAddress, onBehalfOf, onBehalfAddress)) {
                return saved;
            }
            if (saved != null && (readVersion == null || readVersion != saved.version())) {
                throw new OptimisticLockException("The imprint was changed by someone else since it was read");
            }
            Imprint imprint = Optional.ofNullable(saved).orElseGet(() -> {
                Imprint created = new Imprint(productionId);
                em.persist(created);
                return created;
            });
            imprint.write(promoter, promoterAddress, onBehalfOf, onBehalfAddress, caller);
            audit.record(new AuditEntry(caller, "checklist.imprint-written", "production", productionId.toString(), imprint.text()));
            return imprint;
        });
    }

    /** Captions as SRT or WebVTT, in UTF-8; a newer file stands in front of the older ones. */
    public Optional<ProductionDocument> addCaptions(UUID productionId, String fileName, byte[] content, Actor caller) {
        return evidenceFor(productionId, caller).map(production -> {
            Captions captions = Captions.parse(utf8(content));
            ProductionDocument document = ProductionDocument.captions(productionId, MediaAsset.displayName(fileName),
                    captions.format() == Captions.Format.WEBVTT ? "text/vtt" : "application/x-subrip", content.length, captions, caller);
            return stored(document, content, caller);
        });
    }

    public Optional<ProductionDocument> addConsentForm(UUID productionId, String fileName, byte[] content, Actor caller) {
        if (content.length == 0) {
            throw new InvalidInput("file", "is empty");
        }
        ConsentFormFormat format = ConsentFormFormat.of(content).orElseThrow(() -> new InvalidInput("file",
                "must be a scan or photo of the signed form, as one of " + ConsentFormFormat.accepted() + "; this file is none of them"));
        return evidenceFor(productionId, caller)
                .map(production -> stored(ProductionDocument.consentForm(productionId, MediaAsset.displayName(fileName), format.contentType,
                        content.length, caller), content, caller));
    }

    /** A document on file, for whoever may see the production. */
    public Optional<DocumentDownload> document(UUID productionId, UUID documentId, Actor caller) {
        return pitches.production(productionId, caller)
                .flatMap(production -> Optional.ofNullable(em.find(ProductionDocument.class, documentId)))
                .filter(document -> document.productionId().equals(productionId))
                .map(document -> new DocumentDownload(document.fileName(), document.size(), store.open(document.objectKey())));
    }

    /**
     * A lead vouches for an item that is judged by looking, or withdraws their word.
     *
     * @param watchedCut the cut the lead's page showed, which must be the one in review; none if there is none
     */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<Status> tick(UUID productionId, UUID itemId, boolean done, UUID watchedCut, Actor lead) {
        Optional<Production> production = pitches.production(productionId, lead);
        if (production.isEmpty()) {
            return Optional.empty();
        }
        lockForChecklistChange(productionId);
        ChecklistItem item = Optional.ofNullable(em.find(ChecklistItem.class, itemId)).filter(i -> i.retiredAt() == null)
                .orElseThrow(() -> new InvalidInput("item", "is not on the checklist"));
        if (!item.kind().tickable()) {
            throw new InvalidInput("item", "“" + item.title() + "” is satisfied by what the producer provides, not by a tick");
        }
        if (pitches.makes(production.get(), lead.id())) {
            throw new NotPermitted("You make this production, so another lead has to check it");
        }
        WatchedCut.mustBeInReview(em, watchedCut, cutInReview(production.get()), "a tick vouches for it");
        em.createNamedQuery(ChecklistTick.UNTICK).setParameter("production", productionId).setParameter("item", itemId).executeUpdate();
        if (done) {
            em.persist(new ChecklistTick(productionId, itemId, production.get().cutInReview(), lead));
        }
        audit.record(new AuditEntry(lead, done ? "checklist.ticked" : "checklist.unticked", "production", productionId.toString(), item.title()));
        return Optional.of(statusOf(production.get()));
    }

    private Status statusOf(Production production) {
        Imprint imprint = em.find(Imprint.class, production.id());
        List<ProductionDocument> documents = em.createNamedQuery(ProductionDocument.OF_PRODUCTION, ProductionDocument.class)
                .setParameter("production", production.id()).getResultList();
        Map<UUID, ChecklistTick> ticks = em.createNamedQuery(ChecklistTick.OF_PRODUCTION, ChecklistTick.class)
                .setParameter("production", production.id()).getResultStream()
                .collect(Collectors.toMap(ChecklistTick::itemId, Function.identity()));
        MediaAsset cut = cutInReview(production);
        List<ItemStatus> items = items(false).stream().map(item -> {
            ChecklistTick tick = ticks.get(item.id());
            // A tick holds for the cut it was given on: a later one may add music or show a face.
            boolean onThisCut = tick != null && Objects.equals(tick.cutId(), production.cutInReview());
            String ticked = onThisCut ? "checked by " + tick.tickedByName() + " on " + tick.tickedAt().toLocalDate() : null;
            String tickedBefore = tick == null || onThisCut || cut == null ? null
                    : (tick.cutId() == null ? "checked before any cut was submitted" : "checked on an earlier cut") + " by "
                            + tick.tickedByName() + ", not yet on v" + cut.cutNumber();
            return switch (item.kind()) {
                case IMPRINT -> imprint == null ? new ItemStatus(item, false, "no imprint yet") : new ItemStatus(item, true, imprint.text());
                case CONSENT -> consent(item, documents, ticked, tickedBefore);
                case CAPTIONS -> captions(item, documents, cut);
                case MANUAL -> new ItemStatus(item, onThisCut, onThisCut ? ticked : Objects.requireNonNullElse(tickedBefore, "not checked yet"));
            };
        }).toList();
        return new Status(items, imprint, documents);
    }

    private MediaAsset cutInReview(Production production) {
        return production.cutInReview() == null ? null : em.find(MediaAsset.class, production.cutInReview());
    }

    /**
     * @param ticked who vouched that nobody is identifiable in the cut in review, if anyone did
     * @param tickedBefore who vouched for it on an earlier cut, if only that
     */
    private static ItemStatus consent(ChecklistItem item, List<ProductionDocument> documents, String ticked, String tickedBefore) {
        long forms = documents.stream().filter(d -> d.kind() == ProductionDocument.Kind.CONSENT_FORM).count();
        if (forms > 0) {
            return new ItemStatus(item, true, forms + (forms == 1 ? " form" : " forms") + " on file");
        }
        if (ticked != null) {
            return new ItemStatus(item, true, "nobody identifiable, " + ticked);
        }
        return new ItemStatus(item, false, "no consent form on file" + (tickedBefore == null ? "" : "; nobody identifiable " + tickedBefore));
    }

    private static ItemStatus captions(ChecklistItem item, List<ProductionDocument> documents, MediaAsset cut) {
        Optional<ProductionDocument> latest = documents.stream().filter(d -> d.kind() == ProductionDocument.Kind.CAPTIONS).findFirst();
        if (latest.isEmpty()) {
            return new ItemStatus(item, false, "no captions yet");
        }
        if (cut == null || cut.facts() == null) {
            return new ItemStatus(item, false, "no cut submitted to hold them against");
        }
        String misfit = latest.get().cues().misfitFor(cut.facts().durationMicros());
        return misfit != null ? new ItemStatus(item, false, latest.get().fileName() + ": " + misfit)
                : new ItemStatus(item, true, latest.get().fileName() + ", " + latest.get().cues().cueCount() + " cues, fit v" + cut.cutNumber());
    }

    private ProductionDocument stored(ProductionDocument document, byte[] content, Actor by) {
        store.put(document.objectKey(), new ByteArrayInputStream(content), content.length, document.contentType());
        em.persist(document);
        audit.record(new AuditEntry(by, "checklist.document-added", "production",
                document.productionId().toString(), document.kind() + " " + document.fileName()));
        return document;
    }

    /**
     * Changes to one production's checklist take turns, and with its review decisions, which lock
     * the same row: a double click, or two people at once, would otherwise both find no imprint or
     * tick and both insert one, and an untick could miss a tick still being written. Taken once
     * the caller may see the production: a locking find reads the row again.
     */
    private void lockForChecklistChange(UUID productionId) {
        em.find(Production.class, productionId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The producer and leads bring evidence; crew see it but leave it to them. */
    private Optional<Production> evidenceFor(UUID productionId, Actor caller) {
        Optional<Production> production = pitches.production(productionId, caller);
        if (production.isPresent() && !pitches.isLead() && !production.get().ownerId().equals(caller.id())) {
            throw new NotPermitted("Only the production's producer or a lead adds to its checklist");
        }
        return production;
    }

    private static String utf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInput("captions", "must be saved as UTF-8 text");
        }
    }
}
