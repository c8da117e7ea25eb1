package io.github.camelseedance.emulator;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jcodec.codecs.h264.H264Encoder;
import org.jcodec.common.AudioFormat;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.VideoEncoder;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.MP4Util;
import org.jcodec.containers.mp4.boxes.Box;
import org.jcodec.containers.mp4.boxes.Header;
import org.jcodec.containers.mp4.boxes.MovieBox;
import org.jcodec.containers.mp4.boxes.NodeBox;
import org.jcodec.containers.mp4.boxes.TrakBox;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.jcodec.movtool.Flatten;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.jcodec.scale.Transform;

/**
 * Encodes frames to H.264 and muxes them, with optional AAC frames and text tags, into an MP4 whose index comes first
 * (faststart). The same input gives the same bytes: the times jcodec stamps from the clock are replaced by a fixed one
 * ({@link Mp4Times}).
 */
final class Mp4Writer {

    // QuickTime's code for an undetermined language, as ffmpeg writes it in udta text items
    private static final int LANGUAGE_UNDETERMINED = 0x55C4;

    private final FrameSize size;
    private final int framesPerSecond;
    private final GrowingChannel out;
    private final MP4Muxer muxer;
    private final MuxerTrack video;
    private final H264Encoder encoder = H264Encoder.createH264Encoder();
    // jcodec's default RGB to YUV conversion is full-range without saying so, which darkens dark colours; the
    // studio-range one, with the planes labelled as the encoder's input space, plays back with the colours drawn
    private final Transform toYuv = ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420);
    private final Picture yuv;
    private ByteBuffer encoded;
    private int frames;

    Mp4Writer(FrameSize size, int framesPerSecond) throws IOException {
        this.size = size;
        this.framesPerSecond = framesPerSecond;
        this.out = new GrowingChannel(size.width() * size.height());
        this.muxer = MP4Muxer.createMP4MuxerToChannel(out);
        this.video = muxer.addVideoTrack(
                Codec.H264,
                VideoCodecMeta.createSimpleVideoCodecMeta(new Size(size.width(), size.height()), ColorSpace.YUV420J));
        // every frame a key frame: jcodec's P frames leave ghosts of the text that changed, and at one frame a
        // second they save little
        encoder.setKeyInterval(1);
        this.yuv = Picture.create(size.width(), size.height(), ColorSpace.YUV420);
    }

    /** Adds the next frame, shown for {@code 1 / framesPerSecond} s; it must have the writer's size. */
    void addFrame(BufferedImage image) throws IOException {
        if (image.getWidth() != size.width() || image.getHeight() != size.height()) {
            throw new IllegalArgumentException(
                    "A " + image.getWidth() + "x" + image.getHeight() + " frame for a " + size + " video");
        }
        toYuv.transform(AWTUtil.fromBufferedImageRGB(image), yuv);
        Picture input = Picture.createPicture(size.width(), size.height(), yuv.getData(), ColorSpace.YUV420J);
        if (encoded == null) {
            encoded = ByteBuffer.allocate(encoder.estimateBufferSize(input));
        }
        encoded.clear();
        VideoEncoder.EncodedFrame frame = encoder.encodeFrame(input, encoded);
        video.addFrame(Packet.createPacket(
                NIOUtils.clone(frame.getData()),
                frames,
                framesPerSecond,
                1,
                frames,
                frame.isKeyFrame() ? Packet.FrameType.KEY : Packet.FrameType.INTER,
                null));
        frames++;
    }

    /**
     * Adds the audio (whole ADTS frames of mono 48 kHz AAC, may be empty for none) and the tags (QuickTime text items
     * such as {@code ©nam}, the title, and {@code ©cmt}, a comment), and returns the finished file.
     */
    byte[] finish(List<ByteBuffer> aacFrames, Map<String, String> tags) throws IOException {
        if (!aacFrames.isEmpty()) {
            MuxerTrack audio = muxer.addCompressedAudioTrack(Codec.AAC, AudioFormat.MONO_48K_S16_LE);
            long samples = 0;
            for (ByteBuffer frame : aacFrames) {
                audio.addFrame(Packet.createPacket(
                        frame.duplicate(),
                        samples,
                        AacLoop.SAMPLE_RATE,
                        AacLoop.SAMPLES_PER_FRAME,
                        samples / AacLoop.SAMPLES_PER_FRAME,
                        Packet.FrameType.KEY,
                        null));
                samples += AacLoop.SAMPLES_PER_FRAME;
            }
        }
        MovieBox movie = muxer.finalizeHeader();
        if (!tags.isEmpty()) {
            movie.add(userData(tags));
        }
        muxer.storeHeader(movie);
        byte[] file = moveIndexToFront(out.toByteArray());
        Mp4Times.fix(file);
        return file;
    }

    // QuickTime user data: each item a 16-bit length, a 16-bit language, then the UTF-8 text (ffprobe shows them as
    // the format's tags: title, comment)
    private static NodeBox userData(Map<String, String> tags) {
        NodeBox udta = new NodeBox(new Header("udta"));
        tags.forEach((fourcc, text) -> {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int length = Math.min(utf8.length, 0xFFFF);
            ByteBuffer item = ByteBuffer.allocate(4 + length)
                    .putShort((short) length)
                    .putShort((short) LANGUAGE_UNDETERMINED)
                    .put(utf8, 0, length);
            item.flip();
            udta.add(Box.createLeafBox(new Header(fourcc), item));
        });
        return udta;
    }

    // jcodec's muxer writes the index (moov) after the media; Flatten rewrites the file with it first, so a player
    // reading over HTTP learns the length and size from the first bytes
    private static byte[] moveIndexToFront(byte[] file) throws IOException {
        MP4Util.Movie movie = MP4Util.createRefFullMovie(
                ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(file)), "file:///rendered.mp4");
        GrowingChannel front = new GrowingChannel(file.length + 1024);
        new Flatten() {
            // the media are in the bytes at hand, not in the file the reference names
            @Override
            protected SeekableByteChannel[][] getInputs(MovieBox moov) {
                TrakBox[] tracks = moov.getTracks();
                SeekableByteChannel[][] inputs = new SeekableByteChannel[tracks.length][];
                for (int i = 0; i < tracks.length; i++) {
                    inputs[i] = new SeekableByteChannel[] {
                        ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(file))
                    };
                }
                return inputs;
            }
        }.flattenChannel(movie, front);
        return front.toByteArray();
    }
}
