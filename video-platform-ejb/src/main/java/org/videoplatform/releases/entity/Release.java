package org.videoplatform.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.platform.entity.Timestamps;

/** The release of an approved video: which cut went out, who released it and when. */
@Entity
@Table(name = "releases")
// With the production the list shows for each, in the same query.
@NamedQuery(name = Release.NEWEST_FIRST, query = "SELECT r FROM Release r JOIN FETCH r.production ORDER BY r.releasedAt DESC")
@NamedQuery(name = Release.OF_PRODUCTION, query = "SELECT r FROM Release r WHERE r.production = :production")
public class Release {

    public static final String NEWEST_FIRST = "Release.newestFirst";
    public static final String OF_PRODUCTION = "Release.ofProduction";

    @Id
    private UUID id;

    @OneToOne(optional = false)
    @JoinColumn(name = "production_id", nullable = false, updatable = false)
    private Production production;

    // The releases list shows it for every release: one query for all of them, not one each.
    @ManyToOne(optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "cut_id", nullable = false, updatable = false)
    private MediaAsset cut;

    @Column(name = "released_by", nullable = false, updatable = false)
    private String releasedBy;

    @Column(name = "released_by_name", nullable = false, updatable = false)
    private String releasedByName;

    @Column(name = "released_at", nullable = false, updatable = false)
    private OffsetDateTime releasedAt;

    protected Release() {
        // for JPA
    }

    public Release(Production production, MediaAsset approvedCut, Actor lead) {
        this.id = UUID.randomUUID();
        this.production = production;
        this.cut = approvedCut;
        this.releasedBy = lead.id();
        this.releasedByName = lead.name();
        this.releasedAt = Timestamps.now();
    }

    public UUID id() {
        return id;
    }

    public Production production() {
        return production;
    }

    public MediaAsset cut() {
        return cut;
    }

    public String releasedByName() {
        return releasedByName;
    }

    public OffsetDateTime releasedAt() {
        return releasedAt;
    }
}
