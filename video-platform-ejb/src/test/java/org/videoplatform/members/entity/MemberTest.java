package org.videoplatform.members.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MemberTest {

    private static Member named(String fullName) {
        return new Member("someone@example.org", fullName, null);
    }

    @Test
    void withoutAChosenNameOthersSeeTheFirstNameAndTheLastInitial() {
        assertEquals("Amira K.", named("Amira Khan").displayName());
        assertEquals("Zoë B.", named(" Zoë  María Ó Briain ").displayName());
        assertEquals("Élodie Á.", named("Élodie Ávila").displayName());
        assertEquals("Jean-Luc C.", named("Jean-Luc de la Cruz").displayName());
        assertEquals("Ngozi", named("Ngozi").displayName());
    }

    @Test
    void aChosenNameIsShownAsChosen() {
        Member member = named("Amira Khan");
        member.describe(" Mira ", null, Set.of(), null, List.of());
        assertEquals("Mira", member.displayName());
        member.describe(" ", null, Set.of(), null, List.of());
        assertEquals("Amira K.", member.displayName(), "a name cleared is a name not chosen");
    }

    @Test
    void aNumberThePlatformGaveIsNotAChosenNameAndAnEmptyBoxKeepsIt() {
        Member member = named("Sam Smith");
        member.goByNumber(2);
        assertEquals("Sam S. 2", member.displayName());
        assertFalse(member.choseDisplayName());
        member.describe("", null, Set.of(), null, List.of());
        assertEquals("Sam S. 2", member.displayName(), "without its number the name is another member's");
        member.describe("Sammy", null, Set.of(), null, List.of());
        assertTrue(member.choseDisplayName());
        member.describe("", null, Set.of(), null, List.of());
        assertEquals("Sam S.", member.displayName(), "cleared, a chosen name leaves the first name and initial, for the platform to number");
    }

    @Test
    void portfolioLinksTypedOnAPhoneKeepTheirAddressWithTheSchemeInLowerCase() {
        Member member = named("Amira Khan");
        member.describe(null, null, Set.of(), null, List.of(" Https://Vimeo.com/AmiraK ", "HTTP://example.org/reel", ""));
        assertEquals(List.of("https://Vimeo.com/AmiraK", "http://example.org/reel"), member.portfolioLinks());
    }

    @Test
    void aWordMixingAlphabetsIsTold() {
        assertTrue(Member.mixesAlphabetsInOneWord("Lee L\u0435ad"), "a Cyrillic e in a Latin word");
        assertTrue(Member.mixesAlphabetsInOneWord("\u0391da Okafor"), "a Greek capital alpha");
        assertFalse(Member.mixesAlphabetsInOneWord("Ivo Петров"), "a Latin word and a Cyrillic word");
        assertFalse(Member.mixesAlphabetsInOneWord("José-Ángel O'Brien (camera) 2"));
        assertFalse(Member.mixesAlphabetsInOneWord("山田はなこ"), "Japanese names mix Han and kana");
        assertFalse(Member.mixesAlphabetsInOneWord("A子"), "Latin letters stand with East Asian ones in real names");
    }
}
