/**
 * Export and workspace files, pure Java: no JavaFX, no threads of its own.
 *
 * <ul>
 *   <li>{@link dev.segmentlab.core.export.SheetData}: the typed, column-wise table every exporter takes, so
 *       export does not depend on the clustering code.</li>
 *   <li>{@link dev.segmentlab.core.export.XlsxExporter} and {@link dev.segmentlab.core.export.CsvExporter}:
 *       long operations with a progress callback (0..1) and a cancellation check; a cancelled export throws
 *       {@link java.util.concurrent.CancellationException} and leaves no file.</li>
 *   <li>{@link dev.segmentlab.core.export.SafeFileWriter}: every file here is written to a temporary file and
 *       renamed into place, so a failure never leaves a partial file or destroys the previous one.</li>
 *   <li>{@link dev.segmentlab.core.export.FileFingerprint}, {@link dev.segmentlab.core.export.Workspace} and
 *       {@link dev.segmentlab.core.export.WorkspaceFile}: saving and reopening an analysis.</li>
 * </ul>
 *
 * <p>Every failure the analyst can cause or fix is an {@link dev.segmentlab.core.export.ExportException} whose
 * message can be shown as it is.
 */
package dev.segmentlab.core.export;
