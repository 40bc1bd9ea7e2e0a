package org.videoplatform.media.rest;

import java.time.OffsetDateTime;
import org.videoplatform.media.entity.AssetState;
import org.videoplatform.media.entity.MediaAsset;

/** An uploaded cut as producers and leads see it; the store's key and upload id stay on the server. */
public record MediaView(String id, String productionId, String originalName, String contentType, long size,
        long partSize, int partCount, AssetState state, String sha256, String rejection,
        OffsetDateTime createdAt, OffsetDateTime completedAt) {

    static MediaView from(MediaAsset asset) {
        return new MediaView(asset.id().toString(), asset.production().id().toString(), asset.originalName(),
                asset.contentType(), asset.size(), asset.partSize(), asset.partCount(), asset.state(), asset.sha256(),
                asset.rejection(), asset.createdAt(), asset.completedAt());
    }
}
