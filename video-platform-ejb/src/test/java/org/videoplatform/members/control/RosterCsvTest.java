package org.videoplatform.members.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.videoplatform.members.entity.RosterStatus;

class RosterCsvTest {

    private static ParsedRoster parse(String text) {
        return RosterCsv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> numbers(ParsedRoster roster) {
        return roster.rows().stream().map(RosterRow::membershipNumber).toList();
    }

    @Test
    void readsAPlainExport() {
        ParsedRoster roster = parse("""
                Membership number,Full name,Email,Postcode,Status
                A1001,Amira Khan,amira@example.org,SW1A 1AA,active
                A1002,Ben Ó Briain,ben@example.org,M1 1AE,lapsed
                """);

        assertEquals(List.of("A1001", "A1002"), numbers(roster));
        RosterRow ben = roster.rows().get(1);
        assertEquals("Ben Ó Briain", ben.fullName());
        assertEquals(RosterStatus.LAPSED, ben.status());
        assertEquals(3, ben.line());
        assertTrue(roster.problems().isEmpty());
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreHandled() {
        ParsedRoster roster = parse("\uFEFFmembership_number,name,email,postcode,status\r\nA1,Amira Khan,,,Active\r\n");

        assertEquals(List.of("A1"), numbers(roster));
        assertEquals(RosterStatus.ACTIVE, roster.rows().get(0).status());
    }

    @Test
    void columnsAreFoundByHeaderInAnyOrder() {
        ParsedRoster roster = parse("""
                STATUS,E-mail address,Post code,Name,Member No.
                active,AMIRA@Example.org,sw1a 1aa,Amira Khan,a1
                """);

        RosterRow amira = roster.rows().get(0);
        assertEquals("A1", amira.membershipNumber());
        assertEquals("amira@example.org", amira.email());
        assertEquals("SW1A 1AA", amira.postcode());
    }

    @Test
    void sayWhichOptionalColumnsTheFileHas() {
        ParsedRoster withoutEither = parse("number,name,status\nA1,Amira Khan,active\n");
        ParsedRoster withEmails = parse("number,name,status,email\nA1,Amira Khan,active,\n");

        assertFalse(withoutEither.hasEmails());
        assertFalse(withoutEither.hasPostcodes());
        assertTrue(withEmails.hasEmails());
        assertFalse(withEmails.hasPostcodes());
    }

    @Test
    void quotedFieldsKeepTheirCommasAndLineBreaksAndLinesAreCountedAsInAnEditor() {
        ParsedRoster roster = parse("""
                number,name,email,postcode,status
                A1,"Khan, Amira",a@example.org,,active
                A2,"Ben
                Ó Briain",b@example.org,,active
                A3,,c@example.org,,active
                """);

        assertEquals("Khan, Amira", roster.rows().get(0).fullName());
        assertEquals("Ben Ó Briain", roster.rows().get(1).fullName(), "a line break inside a name is a space");
        assertEquals(List.of(new RosterLineProblem(5, "the full name is missing")), roster.problems());
    }

    @Test
    void blankLinesAreSkipped() {
        ParsedRoster roster = parse("number,name,status\n\nA1,Amira Khan,active\n,,\n\nA2,Ben Ó Briain,active\n");

        assertEquals(List.of("A1", "A2"), numbers(roster));
        assertTrue(roster.problems().isEmpty());
    }

    /** An admin opens the file at the line named: blank lines before it count, whatever the line ends. */
    @Test
    void aProblemAfterBlankLinesNamesItsOwnLine() {
        ParsedRoster unixEnds = parse("number,name,status\nA1,Amira Khan,active\n\n\nA2,,active\n");
        ParsedRoster windowsEnds = parse("number,name,status\r\nA1,Amira Khan,active\r\n\r\nA1,Someone Else,active\r\n");

        assertEquals(5, unixEnds.problems().get(0).line());
        assertEquals(4, windowsEnds.problems().get(0).line());
    }

    @Test
    void repeatedRowsCountOnceAndConflictingRepeatsAreReported() {
        ParsedRoster roster = parse("""
                number,name,status
                A1,Amira Khan,active
                A1,Amira Khan,active
                A1,Someone Else,active
                """);

        assertEquals(List.of("A1"), numbers(roster));
        assertEquals(1, roster.duplicateRows());
        assertEquals(1, roster.problems().size());
        assertEquals(4, roster.problems().get(0).line());
        assertTrue(roster.problems().get(0).reason().contains("line 2"), roster.problems().get(0).reason());
    }

    @Test
    void badRowsAreReportedWithTheirLineAndGoodRowsKept() {
        ParsedRoster roster = parse("""
                number,name,email,status
                A1,Amira Khan,amira@example.org,active
                ,No Number,x@example.org,active
                A3,Bad Mail,not-an-address,active
                A4,Odd Status,,honorary
                A5,No Status,,
                A6,Ben Ó Briain,,lapsed
                """);

        assertEquals(List.of("A1", "A6"), numbers(roster));
        assertEquals(List.of(
                new RosterLineProblem(3, "the membership number is missing"),
                new RosterLineProblem(4, "\"not-an-address\" is not an email address"),
                new RosterLineProblem(5, "the status \"honorary\" is not one of active, lapsed, suspended, resigned, expelled"),
                new RosterLineProblem(6, "the status is missing")), roster.problems());
    }

    @Test
    void fileWithoutTheRequiredColumnsIsRejectedNamingThem() {
        RosterFileRejected rejected = assertThrows(RosterFileRejected.class, () -> parse("name,email\nAmira,a@example.org\n"));
        assertTrue(rejected.getMessage().contains("membership number, status"), rejected.getMessage());
    }

    @Test
    void fileThatIsNotUtf8IsRejected() {
        byte[] latin1 = "number,name,status\nA1,Bén,active\n".getBytes(StandardCharsets.ISO_8859_1);
        RosterFileRejected rejected = assertThrows(RosterFileRejected.class, () -> RosterCsv.parse(latin1));
        assertTrue(rejected.getMessage().contains("UTF-8"));
    }

    @Test
    void emptyFileIsRejected() {
        assertThrows(RosterFileRejected.class, () -> parse(""));
    }

    @Test
    void unterminatedQuoteIsRejectedAsInvalidCsv() {
        RosterFileRejected rejected = assertThrows(RosterFileRejected.class,
                () -> parse("number,name,status\nA1,\"Amira Khan,active\n"));
        assertTrue(rejected.getMessage().startsWith("The file is not valid CSV"), rejected.getMessage());
    }

    @Test
    void strayQuoteIsRejectedNamingTheLineNotTheParser() {
        RosterFileRejected rejected = assertThrows(RosterFileRejected.class,
                () -> parse("number,name,email,status\n1234,\"Smith, Jo\" Jr,jo@example.org,active\n"));
        assertTrue(rejected.getMessage().startsWith("The file is not valid CSV"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("line"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("org.apache"), rejected.getMessage());
    }

    @Test
    void aCellWithTheNulCharacterIsALineProblemNotAFailedImport() {
        ParsedRoster parsed = parse("number,name,email,status\n1,Amira Khan,a@example.org,active\n2,Bo\0b,b@example.org,active\n");
        assertEquals(1, parsed.rows().size());
        assertEquals(3, parsed.problems().get(0).line());
        assertTrue(parsed.problems().get(0).reason().contains("NUL"), parsed.problems().toString());
    }
}
