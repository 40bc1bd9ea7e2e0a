package org.videoplatform.releases.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One random salt a day, shared by every node through the database so a visitor counts once
 * whichever node answers them. Earlier days' salts are deleted as soon as a new day's is made, and
 * soon after midnight when no link is clicked: without the salt, yesterday's hashes lead back to
 * nobody; with it, trying every address and common browser would find who clicked. The table is
 * unlogged (V26), so no salt outlives its deletion in the database's logs or replicas.
 */
@Stateless
@PermitAll
public class VisitorSalts {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Days before this one have no salt any more; a node forgets the one it holds in memory. */
    public record PastDaysForgotten(LocalDate today) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<PastDaysForgotten> forgotten;

    /** Every ten minutes, so a node down at midnight does not keep yesterday's salt for long. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    public void forgetPastDays() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        forgetDaysBefore(today);
        forgotten.fire(new PastDaysForgotten(today));
    }

    private void forgetDaysBefore(LocalDate day) {
        em.createNativeQuery("DELETE FROM visitor_salts WHERE day < ?1").setParameter(1, day).executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] saltOf(LocalDate day) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery("INSERT INTO visitor_salts (day, salt) VALUES (?1, ?2) ON CONFLICT (day) DO NOTHING")
                .setParameter(1, day).setParameter(2, fresh).executeUpdate();
        forgetDaysBefore(day);
        return (byte[]) em.createNativeQuery("SELECT salt FROM visitor_salts WHERE day = ?1").setParameter(1, day).getSingleResult();
    }
}
