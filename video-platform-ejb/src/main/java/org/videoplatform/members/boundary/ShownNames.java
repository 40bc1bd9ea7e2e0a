package org.videoplatform.members.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.videoplatform.members.entity.Member;

/**
 * Members credit each other's comments, crew places and mentions by shown name alone, so a second
 * "Nadia N." would be taken for the first, and so would a "Nádia N.": no two members go by one name.
 * Names are compared as {@link Member#displayName()} shows them, in any case, spacing and accents,
 * through the same rule in SQL ({@code member_credit}, V18, and {@code search_fold}, V22).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ShownNames {

    @PersistenceContext
    EntityManager em;

    /**
     * Whether another member goes by the name this member is about to. Holds the name until the
     * caller's transaction ends, so that two members settling on it at once do not both find it free.
     */
    public boolean takenByAnother(Member member) {
        String name = member.displayName().strip().replaceAll("\\s+", " ");
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('shown name|' || search_fold(?1)))").setParameter(1, name).getResultList();
        return !em.createNativeQuery("SELECT 1 FROM members WHERE id <> ?1"
                        + " AND search_fold(regexp_replace(member_credit(full_name, display_name), '\\s+', ' ', 'g')) = search_fold(?2) LIMIT 1")
                .setParameter(1, member.id())
                .setParameter(2, name)
                .getResultList().isEmpty();
    }

    /**
     * A member who has not chosen a name goes by their first name and initial; where another member
     * already does, they go by it with the first free number after it ("Sam S. 2") until they choose one.
     * Called whenever their roster name may have changed, which the number follows.
     */
    public void numberIfTaken(Member member) {
        if (member.choseDisplayName()) {
            return;
        }
        member.goByNumber(null);
        for (int number = 2; takenByAnother(member); number++) {
            member.goByNumber(number);
        }
    }
}
