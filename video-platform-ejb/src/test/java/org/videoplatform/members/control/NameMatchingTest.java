package org.videoplatform.members.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NameMatchingTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
            "Amira Khan        | amira khan",
            "  Amira   Khan    | Amira Khan",
            "Zoë Díaz          | Zoe Diaz",
            "Ben Ó Briain      | Ben O'Briain",
            "Seán O'Brien      | Sean OBrien",
            "Khan, Amira       | Amira Khan",
            "Khan Amira        | Amira Khan",
            "A. Khan           | Amira Khan",
            "A Khan            | Amira Khan",
            "Amira Khan        | Amira Noor Khan",
            "Amira Kahn        | Amira Khan",
            "Amira Khann       | Amira Khan",
            "Amria Khan        | Amira Khan",
            "Mary-Jane Watson  | Mary Jane Watson",
    })
    void namesThatALeadWouldTakeForTheSamePerson(String given, String onRoster) {
        assertTrue(NameMatching.sameName(given, onRoster));
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', value = {
            "Amira Khan        | Amina Kahn",
            "Amira Khan        | Amira Patel",
            "B. Khan           | Amira Khan",
            "A. K.             | Amira Khan",
            "Amira             | Amira Noor Khan",
            "Ben Ng            | Ben Ny",
            "Amira Khan        | ''",
    })
    void namesThatAreSomeoneElse(String given, String onRoster) {
        assertFalse(NameMatching.sameName(given, onRoster));
    }

    @Test
    void foldingRemovesCaseAccentsAndPunctuation() {
        assertEquals("jose maria o neill", NameMatching.fold("  José-María O'Neill "));
        assertEquals("lukasz dorde oyvind", NameMatching.fold("Łukasz Đorđe Øyvind"), "letters with a stroke, which have no accent to remove");
    }

    @Test
    void rosterIsSearchedByTheNamesNotTheInitials() {
        assertEquals(List.of("khan", "amira"), NameMatching.searchTokens("A. Khan, Amira"));
        assertEquals(List.of("li", "na"), NameMatching.searchTokens("Li Na"), "a name of short words only");
        assertEquals(List.of(), NameMatching.searchTokens("A. B."));
    }

    @Test
    void slipsAreOneEditApart() {
        assertTrue(NameMatching.oneSlipApart("khan", "kahn"));
        assertTrue(NameMatching.oneSlipApart("khan", "khann"));
        assertTrue(NameMatching.oneSlipApart("khan", "khan"));
        assertFalse(NameMatching.oneSlipApart("khan", "kahnn"));
    }

    @Test
    void postcodesMatchWhateverTheirCaseAndSpacing() {
        assertTrue(NameMatching.samePostcode(" sw1a   1aa ", "SW1A 1AA"));
        assertTrue(NameMatching.samePostcode("SW1A1AA", "SW1A 1AA"), "written without its space at the door");
        assertTrue(NameMatching.samePostcode("75 011", "75011"));
        assertFalse(NameMatching.samePostcode("SW1A 1AB", "SW1A 1AA"));
        assertFalse(NameMatching.samePostcode(" ", null), "no postcode matches nothing");
    }
}
