package io.gradlens.data;

import java.util.List;
import java.util.Objects;

/**
 * An image classification dataset; see {@link ImageSplit} for the pixel ([0, 1], HWC) and mask
 * (1 = may matter) conventions.
 *
 * @param name       short name
 * @param classNames one name per class index
 * @param height     image height in pixels
 * @param width      image width in pixels
 * @param channels   1 (gray) or 3 (RGB)
 * @param train      training split
 * @param test       test split
 * @param info       provenance and license
 */
public record ImageDataset(String name, List<String> classNames, int height, int width, int channels,
                           ImageSplit train, ImageSplit test, DatasetInfo info) implements Dataset {

    /** Checks that every image has {@code height * width * channels} entries and a known label. */
    public ImageDataset {
        Objects.requireNonNull(name, "name");
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(info, "info");
        if (height <= 0 || width <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad image shape " + height + "x" + width + "x" + channels);
        }
        for (ImageSplit split : List.of(train, test)) {
            for (int i = 0; i < split.size(); i++) {
                if (split.pixels()[i].length != height * width * channels) {
                    throw new IllegalArgumentException("image " + i + " has " + split.pixels()[i].length
                            + " entries, expected " + height + "x" + width + "x" + channels);
                }
                if (split.labels()[i] < 0 || split.labels()[i] >= classNames.size()) {
                    throw new IllegalArgumentException("image " + i + " has label " + split.labels()[i]
                            + ", expected 0.." + (classNames.size() - 1));
                }
            }
        }
    }

    /** Number of entries per image: height × width × channels. */
    public int pixelCount() {
        return height * width * channels;
    }

    @Override
    public int trainSize() {
        return train.size();
    }

    @Override
    public int testSize() {
        return test.size();
    }
}
