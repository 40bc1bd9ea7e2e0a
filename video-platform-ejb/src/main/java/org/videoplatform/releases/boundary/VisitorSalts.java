package org.videoplatform.releases.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.LocalDate;

/**
 * One random salt a day, shared by every node through the database so a visitor counts once
 * whichever node answers them. Earlier days' salts are deleted as soon as a new day's is made:
 * without the salt, yesterday's hashes lead back to nobody.
 */
@Stateless
@PermitAll
public class VisitorSalts {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] saltOf(LocalDate day) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        em.createNativeQuery("INSERT INTO visitor_salts (day, salt) VALUES (?1, ?2) ON CONFLICT (day) DO NOTHING")
                .setParameter(1, day).setParameter(2, fresh).executeUpdate();
        em.createNativeQuery("DELETE FROM visitor_salts WHERE day < ?1").setParameter(1, day).executeUpdate();
        return (byte[]) em.createNativeQuery("SELECT salt FROM visitor_salts WHERE day = ?1").setParameter(1, day).getSingleResult();
    }
}
