package io.github.camelseedance.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The model ids the provider documents. Ids outside this list are still sent (providers add models); the rules that
 * name models apply to these.
 */
public enum SeedanceModel {
    SEEDANCE_1_0_PRO("ByteDance-Seedance-1.0-pro", false),
    SEEDANCE_1_0_PRO_FAST("ByteDance-Seedance-1.0-pro-fast", false),
    SEEDANCE_1_5_PRO("ByteDance-Seedance-1.5-pro", false),
    SEEDANCE_2_0("SIRAYA-Seedance-2.0", true),
    SEEDANCE_2_0_FAST("SIRAYA-Seedance-2.0-fast", true);

    public static final String DEFAULT_ID = "ByteDance-Seedance-1.5-pro";

    private final String id;
    private final boolean inputReferences;

    SeedanceModel(String id, boolean inputReferences) {
        this.id = id;
        this.inputReferences = inputReferences;
    }

    public String id() {
        return id;
    }

    /** Whether the model accepts {@code input_references} (multi-modal reference materials). */
    public boolean supportsInputReferences() {
        return inputReferences;
    }

    public static Optional<SeedanceModel> fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SeedanceModel::id).toList();
    }

    public static List<String> idsWithInputReferences() {
        return Arrays.stream(values())
                .filter(SeedanceModel::supportsInputReferences)
                .map(SeedanceModel::id)
                .toList();
    }
}
