package org.videoplatform.members.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void portfolioLinksTypedOnAPhoneKeepTheirAddressWithTheSchemeInLowerCase() {
        Member member = named("Amira Khan");
        member.describe(null, null, Set.of(), null, List.of(" Https://Vimeo.com/AmiraK ", "HTTP://example.org/reel", ""));
        assertEquals(List.of("https://Vimeo.com/AmiraK", "http://example.org/reel"), member.portfolioLinks());
    }
}
