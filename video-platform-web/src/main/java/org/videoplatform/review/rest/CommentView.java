package org.videoplatform.review.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.List;
import org.videoplatform.review.control.ReviewFrames;
import org.videoplatform.review.entity.FrameRate;
import org.videoplatform.review.entity.ReviewComment;
import org.videoplatform.review.entity.Timecode;

/**
 * A comment with its place shown as timecode of its cut. A reply has a {@code threadId} and no
 * place of its own; only threads are resolved.
 */
public record CommentView(String id, String cutId, Integer cutNumber, String threadId, String authorName, String body, Integer frame,
        Integer endFrame, String timecode, String endTimecode, JsonArray drawing, List<MentionView> mentions, boolean resolved,
        String resolvedBy, OffsetDateTime resolvedAt, OffsetDateTime createdAt) {

    public record MentionView(String accountId, String name) {
    }

    static CommentView from(ReviewComment c) {
        FrameRate rate = ReviewFrames.of(c.cut());
        return new CommentView(c.id().toString(), c.cut().id().toString(), c.cut().cutNumber(),
                c.thread() == null ? null : c.thread().id().toString(), c.authorName(), c.body(), c.frame(), c.endFrame(),
                c.frame() == null ? null : Timecode.of(c.frame(), rate), c.endFrame() == null ? null : Timecode.of(c.endFrame(), rate),
                c.drawing() == null ? null : Json.createReader(new StringReader(c.drawing())).readArray(),
                c.mentions().stream().map(m -> new MentionView(m.accountId(), m.name())).toList(),
                c.resolvedAt() != null, c.resolvedBy(), c.resolvedAt(), c.createdAt());
    }
}
