package org.videoplatform.review.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Someone of the production's team a comment calls on; they are notified. */
@Embeddable
public class Mention {

    @Column(name = "account_id", nullable = false)
    private String accountId;

    @Column(nullable = false)
    private String name;

    protected Mention() {
        // for JPA
    }

    public Mention(String accountId, String name) {
        this.accountId = accountId;
        this.name = name;
    }

    public String accountId() {
        return accountId;
    }

    public String name() {
        return name;
    }
}
