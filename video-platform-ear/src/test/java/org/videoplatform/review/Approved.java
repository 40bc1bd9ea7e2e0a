package org.videoplatform.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.videoplatform.ApiClient.send;

import java.nio.file.Path;
import java.time.Duration;
import org.videoplatform.DemoAccounts;
import org.videoplatform.media.MediaClient;
import org.videoplatform.media.TestMedia;

/** A production taken through review to approval by the demo producer and lead, as later stages need one. */
public final class Approved {

    private Approved() {
    }

    /** @return the id of the approved production */
    public static String production(String title, Path folder) throws Exception {
        String producer = DemoAccounts.PRODUCER.token();
        String lead = DemoAccounts.LEAD.token();
        MediaClient client = MediaClient.platform();
        String production = client.production(producer, title);
        String cut = client.upload(producer, production, TestMedia.NO_AUDIO.write(folder));
        assertEquals("READY", client.awaitSettled(producer, production, cut, Duration.ofMinutes(2)).getString("state"));
        assertEquals(200, send("POST", "/api/cuts/" + cut + "/submission", producer, null, null).statusCode());
        Checklist.complete(production, producer, lead);
        assertEquals(200, Decisions.decide(production, lead, "APPROVED", "Ready").statusCode());
        return production;
    }
}
