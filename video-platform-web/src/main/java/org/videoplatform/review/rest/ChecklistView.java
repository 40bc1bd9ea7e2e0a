package org.videoplatform.review.rest;

import java.time.OffsetDateTime;
import java.util.List;
import org.videoplatform.review.boundary.Checklists;
import org.videoplatform.review.entity.ChecklistItem;
import org.videoplatform.review.entity.ChecklistKind;
import org.videoplatform.review.entity.Imprint;
import org.videoplatform.review.entity.ProductionDocument;

/** A production's checklist: each item with whether it holds and why, and the evidence on file. */
public record ChecklistView(List<ItemView> items, ImprintView imprint, List<DocumentView> documents) {

    /** @param tickable whether a lead's tick satisfies it */
    public record ItemView(String id, ChecklistKind kind, String title, String guidance, boolean required, boolean done, String detail,
            boolean tickable) {
    }

    public record ImprintView(String promoter, String promoterAddress, String onBehalfOf, String onBehalfAddress, String text,
            String updatedBy, OffsetDateTime updatedAt, long version) {

        static ImprintView from(Imprint i) {
            return i == null ? null : new ImprintView(i.promoter(), i.promoterAddress(), i.onBehalfOf(), i.onBehalfAddress(), i.text(),
                    i.updatedBy(), i.updatedAt(), i.version());
        }
    }

    public record DocumentView(String id, ProductionDocument.Kind kind, String fileName, String contentType, long size, String uploadedBy,
            OffsetDateTime uploadedAt) {

        static DocumentView from(ProductionDocument d) {
            return new DocumentView(d.id().toString(), d.kind(), d.fileName(), d.contentType(), d.size(), d.uploadedBy(), d.uploadedAt());
        }
    }

    /** An item as admins configure it, without any production's state. */
    public record ConfiguredItemView(String id, ChecklistKind kind, String title, String guidance, boolean required, int position,
            OffsetDateTime retiredAt) {

        static ConfiguredItemView from(ChecklistItem i) {
            return new ConfiguredItemView(i.id().toString(), i.kind(), i.title(), i.guidance(), i.required(), i.position(), i.retiredAt());
        }
    }

    static ChecklistView from(Checklists.Status status) {
        return new ChecklistView(status.items().stream().map(s -> new ItemView(s.item().id().toString(), s.item().kind(), s.item().title(),
                        s.item().guidance(), s.item().required(), s.done(), s.detail(), s.item().kind().tickable())).toList(),
                ImprintView.from(status.imprint()), status.documents().stream().map(DocumentView::from).toList());
    }
}
