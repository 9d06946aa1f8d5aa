package dev.segmentlab.app;

/** The analyst's workflow, in order. */
public enum Step {
  DATA("Data", "Open a file and check what was read"),
  QUALITY("Quality", "Missing values, outliers and cleaning rules"),
  EXPLORE("Explore", "Seasonality, countries, baskets, cohorts and product pairs"),
  FEATURES("Features", "RFM and more per customer, transforms and scaling"),
  SEGMENTS("Segments", "Tune k, see the segments and name them"),
  COMPARE("Compare", "Pin solutions and put two side by side: who moved"),
  EXPORT("Export", "Labeled customers to spreadsheets, charts and workspaces");

  private final String title;
  private final String hint;

  Step(String title, String hint) {
    this.title = title;
    this.hint = hint;
  }

  public String title() { return title; }

  public String hint() { return hint; }
}
