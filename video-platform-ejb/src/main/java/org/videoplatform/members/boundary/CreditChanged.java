package org.videoplatform.members.boundary;

import jakarta.persistence.EntityManager;

/**
 * The name a member is credited by changed: they chose another one to be shown by, or their
 * personal data was erased. Pitches, comments, crew places and links copy the name they were made
 * under, so that lists read without a lookup per row; every copy is rewritten in the same
 * transaction, or the change fails whole. The audit trail keeps the name of its time.
 *
 * @param accountId the identity-provider id the member's records carry
 * @param credit the name to show from now on
 */
public record CreditChanged(String accountId, String credit) {

    /**
     * Runs each update with the new credit as {@code ?1} and the account id as {@code ?2}. Native
     * SQL, because a JPQL bulk update raises the rows' versions, and someone editing a pitch at that
     * moment would be told that somebody else had changed it.
     */
    public void rewrite(EntityManager em, String... updates) {
        for (String update : updates) {
            em.createNativeQuery(update).setParameter(1, credit).setParameter(2, accountId).executeUpdate();
        }
    }
}
