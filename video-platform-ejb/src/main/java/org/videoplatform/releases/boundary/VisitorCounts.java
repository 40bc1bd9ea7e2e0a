package org.videoplatform.releases.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns the visitor hashes of days long past into a count per link and day. A day's hashes are
 * only needed to tell that day's visitors apart; a node that was down folds its click log late,
 * so days are kept apart for a week (configurable) before they become a number.
 */
@Stateless
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class VisitorCounts {

    private static final Logger LOG = Logger.getLogger(VisitorCounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    @ConfigProperty(name = "vp.share.visitors-told-apart-for", defaultValue = "P7D")
    Duration toldApartFor;

    @Schedule(hour = "3", minute = "17", persistent = false)
    public void countEveryNight() {
        int rows = countLongPastDays();
        LOG.info(() -> "Counted and removed " + rows + " visitor hashes of days past");
    }

    /**
     * A day at a time, each in a transaction of its own: the first night may meet months of visitors.
     *
     * @return how many visitor rows became counts
     */
    public int countLongPastDays() {
        List<?> days = em.createNativeQuery("SELECT DISTINCT day FROM share_link_visitors WHERE day < ?1 ORDER BY day")
                .setParameter(1, LocalDate.now(ZoneOffset.UTC).minusDays(toldApartFor.toDays())).getResultList();
        int rows = 0;
        for (Object day : days) {
            rows += countDay(((Date) day).toLocalDate());
        }
        return rows;
    }

    /** Every node runs this; the rows one deletes are gone for the others, so none counts twice. */
    private int countDay(LocalDate day) {
        try {
            transaction.begin();
            int rows = ((Number) em.createNativeQuery("WITH gone AS (DELETE FROM share_link_visitors WHERE day = ?1 RETURNING code, day), "
                            + "counted AS (INSERT INTO share_link_days (code, day, clicks, visitors) "
                            + "SELECT code, day, 0, COUNT(*) FROM gone GROUP BY code, day "
                            + "ON CONFLICT (code, day) DO UPDATE SET visitors = share_link_days.visitors + EXCLUDED.visitors) "
                            + "SELECT COUNT(*) FROM gone")
                    .setParameter(1, day).getSingleResult()).intValue();
            transaction.commit();
            return rows;
        } catch (Exception e) {
            try {
                transaction.rollback();
            } catch (Exception rollback) {
                e.addSuppressed(rollback);
            }
            throw new IllegalStateException("Could not count the visitors of " + day, e);
        }
    }
}
