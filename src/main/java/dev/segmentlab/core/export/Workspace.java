package dev.segmentlab.core.export;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.nio.file.Path;

/**
 * Everything needed to reopen an analysis: which file, how it was read and cleaned, which features and how
 * they were transformed, the clustering settings and the analyst's segment names and colours. Saved as a
 * {@code .segmentlab.json} file by {@link WorkspaceFile}.
 *
 * <p>Immutable; {@code null} collections become empty ones, and collections are copied (keeping their order).
 * Use {@link #builder()} or {@link #toBuilder()} rather than the 22-argument constructor.
 *
 * <pre>{@code
 * Workspace ws = Workspace.builder().input(Path.of("online_retail.csv"), FileFingerprint.of(path))
 *     .k(2, 10, 4).seed(42).savedAt(Instant.now()).appVersion("0.1.0").build();
 * WorkspaceFile.write(Path.of("retail.segmentlab.json"), ws, true);
 * }</pre>
 *
 * @param formatVersion the file format, {@link #FORMAT_VERSION} when written by this version; raised only for
 *     changes older versions cannot read (new keys alone do not raise it: readers ignore unknown keys)
 * @param inputPath the transactions file as the analyst chose it (absolute path as text)
 * @param inputSha256 SHA-256 of the input, 64 hex digits, or {@code null} if not computed
 * @param inputSize input length in bytes, &gt;= 0
 * @param sheet the worksheet read from an XLSX input, or {@code null} for CSV or the first sheet
 * @param columnMapping role key (e.g. {@code customer_id}) to the column name in the file
 * @param cleaningRules cleaning rule key to whether it is on
 * @param nonProductCodes stock codes that are not products (postage, fees, ...), e.g. {@code POST}, {@code M}
 * @param features the customer features used for clustering, in order
 * @param transforms feature to its transform (e.g. {@code log1p})
 * @param scaling the scaling applied to all features (e.g. {@code standard}), or {@code null}
 * @param weights feature to its weight, finite and &gt;= 0
 * @param kMin smallest k of the sweep, &gt;= 1
 * @param kMax largest k of the sweep, &gt;= kMin
 * @param k the chosen number of segments, &gt;= 1
 * @param seed random seed of k-means
 * @param restarts k-means restarts per k, &gt;= 1
 * @param segmentNames segment index to the analyst's name for it
 * @param segmentColours segment index to a colour as {@code #rrggbb}
 * @param appVersion the SegmentLab version that saved it, or {@code null}
 * @param savedAt when it was saved, or {@code null}
 * @param model the fitted preparation and centroids, so that new customers can be assigned to the saved segments
 *     without the original input ({@code segmentlab assign}); {@code null} in workspaces saved without it
 * @param inputDatabase the database and table or query read, when the input was a database ({@code inputPath} then
 *     holds its URL), else {@code null}; it never holds a password: reopening asks for it
 * @param returns what cleaning did with cancellations, {@code net} or {@code drop}; {@code null} in workspaces
 *     saved before the choice existed (they dropped them)
 */
