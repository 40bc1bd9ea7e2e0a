package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.videoplatform.PlatformEar;

/** The server's embedded Artemis carries the transcoding queue that configure.cli declares. */
@ExtendWith(ArquillianExtension.class)
class TranscodingQueueIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return PlatformEar.withTestPackage(TranscodingQueueIT.class.getPackage());
    }

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/transcoding")
    Queue transcoding;

    @Test
    void jobSentToTheTranscodingQueueIsDelivered() {
        String job = UUID.randomUUID().toString();
        // Selecting on our own id keeps a listener added later from racing this test.
        try (JMSConsumer consumer = jms.createConsumer(transcoding, "job = '" + job + "'")) {
            jms.createProducer().setProperty("job", job).send(transcoding, job);
            assertEquals(job, consumer.receiveBody(String.class, 10_000));
        }
    }
}
