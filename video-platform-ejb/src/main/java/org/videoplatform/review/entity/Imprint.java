package org.videoplatform.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.Timestamps;

/**
 * The digital imprint UK election law asks of campaign material: the name and address of who
 * promoted it, and of anyone on whose behalf it was published. Without one a video cannot go out.
 */
@Entity
@Table(name = "production_imprints")
public class Imprint {

    static final int MAX_FIELD = 500;

    @Id
    @Column(name = "production_id")
    private UUID productionId;

    @Column(nullable = false)
    private String promoter;

    @Column(name = "promoter_address", nullable = false)
    private String promoterAddress;

    @Column(name = "on_behalf_of")
    private String onBehalfOf;

    @Column(name = "on_behalf_address")
    private String onBehalfAddress;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_by_id")
    private String updatedById;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Imprint() {
        // for JPA
    }

    public Imprint(UUID productionId) {
        this.productionId = productionId;
    }

    /** Someone on whose behalf it is published needs an address as much as the promoter does. */
    public void write(String promoter, String promoterAddress, String onBehalfOf, String onBehalfAddress, Actor by) {
        this.promoter = required("promoter", promoter);
        this.promoterAddress = required("promoterAddress", promoterAddress);
        this.onBehalfOf = optional("onBehalfOf", onBehalfOf);
        this.onBehalfAddress = optional("onBehalfAddress", onBehalfAddress);
        if ((this.onBehalfOf == null) != (this.onBehalfAddress == null)) {
            throw new InvalidInput(this.onBehalfOf == null ? "onBehalfOf" : "onBehalfAddress",
                    "must be given together: whoever the video is published for, and their address");
        }
        this.updatedBy = by.name();
        this.updatedById = by.id();
        this.updatedAt = Timestamps.now();
    }

    /** Whether writing these would leave it as it is. */
    public boolean says(String promoter, String promoterAddress, String onBehalfOf, String onBehalfAddress) {
        return Objects.equals(this.promoter, optional("promoter", promoter)) && Objects.equals(this.promoterAddress,
                optional("promoterAddress", promoterAddress)) && Objects.equals(this.onBehalfOf, optional("onBehalfOf", onBehalfOf))
                && Objects.equals(this.onBehalfAddress, optional("onBehalfAddress", onBehalfAddress));
    }

    private static String required(String field, String value) {
        String text = optional(field, value);
        if (text == null) {
            throw new InvalidInput(field, "is required in an imprint");
        }
        return text;
    }

    private static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_FIELD) {
            throw new InvalidInput(field, "must have at most " + MAX_FIELD + " characters");
        }
        return value.strip();
    }

    /** As it is shown at the end of the video or in the post: "Promoted by … on behalf of …". */
    public String text() {
        return "Promoted by " + promoter + ", " + promoterAddress + (onBehalfOf == null ? "" : ", on behalf of " + onBehalfOf + ", " + onBehalfAddress) + ".";
    }

    public String promoter() {
        return promoter;
    }

    public String promoterAddress() {
        return promoterAddress;
    }

    public String onBehalfOf() {
        return onBehalfOf;
    }

    public String onBehalfAddress() {
        return onBehalfAddress;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
