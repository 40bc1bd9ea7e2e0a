package org.videoplatform.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.Timestamps;

/**
 * Something that must be true of a video before it goes out, as admins configure it. Items are
 * retired, never deleted, so the record of what was checked on past productions keeps its names.
 */
@Entity
@Table(name = "checklist_items")
@NamedQuery(name = ChecklistItem.IN_USE, query = "SELECT i FROM ChecklistItem i WHERE i.retiredAt IS NULL ORDER BY i.position, i.createdAt")
@NamedQuery(name = ChecklistItem.ALL, query = "SELECT i FROM ChecklistItem i ORDER BY i.retiredAt NULLS FIRST, i.position, i.createdAt")
@NamedQuery(name = ChecklistItem.LAST_POSITION, query = "SELECT MAX(i.position) FROM ChecklistItem i")
public class ChecklistItem {

    public static final String IN_USE = "ChecklistItem.inUse";
    public static final String ALL = "ChecklistItem.all";
    public static final String LAST_POSITION = "ChecklistItem.lastPosition";

    static final int MAX_TITLE = 200;
    static final int MAX_GUIDANCE = 2000;

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ChecklistKind kind;

    @Column(nullable = false)
    private String title;

    private String guidance;

    @Column(nullable = false)
    private boolean required;

    @Column(nullable = false)
    private int position;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected ChecklistItem() {
        // for JPA
    }

    /** A check a lead makes by looking; the built-in kinds come with the platform. */
    public ChecklistItem(String title, String guidance, boolean required, int position) {
        this.id = UUID.randomUUID();
        this.kind = ChecklistKind.MANUAL;
        this.position = position;
        this.createdAt = Timestamps.now();
        describe(title, guidance, required);
    }

    public void describe(String title, String guidance, boolean required) {
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > MAX_TITLE) {
            throw new InvalidInput("title", "must have between 1 and " + MAX_TITLE + " characters");
        }
        if (guidance != null && guidance.length() > MAX_GUIDANCE) {
            throw new InvalidInput("guidance", "must have at most " + MAX_GUIDANCE + " characters");
        }
        this.title = name;
        this.guidance = guidance == null || guidance.isBlank() ? null : guidance.strip();
        this.required = required;
    }

    public void retire() {
        if (retiredAt == null) {
            retiredAt = Timestamps.now();
        }
    }

    public void reinstate() {
        retiredAt = null;
    }

    public UUID id() {
        return id;
    }

    public ChecklistKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public String guidance() {
        return guidance;
    }

    public boolean required() {
        return required;
    }

    public int position() {
        return position;
    }

    public OffsetDateTime retiredAt() {
        return retiredAt;
    }
}
