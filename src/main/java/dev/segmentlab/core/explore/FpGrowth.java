package dev.segmentlab.core.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Frequent itemsets by FP-Growth (Han, Pei and Yin, 2000) over transactions of dense int item ids.
 *
 * <p>The FP-tree lives in parallel int arrays (item, count, parent, first child, next sibling, next node of the
 * same item) rather than node objects: conditional trees are built and dropped thousands of times, and flat
 * arrays keep that allocation-light and cache-friendly. Items are ranked by descending global support and every
 * tree, conditional ones included, orders paths by that one rank; any fixed order is correct, and the global
 * one avoids re-sorting paths per conditional tree.
 */
public final class FpGrowth {
  private static final int ROOT = 0;

  /**
   * A frequent itemset.
   *
   * @param items distinct item ids, ascending
   * @param count number of transactions that contain every item
   */
  public record Itemset(int[] items, int count) {
    public Itemset {
      items = items.clone();
    }

    @Override public int[] items() { return items.clone(); }

    public int size() { return items.length; }

    @Override public boolean equals(Object o) {
      return o instanceof Itemset s && count == s.count && Arrays.equals(items, s.items);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(items) + count; }

    @Override public String toString() { return Arrays.toString(items) + "×" + count; }
  }

  private final int minCount;
  private final int maxLength;
  private final BooleanSupplier cancelled;
  private final int[] itemOfRank;
  private final List<Itemset> out = new ArrayList<>();

  private FpGrowth(int minCount, int maxLength, BooleanSupplier cancelled, int[] itemOfRank) {
    this.minCount = minCount;
    this.maxLength = maxLength;
    this.cancelled = cancelled;
    this.itemOfRank = itemOfRank;
  }

  /**
   * Mines every itemset contained in at least {@code minCount} transactions, up to {@code maxLength} items.
   *
   * @param transactions each a set of item ids in {@code [0, items)}; duplicates within one transaction are
   *     counted once; not modified
   * @param items the number of item ids
   * @param minCount minimum number of containing transactions, ≥ 1
   * @param maxLength largest itemset size to report, ≥ 1
   * @param cancelled polled between conditional trees
   * @return the frequent itemsets in no particular order
   * @throws IllegalArgumentException for an item id outside {@code [0, items)} or a bad bound
   * @throws java.util.concurrent.CancellationException if {@code cancelled} answers true
   */
  public static List<Itemset> mine(int[][] transactions, int items, int minCount, int maxLength,
      BooleanSupplier cancelled) {
    if (minCount < 1) throw new IllegalArgumentException("minCount must be >= 1, was " + minCount);
    if (maxLength < 1) throw new IllegalArgumentException("maxLength must be >= 1, was " + maxLength);
    int[] support = itemSupport(transactions, items);
    Integer[] order = new Integer[items];
    int frequent = 0;
    for (int i = 0; i < items; i++) if (support[i] >= minCount) order[frequent++] = i;
    Arrays.sort(order, 0, frequent, (a, b) -> support[a] != support[b] ? Integer.compare(support[b], support[a]) : Integer.compare(a, b));
    int[] itemOfRank = new int[frequent];
    int[] rankOfItem = new int[items];
    Arrays.fill(rankOfItem, -1);
    for (int r = 0; r < frequent; r++) {
      itemOfRank[r] = order[r];
      rankOfItem[order[r]] = r;
    }
    Tree tree = globalTree(transactions, rankOfItem, frequent, cancelled);
    FpGrowth miner = new FpGrowth(minCount, maxLength, cancelled, itemOfRank);
    // No itemset is longer than the number of frequent items, whatever maxLength says.
    miner.grow(tree, new int[Math.max(1, Math.min(maxLength, frequent))], 0);
    return miner.out;
  }

  private static int[] itemSupport(int[][] transactions, int items) {
    int[] support = new int[items];
    int[] lastSeen = new int[items];
    Arrays.fill(lastSeen, -1);
    for (int t = 0; t < transactions.length; t++) {
      for (int item : transactions[t]) {
        if (item < 0 || item >= items) throw new IllegalArgumentException("item id " + item + " outside [0, " + items + ")");
        if (lastSeen[item] != t) {
          lastSeen[item] = t;
          support[item]++;
        }
      }
    }
    return support;
  }

  private static Tree globalTree(int[][] transactions, int[] rankOfItem, int ranks, BooleanSupplier cancelled) {
    int[][] paths = new int[transactions.length][];
    int nodes = 1;
    int[] path = new int[16];
    for (int t = 0; t < transactions.length; t++) {
      if ((t & 1023) == 0) Progress.check(cancelled);
      if (path.length < transactions[t].length) path = new int[transactions[t].length];
      int len = 0;
      for (int item : transactions[t]) {
        int r = rankOfItem[item];
        if (r >= 0) path[len++] = r;
      }
      Arrays.sort(path, 0, len);
      len = dedupe(path, len);
      paths[t] = Arrays.copyOf(path, len);
      nodes += len;
    }
    // Inserted in lexicographic order, every path that shares a prefix follows the previous one, so the child it
    // needs is the newest child of its parent, which newNode puts first: the sibling scan stops at once. Unsorted,
    // scanning the hundreds of children near the root dominated the whole mining run.
    Arrays.sort(paths, Arrays::compare);
    Progress.check(cancelled);
    Tree tree = new Tree(ranks, nodes);
    for (int[] p : paths) tree.insert(p, p.length, 1);
    return tree;
  }

