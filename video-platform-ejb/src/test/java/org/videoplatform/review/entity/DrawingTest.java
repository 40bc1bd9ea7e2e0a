package org.videoplatform.review.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.videoplatform.platform.entity.InvalidInput;

class DrawingTest {

    @Test
    void keepsShapesInFractionsOfThePictureAndDropsAnythingElse() {
        String drawn = Drawing.checked("""
                [{"kind":"arrow","color":"#FF0000","points":[[0.1,0.2],[0.5,0.5]],"script":"alert(1)"},
                 {"kind":"freehand","points":[[0,0],[0.25,0.5],[1,1]]}]""");
        assertEquals("[{\"kind\":\"arrow\",\"color\":\"#ff0000\",\"points\":[[0.1,0.2],[0.5,0.5]]},"
                + "{\"kind\":\"freehand\",\"color\":\"#ffcc00\",\"points\":[[0.0,0.0],[0.25,0.5],[1.0,1.0]]}]", drawn);
    }

    @Test
    void noDrawingIsNull() {
        assertNull(Drawing.checked(null));
        assertNull(Drawing.checked(" "));
        assertNull(Drawing.checked("[]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"kind\":\"arrow\"}",
        "[{\"kind\":\"circle\",\"points\":[[0,0],[1,1]]}]",
        "[{\"kind\":\"rectangle\",\"points\":[[0,0]]}]",
        "[{\"kind\":\"arrow\",\"points\":[[0,0],[1,1],[0.5,0.5]]}]",
        "[{\"kind\":\"arrow\",\"points\":[[0,0],[1.5,1]]}]",
        "[{\"kind\":\"arrow\",\"points\":[[0,0],[\"a\",1]]}]",
        "[{\"kind\":\"arrow\",\"color\":\"red\",\"points\":[[0,0],[1,1]]}]",
        "not json"})
    void refusesWhatCannotBeRedrawn(String json) {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> Drawing.checked(json));
        assertEquals("drawing", refused.field());
    }

    @Test
    void namesTheShapeThatIsWrong() {
        InvalidInput refused = assertThrows(InvalidInput.class, () -> Drawing.checked(
                "[{\"kind\":\"arrow\",\"points\":[[0,0],[1,1]]},{\"kind\":\"rectangle\",\"points\":[[0,0],[2,1]]}]"));
        assertTrue(refused.getMessage().startsWith("shape 2 "), refused.getMessage());
    }
}
