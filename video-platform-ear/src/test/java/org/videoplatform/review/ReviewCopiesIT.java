package org.videoplatform.review;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.get;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;
import org.videoplatform.members.VettedMember;

/**
 * Review copies as the leak deterrent makes them: "DRAFT, not for release" burned into what
 * reviewers watch but not into what is released, and the HLS ladder reachable only through the
 * API, its segments behind links of the store that expire (the store's refusal of an expired link
 * is shown in ObjectStoreIT).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewCopiesIT {

    @TempDir
    static Path folder;

    private static String producer;
    private static String production;
    private static String cut;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    /** A black picture, so that anything bright in a copy was put there by the platform. */
    @BeforeAll
    static void aBlackCut() throws Exception {
        producer = DemoAccounts.PRODUCER.token();
        Path black = folder.resolve("black.mp4");
        try (FFmpegFrameGrabber picture = new FFmpegFrameGrabber("color=black:size=640x360:rate=25:duration=1");
                FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(black.toFile(), 640, 360, 0)) {
            picture.setFormat("lavfi");
            picture.start();
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(25);
            recorder.start();
            for (Frame frame = picture.grabImage(); frame != null; frame = picture.grabImage()) {
                recorder.record(frame);
            }
        }
        MediaClient client = MediaClient.platform();
        production = client.production(producer, "Draft " + System.nanoTime());
        cut = client.upload(producer, production, black);
        assertEquals("READY", client.awaitSettled(producer, production, cut, Duration.ofMinutes(2)).getString("state"));
    }

    @Test
    void theDraftMarkIsBurnedIntoTheProxyButNotIntoTheDeliveries() throws Exception {
        JsonArray outputs = (JsonArray) ApiClient.json(get("/api/media/" + cut + "/outputs", producer));
        double proxy = markBandBrightness(outputs, "PROXY");
        double delivery = markBandBrightness(outputs, "DELIVERY_LANDSCAPE");
        assertTrue(proxy > 30, "the proxy's mark band should be lit, its mean luma is " + proxy);
        assertTrue(delivery < 20, "the delivery should stay black, its mean luma is " + delivery);
    }

    @Test
    void theLadderPlaysOnlyThroughTheApiWithSegmentLinksOfTheStore() throws Exception {
        HttpResponse<String> master = get("/api/media/" + cut + "/hls/master.m3u8", producer);
        assertEquals(200, master.statusCode(), master.body());
        assertEquals("application/vnd.apple.mpegurl", ApiClient.contentType(master));
        List<String> rungs = master.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        assertEquals(ApiClient.baseUrl() + "/api/media/" + cut + "/hls/360p.m3u8", rungs.get(0), master.body());

        String rung = rungs.get(0).substring(ApiClient.baseUrl().length());
        HttpResponse<String> playlist = get(rung, DemoAccounts.LEAD.token());
        List<String> segments = playlist.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        assertTrue(!segments.isEmpty() && segments.stream().allMatch(s -> s.contains("X-Amz-Expires=") && s.contains("X-Amz-Signature=")),
                playlist.body());
        byte[] segment = MediaClient.download(segments.get(0));
        assertEquals(0x47, segment[0], "an MPEG transport stream packet starts with its sync byte");

        String stranger = VettedMember.vetted("Vic Viewer").token();
        assertEquals(404, get("/api/media/" + cut + "/hls/master.m3u8", stranger).statusCode());
        assertEquals(404, get(rung, stranger).statusCode());
        assertEquals(404, get("/api/media/" + cut + "/hls/..%2Foriginal.m3u8", producer).statusCode());
        assertEquals(401, get("/api/media/" + cut + "/hls/master.m3u8", null).statusCode());
    }

    /** Mean brightness where the mark sits: the centre half of the band a tenth of the way down. */
    private static double markBandBrightness(JsonArray outputs, String kind) throws Exception {
        String url = outputs.getValuesAs(JsonObject.class).stream().filter(o -> o.getString("kind").equals(kind)).findFirst()
                .orElseThrow().getString("url");
        Path file = folder.resolve(kind + ".mp4");
        Files.write(file, MediaClient.download(url));
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.setPixelFormat(AV_PIX_FMT_GRAY8);
            grabber.start();
            grabber.setFrameNumber(10);
            Frame frame = grabber.grabImage();
            ByteBuffer luma = (ByteBuffer) frame.image[0];
            int top = frame.imageHeight / 10;
            int bottom = top + frame.imageHeight / 12;
            long sum = 0;
            int count = 0;
            for (int y = top; y < bottom; y++) {
                for (int x = frame.imageWidth / 4; x < frame.imageWidth * 3 / 4; x++) {
                    sum += luma.get(y * frame.imageStride + x) & 0xff;
                    count++;
                }
            }
            return (double) sum / count;
        }
    }
}