  private static int dedupe(int[] sorted, int len) {
    if (len == 0) return 0;
    int n = 1;
    for (int i = 1; i < len; i++) if (sorted[i] != sorted[n - 1]) sorted[n++] = sorted[i];
    return n;
  }

  /** Emits suffix ∪ {r} for every frequent rank r of {@code tree} and recurses into r's conditional tree. */
  private void grow(Tree tree, int[] suffix, int suffixLen) {
    for (int r = tree.ranks - 1; r >= 0; r--) {
      int support = tree.support[r];
      if (support < minCount) continue;
      Progress.check(cancelled);
      suffix[suffixLen] = r;
      emit(suffix, suffixLen + 1, support);
      if (suffixLen + 1 < maxLength && r > 0) {
        Tree conditional = conditionalTree(tree, r);
        if (conditional != null) grow(conditional, suffix, suffixLen + 1);
      }
    }
  }

  /** The tree of the prefix paths of rank r's nodes, restricted to ranks frequent among them; null if none. */
  private Tree conditionalTree(Tree tree, int r) {
    // Ranks on a prefix path of r are all below r, so r slots suffice.
    int[] support = new int[r];
    int pathNodes = 0;
    for (int n = tree.head[r]; n != -1; n = tree.link[n]) {
      int c = tree.count[n];
      for (int p = tree.parent[n]; p != ROOT; p = tree.parent[p]) {
        support[tree.item[p]] += c;
        pathNodes++;
      }
    }
    int frequent = 0;
    int top = -1;
    for (int i = 0; i < r; i++) {
      if (support[i] >= minCount) {
        frequent++;
        top = i;
      }
    }
    if (frequent == 0) return null;
    // pathNodes bounds the size, but shared prefixes and dropped ranks usually make the tree far smaller: start
    // small and grow rather than allocate the bound for every conditional tree.
    Tree cond = new Tree(top + 1, Math.min(pathNodes + 1, 1024));
    int[] path = new int[frequent];
    for (int n = tree.head[r]; n != -1; n = tree.link[n]) {
      int len = 0;
      for (int p = tree.parent[n]; p != ROOT; p = tree.parent[p]) {
        if (support[tree.item[p]] >= minCount) path[len++] = tree.item[p];
      }
      // Walking up gives descending ranks; insert root-first, i.e. ascending.
      for (int i = 0, j = len - 1; i < j; i++, j--) {
        int tmp = path[i];
        path[i] = path[j];
        path[j] = tmp;
      }
      if (len > 0) cond.insert(path, len, tree.count[n]);
    }
    return cond;
  }

  private void emit(int[] ranks, int len, int count) {
    int[] items = new int[len];
    for (int i = 0; i < len; i++) items[i] = itemOfRank[ranks[i]];
    Arrays.sort(items);
    out.add(new Itemset(items, count));
  }

  /** An FP-tree in parallel arrays; node 0 is the root. */
  private static final class Tree {
    final int ranks;
    final int[] head;
    final int[] support;
    int[] item;
    int[] count;
    // Not final: a conditional tree starts small and doubles when needed.
    int[] parent;
    int[] firstChild;
    int[] nextSibling;
    int[] link;
    int size = 1;

    Tree(int ranks, int capacity) {
      this.ranks = ranks;
      head = new int[ranks];
      Arrays.fill(head, -1);
      support = new int[ranks];
      item = new int[capacity];
      count = new int[capacity];
      parent = new int[capacity];
      firstChild = new int[capacity];
      nextSibling = new int[capacity];
      link = new int[capacity];
      item[ROOT] = -1;
      firstChild[ROOT] = -1;
      nextSibling[ROOT] = -1;
      parent[ROOT] = -1;
    }

    /** Adds a path of ascending ranks with multiplicity {@code c}. */
    void insert(int[] path, int len, int c) {
      int node = ROOT;
      for (int i = 0; i < len; i++) {
        int r = path[i];
        support[r] += c;
        int child = firstChild[node];
        while (child != -1 && item[child] != r) child = nextSibling[child];
        if (child == -1) child = newNode(node, r);
        count[child] += c;
        node = child;
      }
    }

    private int newNode(int parentNode, int r) {
      if (size == item.length) grow();
      int n = size++;
      item[n] = r;
      count[n] = 0;
      parent[n] = parentNode;
      firstChild[n] = -1;
      nextSibling[n] = firstChild[parentNode];
      firstChild[parentNode] = n;
      link[n] = head[r];
      head[r] = n;
      return n;
    }

    private void grow() {
      int cap = item.length * 2;
      item = Arrays.copyOf(item, cap);
      count = Arrays.copyOf(count, cap);
      parent = Arrays.copyOf(parent, cap);
      firstChild = Arrays.copyOf(firstChild, cap);
      nextSibling = Arrays.copyOf(nextSibling, cap);
      link = Arrays.copyOf(link, cap);
    }
  }
}
