package org.videoplatform.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.platform.entity.NullableUuid;
import org.videoplatform.platform.entity.Timestamps;

/** A lead's word that a checklist item holds for a production: who gave it and when. */
@Entity
@Table(name = "checklist_ticks")
@NamedQuery(name = ChecklistTick.OF_PRODUCTION, query = "SELECT t FROM ChecklistTick t WHERE t.productionId = :production")
@NamedQuery(name = ChecklistTick.UNTICK, query = "DELETE FROM ChecklistTick t WHERE t.productionId = :production AND t.itemId = :item")
public class ChecklistTick {

    public static final String OF_PRODUCTION = "ChecklistTick.ofProduction";
    public static final String UNTICK = "ChecklistTick.untick";

    @Id
    private UUID id;

    @Column(name = "production_id", nullable = false, updatable = false)
    private UUID productionId;

    @Column(name = "item_id", nullable = false, updatable = false)
    private UUID itemId;

    /** The cut in review when the lead ticked; none if no cut had been submitted. */
    @Convert(converter = NullableUuid.class)
    @Column(name = "cut_id", updatable = false)
    private UUID cutId;

    @Column(name = "ticked_by", nullable = false)
    private String tickedBy;

    @Column(name = "ticked_by_name", nullable = false)
    private String tickedByName;

    @Column(name = "ticked_at", nullable = false)
    private OffsetDateTime tickedAt;

    protected ChecklistTick() {
        // for JPA
    }

    public ChecklistTick(UUID productionId, UUID itemId, UUID cutId, Actor lead) {
        this.id = UUID.randomUUID();
        this.productionId = productionId;
        this.itemId = itemId;
        this.cutId = cutId;
        this.tickedBy = lead.id();
        this.tickedByName = lead.name();
        this.tickedAt = Timestamps.now();
    }

    public UUID itemId() {
        return itemId;
    }

    public UUID cutId() {
        return cutId;
    }

    public String tickedByName() {
        return tickedByName;
    }

    public OffsetDateTime tickedAt() {
        return tickedAt;
    }
}
