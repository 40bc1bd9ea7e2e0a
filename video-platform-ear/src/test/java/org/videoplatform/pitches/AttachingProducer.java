package org.videoplatform.pitches;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.entity.Attachment;
import org.videoplatform.pitches.entity.PitchContent;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.pitches.entity.VideoFormat;

/** Drafts pitches and attaches files from inside the server with a producer's role, as the REST layer would for one. */
@Stateless
@RunAs("producer")
@PermitAll
public class AttachingProducer {

    private static final Actor PRODUCER = new Actor("in-container-producer", "In-container producer");

    @Inject
    Pitches pitches;

    public UUID draftsAPitch() {
        return pitches.draft(new PitchContent("Attachments left behind", "A script nobody confirmed", null, "Tidy storage", "Nobody",
                VideoFormat.VOX_POP, EnumSet.of(SocialPlatform.TIKTOK), 60, LocalDate.now().plusMonths(1), null), PRODUCER).id();
    }

    public Pitches.AttachmentUpload announces(UUID pitchId, int size) {
        return pitches.announceAttachment(pitchId, Attachment.Kind.SCRIPT, "script.txt", "text/plain", size, PRODUCER).orElseThrow();
    }

    public void confirms(UUID pitchId, UUID attachmentId) {
        pitches.confirmAttachment(pitchId, attachmentId, PRODUCER).orElseThrow();
    }
}
