package org.videoplatform.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NotBlankInAnyScriptTest {

    record Titled(@NotBlankInAnyScript String title, List<@NotBlankInAnyScript String> names) {
    }

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static int refusals(String title) {
        return validator.validate(new Titled(title, List.of("Sam"))).size();
    }

    @Test
    void spacesOfAnyScriptAreBlankAsStripSeesThem() {
        assertEquals(1, refusals(null));
        assertEquals(1, refusals(""));
        assertEquals(1, refusals(" \t\n"));
        assertEquals(1, refusals("\u3000"), "an ideographic space");
        assertEquals(1, refusals("\u2003\u2009"), "an em space and a thin space");
        assertEquals(0, refusals(" Bus fares\u3000"));
    }

    @Test
    void checksEachTextOfAList() {
        assertEquals(1, validator.validate(new Titled("Bus fares", List.of("Sam", "\u3000"))).size());
    }
}
