package dev.segmentlab.app.export;

import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.pipeline.PipelineResult;
import java.nio.file.Path;

/**
 * A workspace that was opened and run again: what the other steps need to restore themselves. The Data step
 * takes {@code result.dataset()}, Quality the cleaning rules ({@code workspace.cleaningRules()},
 * {@code nonProductCodes()}, or {@code result.cleaned().options()}), Features the features, transforms and scaling,
 * Segments the k range, k, seed, restarts and the names and colours (already applied to
 * {@code result.segmentation()}).
 *
 * @param file the workspace file
 * @param workspace its settings as saved
 * @param result the run of those settings, with the saved names and colours
 * @param warning a sentence for the analyst (input changed, segments moved), or {@code null}
 */
public record WorkspaceRequest(Path file, Workspace workspace, PipelineResult result, String warning) {}
