package org.videoplatform.platform.boundary;

import java.util.Map;

/** Whether one service this node depends on answers, with what an operator needs to see why not. */
public record ReadinessCheck(String name, boolean up, Map<String, String> details) {

    static ReadinessCheck up(String name, Map<String, String> details) {
        return new ReadinessCheck(name, true, Map.copyOf(details));
    }

    static ReadinessCheck down(String name, String error) {
        return new ReadinessCheck(name, false, Map.of("error", String.valueOf(error)));
    }
}
