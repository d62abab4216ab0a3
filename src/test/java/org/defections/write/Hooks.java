package org.defections.write;

/** Test access to the publish hook and staging paths of {@link TableWriter} from other packages. */
public final class Hooks {
  private Hooks() {}

  public static void set(java.util.function.Consumer<String> beforeStep) {
    TableWriter.beforeStep = beforeStep;
  }

  public static String staged(TableWriter w, String table) {
    return w.staged(table);
  }
}
