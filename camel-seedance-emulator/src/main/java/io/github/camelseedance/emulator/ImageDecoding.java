package io.github.camelseedance.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes a fetched frame image with the JDK's readers (PNG, JPEG, GIF, BMP), refusing one too large to hold. */
final class ImageDecoding {

    /** About 50 megapixels: a 20 MB file can declare far more pixels than a render should allocate. */
    static final long MAX_PIXELS = 50_000_000L;

    private ImageDecoding() {}

    static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException("not an image the JDK reads (PNG, JPEG, GIF, BMP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // the header alone tells the size, before any pixel is allocated
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IOException(reader.getWidth(0) + "x" + reader.getHeight(0) + " is more than "
                            + MAX_PIXELS / 1_000_000 + " megapixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }
}
