package org.videoplatform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBTransactionRequiredException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.PlatformEar;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;

/** EclipseLink on PostgreSQL through the real boundary: entries live and die with their transaction. */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(AuditTrailIT.class.getPackage());
    }

    @Inject
    AuditTrail trail;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    private static AuditEntry anEntry(String reason) {
        return new AuditEntry(new Actor("kc-lead", "Lee Lead"), "member.vetted", "member", UUID.randomUUID().toString(), reason);
    }

    @Test
    void entryRecordedInACommittedTransactionIsKept() throws Exception {
        AuditEntry entry = anEntry("known to the branch secretary");
        transaction.begin();
        trail.record(entry);
        transaction.commit();

        AuditEntry stored = em.find(AuditEntry.class, entry.id());
        assertNotNull(stored);
        assertEquals("known to the branch secretary", stored.reason());
        assertEquals("Lee Lead", stored.actor().name());
        assertEquals(entry.occurredAt().toInstant(), stored.occurredAt().toInstant());
    }

    @Test
    void entryRecordedInARolledBackTransactionVanishes() throws Exception {
        AuditEntry entry = anEntry("decision that was then abandoned");
        transaction.begin();
        trail.record(entry);
        transaction.rollback();

        assertNull(em.find(AuditEntry.class, entry.id()));
    }

    @Test
    void recordingOutsideADecisionsTransactionIsRefused() {
        AuditEntry entry = anEntry(null);
        assertThrows(EJBTransactionRequiredException.class, () -> trail.record(entry));
        assertNull(em.find(AuditEntry.class, entry.id()));
    }
}
