package org.videoplatform.pitches.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PitchTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    private static PitchContent content(LocalDate deadline) {
        return new PitchContent("Bus fares", "Why the fare rise hurts nurses", null, "Fair fares", "Commuters",
                VideoFormat.VOX_POP, EnumSet.of(SocialPlatform.TIKTOK), 60, deadline, null);
    }

    /** A pitch brought to a state along legal moves only. */
    private static Pitch pitchIn(PitchState state) {
        Pitch pitch = new Pitch("kc-pat", "Pat Producer", content(TODAY.plusDays(10)));
        switch (state) {
            case DRAFT -> { }
            case SUBMITTED -> pitch.submit(TODAY);
            case IN_DISCUSSION -> { pitch.submit(TODAY); pitch.openDiscussion(); }
            case GREENLIT -> { pitch.submit(TODAY); pitch.greenlight(null); }
            case DECLINED -> { pitch.submit(TODAY); pitch.decline("not now"); }
            case WITHDRAWN -> pitch.withdraw();
        }
        assertEquals(state, pitch.state());
        return pitch;
    }

    /** Each move a caller can ask for, by the state it leads to. */
    private static final Map<PitchState, Consumer<Pitch>> MOVES = Map.of(
            PitchState.DRAFT, Pitch::revise,
            PitchState.SUBMITTED, pitch -> pitch.submit(TODAY),
            PitchState.IN_DISCUSSION, Pitch::openDiscussion,
            PitchState.GREENLIT, pitch -> pitch.greenlight(null),
            PitchState.DECLINED, pitch -> pitch.decline("feedback"),
            PitchState.WITHDRAWN, Pitch::withdraw);

    @ParameterizedTest
    @EnumSource(PitchState.class)
    void everyLegalMoveIsAllowedAndEveryOtherRefusedNamingTheAllowedOnes(PitchState from) {
        for (PitchState to : PitchState.values()) {
            Pitch pitch = pitchIn(from);
            if (from.canMoveTo(to)) {
                MOVES.get(to).accept(pitch);
                assertEquals(to, pitch.state(), from + " -> " + to);
            } else {
                PitchTransitionRefused refused = assertThrows(PitchTransitionRefused.class, () -> MOVES.get(to).accept(pitch),
                        from + " -> " + to);
                assertEquals(from.next(), refused.allowed());
                assertEquals(from, pitch.state(), "a refused move changes nothing");
            }
        }
    }

    @Test
    void theLifecycleIsTheOneTheLeadAndProducersAgreedOn() {
        assertEquals(EnumSet.of(PitchState.SUBMITTED, PitchState.WITHDRAWN), PitchState.DRAFT.next());
        assertEquals(EnumSet.of(PitchState.IN_DISCUSSION, PitchState.GREENLIT, PitchState.DECLINED, PitchState.WITHDRAWN),
                PitchState.SUBMITTED.next());
        assertEquals(EnumSet.of(PitchState.DRAFT), PitchState.DECLINED.next());
        assertTrue(PitchState.GREENLIT.next().isEmpty());
        assertTrue(PitchState.WITHDRAWN.next().isEmpty());
    }

    @Test
    void greenlightingMakesAProductionOfThePitch() {
        Pitch pitch = pitchIn(PitchState.SUBMITTED);
        Production production = pitch.greenlight(" Film it before the council vote ");
        assertEquals("Film it before the council vote", pitch.feedback(), "the lead's note, for the producer");
        assertEquals(pitch.id(), production.pitchId());
        assertEquals("Bus fares", production.title());
        assertEquals("kc-pat", production.ownerId());
    }

    @Test
    void decliningNeedsFeedbackWhichTheProducerKeepsWhileRevising() {
        Pitch pitch = pitchIn(PitchState.IN_DISCUSSION);
        InvalidPitch missing = assertThrows(InvalidPitch.class, () -> pitch.decline("  "));
        assertEquals("reason", missing.field(), "as the request names it");

        pitch.decline("Too close to last week's video");
        pitch.revise();
        assertEquals("Too close to last week's video", pitch.feedback());
        pitch.submit(TODAY);
        assertEquals(PitchState.SUBMITTED, pitch.state());
    }

    @Test
    void aPitchWhoseDeadlineHasPassedCannotBeSubmitted() {
        Pitch pitch = new Pitch("kc-pat", "Pat Producer", content(TODAY.minusDays(1)));
        InvalidPitch refused = assertThrows(InvalidPitch.class, () -> pitch.submit(TODAY));
        assertEquals("deadline", refused.field());
        assertEquals(PitchState.DRAFT, pitch.state());

        Pitch today = new Pitch("kc-pat", "Pat Producer", content(TODAY));
        today.submit(TODAY);
        assertEquals(PitchState.SUBMITTED, today.state());
    }

    @Test
    void onlyDraftsCanBeEdited() {
        Pitch draft = pitchIn(PitchState.DRAFT);
        draft.edit(content(null));
        assertNull(draft.content().deadline());

        Pitch submitted = pitchIn(PitchState.SUBMITTED);
        assertThrows(PitchTransitionRefused.class, () -> submitted.edit(content(null)));
        assertNotNull(submitted.content().deadline());
    }

    @Test
    void aDirectProductionHasNoPitch() {
        Production production = Production.direct("Finished piece", "kc-pat", "Pat Producer");
        assertNull(production.pitchId());
    }
}
