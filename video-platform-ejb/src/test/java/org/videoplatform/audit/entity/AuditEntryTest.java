package org.videoplatform.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Actor LEAD = new Actor("kc-123", "Lee Lead");

    @Test
    void everyEntryGetsItsOwnUnguessableId() {
        var first = new AuditEntry(LEAD, "member.vetted", "member", "m-1", "known to the branch");
        var second = new AuditEntry(LEAD, "member.vetted", "member", "m-1", "known to the branch");
        assertNotEquals(first.id(), second.id());
        assertEquals(4, first.id().version(), "random UUIDs, not a sequence");
    }

    @Test
    void blankReasonIsStoredAsNoReason() {
        var entry = new AuditEntry(LEAD, "pitch.greenlit", "pitch", "p-1", "   ");
        assertNull(entry.reason());
    }

    @Test
    void reasonIsKeptInTheActorsWordsWithoutSurroundingSpace() {
        var entry = new AuditEntry(LEAD, "member.declined", "member", "m-2", "  not on the roster \n");
        assertEquals("not on the roster", entry.reason());
    }

    @Test
    void anEntryNeedsAnActionAndASubject() {
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry(LEAD, " ", "member", "m-1", null));
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry(LEAD, "member.vetted", null, "m-1", null));
        assertThrows(IllegalArgumentException.class, () -> new AuditEntry(LEAD, "member.vetted", "member", "", null));
    }

    @Test
    void actorWithoutNameIsShownByItsId() {
        assertEquals("kc-9", new Actor("kc-9", null).name());
        assertThrows(IllegalArgumentException.class, () -> new Actor(" ", "Someone"));
    }
}