public record Workspace(
    int formatVersion,
    String inputPath,
    String inputSha256,
    long inputSize,
    String sheet,
    Map<String, String> columnMapping,
    Map<String, Boolean> cleaningRules,
    List<String> nonProductCodes,
    List<String> features,
    Map<String, String> transforms,
    String scaling,
    Map<String, Double> weights,
    int kMin,
    int kMax,
    int k,
    long seed,
    int restarts,
    Map<Integer, String> segmentNames,
    Map<Integer, String> segmentColours,
    String appVersion,
    Instant savedAt,
    Model model,
    Database inputDatabase,
    String returns) {

  /** The format version this code writes and the highest it reads. */
  public static final int FORMAT_VERSION = 1;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  /** @throws IllegalArgumentException if a value is out of the ranges documented on the components */
  public Workspace {
    if (formatVersion < 1) throw new IllegalArgumentException("formatVersion must be >= 1, was " + formatVersion);
    if (inputPath == null || inputPath.isBlank()) throw new IllegalArgumentException("inputPath is required");
    if (inputSha256 != null) {
      if (!SHA256.matcher(inputSha256).matches()) {
        throw new IllegalArgumentException("inputSha256 must be 64 hex digits, was " + inputSha256);
      }
      inputSha256 = inputSha256.toLowerCase(Locale.ROOT);
    }
    if (inputSize < 0) throw new IllegalArgumentException("inputSize must be >= 0, was " + inputSize);
    if (kMin < 1 || kMax < kMin) throw new IllegalArgumentException("need 1 <= kMin <= kMax, was " + kMin + ".." + kMax);
    if (k < 1) throw new IllegalArgumentException("k must be >= 1, was " + k);
    if (model != null && model.k() != k) {
      throw new IllegalArgumentException("the model has " + model.k() + " centroids but k is " + k);
    }
    if (restarts < 1) throw new IllegalArgumentException("restarts must be >= 1, was " + restarts);
    columnMapping = copy(columnMapping, "columnMapping");
    cleaningRules = copy(cleaningRules, "cleaningRules");
    nonProductCodes = nonProductCodes == null ? List.of() : List.copyOf(nonProductCodes);
    features = features == null ? List.of() : List.copyOf(features);
    transforms = copy(transforms, "transforms");
    weights = copy(weights, "weights");
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (!(w.getValue() >= 0) || w.getValue().isInfinite()) {
        throw new IllegalArgumentException("weight of " + w.getKey() + " must be finite and >= 0, was " + w.getValue());
      }
    }
    segmentNames = copy(segmentNames, "segmentNames");
    segmentColours = copy(segmentColours, "segmentColours");
    for (Map.Entry<Integer, String> c : segmentColours.entrySet()) {
      if (!COLOUR.matcher(c.getValue()).matches()) {
        throw new IllegalArgumentException("colour of segment " + c.getKey() + " must be #rrggbb, was " + c.getValue());
      }
    }
  }

  /** A workspace without a database input (the form before databases could be read). */
  public Workspace(int formatVersion, String inputPath, String inputSha256, long inputSize, String sheet,
      Map<String, String> columnMapping, Map<String, Boolean> cleaningRules, List<String> nonProductCodes,
      List<String> features, Map<String, String> transforms, String scaling, Map<String, Double> weights, int kMin,
      int kMax, int k, long seed, int restarts, Map<Integer, String> segmentNames, Map<Integer, String> segmentColours,
      String appVersion, Instant savedAt, Model model) {
    this(formatVersion, inputPath, inputSha256, inputSize, sheet, columnMapping, cleaningRules, nonProductCodes,
        features, transforms, scaling, weights, kMin, kMax, k, seed, restarts, segmentNames, segmentColours,
        appVersion, savedAt, model, null, null);
  }

  /**
   * A database input: where the rows came from, without the password (there is no field for one).
   *
   * @param url the JDBC URL, a password written into it removed
   * @param user the user name, or null
   * @param driverJar the driver jar used (absolute path as text), or null for a bundled driver
   * @param table the table read, or null
   * @param query the query read, or null
   */
  public record Database(String url, String user, String driverJar, String table, String query) {
    public Database {
      if (url == null || url.isBlank()) throw new IllegalArgumentException("the database URL is required");
      if ((table == null) == (query == null)) throw new IllegalArgumentException("a database input needs a table or a query");
    }
  }

  /**
   * What k-means saw and found: per clustered feature (in order) the transform, the centre and scale fitted on
   * the input and the weight, plus the centroids in that prepared space. Preparing a new customer's raw values
   * as {@code (transform(x) - center) / scale * weight} and taking the nearest centroid assigns it to a saved
   * segment exactly as {@code FeatureMatrix.prepare} would.
   *
   * @param features clustered feature keys, at least one
   * @param transforms one transform label per feature (e.g. {@code log1p})
   * @param scaling the scaling label (e.g. {@code standard})
   * @param center one finite value per feature
   * @param scale one finite, non-zero value per feature
   * @param weights one finite value &gt;= 0 per feature
   * @param centroids k rows of one value per feature, segment id order
   * @param method the clustering method's key ({@code kmeans}, {@code gmm}, {@code ward}, {@code dbscan});
   *     {@code null} in files saved before other methods (k-means)
   * @param fitted what a method other than k-means needs beyond the centroids (mixture weights and covariances,
   *     DBSCAN's core points), or {@code null}
   */
  public record Model(List<String> features, List<String> transforms, String scaling, double[] center,
      double[] scale, double[] weights, double[][] centroids, String method, Fitted fitted) {

    /** A k-means model (the form before other methods). */
    public Model(List<String> features, List<String> transforms, String scaling, double[] center,
        double[] scale, double[] weights, double[][] centroids) {
      this(features, transforms, scaling, center, scale, weights, centroids, null, null);
    }

    /** The method's key, {@code kmeans} when the file has none. */
    public String methodKey() { return method == null ? "kmeans" : method; }

    /** @throws IllegalArgumentException if lengths disagree or a value is not finite */
    public Model {
      features = List.copyOf(features);
      transforms = List.copyOf(transforms);
      int d = features.size();
      if (d == 0) throw new IllegalArgumentException("model needs at least one feature");
      if (transforms.size() != d || center == null || center.length != d || scale == null || scale.length != d
          || weights == null || weights.length != d) {
        throw new IllegalArgumentException("model needs one transform, centre, scale and weight per feature");
      }
      if (centroids == null || centroids.length == 0) throw new IllegalArgumentException("model needs centroids");
      center = center.clone();
      scale = scale.clone();
      weights = weights.clone();
      double[][] c = new double[centroids.length][];
      for (int s = 0; s < c.length; s++) {
        if (centroids[s] == null || centroids[s].length != d) {
          throw new IllegalArgumentException("centroid " + s + " needs " + d + " values");
        }
        c[s] = centroids[s].clone();
        for (double v : c[s]) if (!Double.isFinite(v)) throw new IllegalArgumentException("centroid " + s + " is not finite");
      }
      centroids = c;
      for (int f = 0; f < d; f++) {
        if (!Double.isFinite(center[f]) || !Double.isFinite(scale[f]) || scale[f] == 0 || !(weights[f] >= 0)
            || Double.isInfinite(weights[f])) {
          throw new IllegalArgumentException("model values of " + features.get(f) + " are not usable");
        }
      }
    }

    /** Number of segments. */
    public int k() { return centroids.length; }

    @Override public boolean equals(Object o) {
      return o instanceof Model m && sameBase(m) && Objects.equals(method, m.method) && Objects.equals(fitted, m.fitted);
    }

    @Override public double[] center() { return center.clone(); }
    @Override public double[] scale() { return scale.clone(); }
    @Override public double[] weights() { return weights.clone(); }

    @Override public double[][] centroids() {
      double[][] c = new double[centroids.length][];
      for (int s = 0; s < c.length; s++) c[s] = centroids[s].clone();
      return c;
    }

    private boolean sameBase(Model m) {
      return features.equals(m.features) && transforms.equals(m.transforms)
          && Objects.equals(scaling, m.scaling) && Arrays.equals(center, m.center) && Arrays.equals(scale, m.scale)
          && Arrays.equals(weights, m.weights) && Arrays.deepEquals(centroids, m.centroids);
    }

    @Override public int hashCode() {
      return Objects.hash(features, transforms, scaling) * 31 + Arrays.deepHashCode(centroids);
    }

    @Override public String toString() {
      return "Model[features=" + features + ", k=" + centroids.length + "]";
    }
  }

  /**
   * A fitted method's parameters beyond its centroids (all in the model's prepared space).
   *
   * @param covariance mixtures: {@code full} or {@code diag}
   * @param covarianceFloor mixtures: the floor added to every variance
   * @param mixtureWeights mixtures: one weight per component
   * @param covariances mixtures: per component d × d row-major (full) or d variances (diag)
   * @param eps DBSCAN: the radius
   * @param corePoints DBSCAN: the core points
   * @param coreLabels DBSCAN: each core point's segment
   * @param unassigned DBSCAN: whether the last segment is the unassigned one
   * @param approximate Ward: whether the hierarchy ran on micro-clusters
   */
  public record Fitted(String covariance, Double covarianceFloor, double[] mixtureWeights, double[][] covariances,
      Double eps, double[][] corePoints, int[] coreLabels, Boolean unassigned, Boolean approximate) {
    @Override public boolean equals(Object o) {
      return o instanceof Fitted f && Objects.equals(covariance, f.covariance)
          && Objects.equals(covarianceFloor, f.covarianceFloor) && Arrays.equals(mixtureWeights, f.mixtureWeights)
          && Arrays.deepEquals(covariances, f.covariances) && Objects.equals(eps, f.eps)
          && Arrays.deepEquals(corePoints, f.corePoints) && Arrays.equals(coreLabels, f.coreLabels)
          && Objects.equals(unassigned, f.unassigned) && Objects.equals(approximate, f.approximate);
    }

    @Override public int hashCode() {
      return Objects.hash(covariance, covarianceFloor, eps) * 31 + Arrays.hashCode(mixtureWeights);
    }
  }

  /** The input's size and hash as a fingerprint, or {@code null} when the hash was not recorded. */
  @JsonIgnore
  public FileFingerprint inputFingerprint() {
    return inputSha256 == null ? null : new FileFingerprint(inputSize, inputSha256);
  }

  /** A builder with format {@link #FORMAT_VERSION}, k 2..10, k = 4, seed 42, 10 restarts. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this workspace's values, to change a few of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.formatVersion = formatVersion;
    b.inputPath = inputPath;
    b.inputSha256 = inputSha256;
    b.inputSize = inputSize;
    b.sheet = sheet;
    b.columnMapping = columnMapping;
    b.cleaningRules = cleaningRules;
    b.nonProductCodes = nonProductCodes;
    b.features = features;
    b.transforms = transforms;
    b.scaling = scaling;
    b.weights = weights;
    b.kMin = kMin;
    b.kMax = kMax;
    b.k = k;
    b.seed = seed;
    b.restarts = restarts;
    b.segmentNames = segmentNames;
    b.segmentColours = segmentColours;
    b.appVersion = appVersion;
    b.savedAt = savedAt;
    b.model = model;
    b.inputDatabase = inputDatabase;
    b.returns = returns;
    return b;
  }

  private static <K, V> Map<K, V> copy(Map<K, V> m, String what) {
    if (m == null) return Map.of();
    for (Map.Entry<K, V> e : m.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) throw new IllegalArgumentException(what + " holds a null");
    }
    // LinkedHashMap rather than Map.copyOf: the analyst's order (features, segments) is worth keeping.
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** Collects the values of a {@link Workspace}; {@link #build()} validates them. */
  public static final class Builder {
    private int formatVersion = FORMAT_VERSION;
    private String inputPath;
    private String inputSha256;
    private long inputSize;
    private String sheet;
    private Map<String, String> columnMapping;
    private Map<String, Boolean> cleaningRules;
    private List<String> nonProductCodes;
    private List<String> features;
    private Map<String, String> transforms;
    private String scaling;
    private Map<String, Double> weights;
    private int kMin = 2;
    private int kMax = 10;
    private int k = 4;
    private long seed = 42;
    private int restarts = 10;
    private Map<Integer, String> segmentNames;
    private Map<Integer, String> segmentColours;
    private String appVersion;
    private Instant savedAt;
    private Model model;
    private Database inputDatabase;
    private String returns;

    private Builder() {}

    /** The input file and its fingerprint ({@code null} fingerprint: size 0, no hash). */
    public Builder input(Path path, FileFingerprint fingerprint) {
      this.inputPath = path.toAbsolutePath().normalize().toString();
      this.inputSha256 = fingerprint == null ? null : fingerprint.sha256();
      this.inputSize = fingerprint == null ? 0 : fingerprint.size();
      return this;
    }

    public Builder inputPath(String v) { inputPath = v; return this; }
    public Builder inputSha256(String v) { inputSha256 = v; return this; }
    public Builder inputSize(long v) { inputSize = v; return this; }
    public Builder sheet(String v) { sheet = v; return this; }
    public Builder columnMapping(Map<String, String> v) { columnMapping = v; return this; }
    public Builder cleaningRules(Map<String, Boolean> v) { cleaningRules = v; return this; }
    public Builder nonProductCodes(List<String> v) { nonProductCodes = v; return this; }
    public Builder features(List<String> v) { features = v; return this; }
    public Builder transforms(Map<String, String> v) { transforms = v; return this; }
    public Builder scaling(String v) { scaling = v; return this; }
    public Builder weights(Map<String, Double> v) { weights = v; return this; }

    /** The sweep range and the chosen k. */
    public Builder k(int kMin, int kMax, int k) {
      this.kMin = kMin;
      this.kMax = kMax;
      this.k = k;
      return this;
    }

    public Builder seed(long v) { seed = v; return this; }
    public Builder restarts(int v) { restarts = v; return this; }
    public Builder segmentNames(Map<Integer, String> v) { segmentNames = v; return this; }
    public Builder segmentColours(Map<Integer, String> v) { segmentColours = v; return this; }
    public Builder appVersion(String v) { appVersion = v; return this; }
    public Builder savedAt(Instant v) { savedAt = v; return this; }
    public Builder formatVersion(int v) { formatVersion = v; return this; }
    public Builder model(Model v) { model = v; return this; }
    public Builder returns(String v) { returns = v; return this; }

    /** A database input: sets {@code inputPath} to its URL and clears the file fingerprint. */
    public Builder inputDatabase(Database v) {
      inputDatabase = v;
      if (v != null) {
        inputPath = v.url();
        inputSha256 = null;
        inputSize = 0;
      }
      return this;
    }

    /** @throws IllegalArgumentException as the {@link Workspace} constructor */
    public Workspace build() {
      return new Workspace(formatVersion, Objects.requireNonNull(inputPath, "inputPath"), inputSha256, inputSize,
          sheet, columnMapping, cleaningRules, nonProductCodes, features, transforms, scaling, weights, kMin, kMax,
          k, seed, restarts, segmentNames, segmentColours, appVersion, savedAt, model, inputDatabase, returns);
    }
  }
}
