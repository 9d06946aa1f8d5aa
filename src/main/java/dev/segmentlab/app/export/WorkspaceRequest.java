package dev.segmentlab.app.export;

import dev.segmentlab.core.data.Dataset;
import dev.segmentlab.core.export.Workspace;
import dev.segmentlab.core.pipeline.PipelineResult;
import java.nio.file.Path;

/**
 * A workspace that was opened: what the other steps need to restore themselves. The Data step takes
 * {@code dataset}, Quality the cleaning rules ({@code workspace.cleaningRules()}, {@code nonProductCodes()}),
 * Features the features, transforms and scaling, Segments the k range, k, seed, restarts and the names and colours.
 *
 * <p>In the app the steps compute the rest from {@code dataset}, each stage once, and {@code result} is null;
 * without a handler that restores the steps (a lone Export step) the workspace is run whole and {@code result}
 * holds the run, with the saved names and colours.
 *
 * @param file the workspace file
 * @param workspace its settings as saved
 * @param dataset its input as read now
 * @param result the whole run, or {@code null} when the steps compute it
 * @param warning a sentence for the analyst (input changed, segments moved), or {@code null}
 */
public record WorkspaceRequest(Path file, Workspace workspace, Dataset dataset, PipelineResult result,
    String warning) {}
