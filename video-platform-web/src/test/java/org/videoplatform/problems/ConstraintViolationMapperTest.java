package org.videoplatform.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConstraintViolationMapperTest {

    record CrewNeed(@NotBlank String skill) {
    }

    record Draft(@NotBlank String title, @Size(max = 200) String logline, List<@Valid CrewNeed> crew) {
    }

    static class DraftsResource {
        @SuppressWarnings("unused")
        void submit(@Valid Draft draft, @Max(500) int limit) {
        }
    }

    private static jakarta.validation.ValidatorFactory factory;
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

    private static Problem problemFor(Draft draft, int limit) throws NoSuchMethodException {
        Method submit = DraftsResource.class.getDeclaredMethod("submit", Draft.class, int.class);
        var violations = validator.forExecutables().validateParameters(new DraftsResource(), submit, new Object[] {draft, limit});
        return ConstraintViolationMapper.problem(new ConstraintViolationException(violations), "/api/drafts");
    }

    @Test
    void fieldsAreNamedAsTheClientSentThemWithoutMethodOrParameter() throws Exception {
        Problem problem = problemFor(new Draft(" ", "x".repeat(201), List.of()), 10);

        assertEquals(400, problem.status());
        assertEquals(List.of("logline", "title"), problem.errors().stream().map(Problem.FieldError::field).toList());
        assertEquals("2 fields are invalid.", problem.detail());
    }

    @Test
    void nestedFieldsCarryTheirIndex() throws Exception {
        Problem problem = problemFor(new Draft("Bus fares", null, List.of(new CrewNeed("camera"), new CrewNeed(""))), 10);

        assertEquals(List.of("crew[1].skill"), problem.errors().stream().map(Problem.FieldError::field).toList());
        assertEquals("The field crew[1].skill must not be blank.", problem.detail());
    }

    @Test
    void aQueryParameterIsNamedByTheParameter() throws Exception {
        Problem problem = problemFor(new Draft("Bus fares", null, List.of()), 501);

        assertEquals("limit", problem.errors().get(0).field());
    }
}
