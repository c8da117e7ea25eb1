package io.github.camelseedance.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the emulator saw and what it was told to answer. Written on Vert.x event loops and read by test threads, so
 * every access is synchronised and readers get copies.
 */
final class EmulatorRecords {

    private final List<RecordedRequest> generations = new ArrayList<>();
    private final List<RecordedDownload> downloads = new ArrayList<>();
    private final List<RecordedRequest> modelsRequests = new ArrayList<>();
    private final Queue<EmulatorResponse> queued = new ConcurrentLinkedQueue<>();
    private final Queue<EmulatorResponse> modelsQueued = new ConcurrentLinkedQueue<>();

    synchronized void addGeneration(RecordedRequest request) {
        generations.add(request);
    }

    synchronized void addDownload(RecordedDownload download) {
        downloads.add(download);
    }

    synchronized void addModelsRequest(RecordedRequest request) {
        modelsRequests.add(request);
    }

    synchronized List<RecordedRequest> generations() {
        return List.copyOf(generations);
    }

    synchronized int generationCount() {
        return generations.size();
    }

    synchronized List<String> violations() {
        List<String> all = new ArrayList<>();
        generations.forEach(request -> all.addAll(request.violations()));
        return List.copyOf(all);
    }

    synchronized List<RecordedDownload> downloads() {
        return List.copyOf(downloads);
    }

    synchronized List<RecordedRequest> modelsRequests() {
        return List.copyOf(modelsRequests);
    }

    synchronized int modelsRequestCount() {
        return modelsRequests.size();
    }

    void enqueue(EmulatorResponse response) {
        queued.add(response);
    }

    /** The next scripted answer, or null to process the request normally. */
    EmulatorResponse nextQueued() {
        return queued.poll();
    }

    void enqueueModels(EmulatorResponse response) {
        modelsQueued.add(response);
    }

    /** The next scripted answer to a model list request, or null to send the list. */
    EmulatorResponse nextModelsAnswer() {
        return modelsQueued.poll();
    }

    synchronized void clear() {
        generations.clear();
        downloads.clear();
        modelsRequests.clear();
        queued.clear();
        modelsQueued.clear();
    }
}
