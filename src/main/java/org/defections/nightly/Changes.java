package org.defections.nightly;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.defections.write.Tables;

/**
 * What changed in the defections table since the previous version: the {@code defections_changes} table. Input: the
 * new and the previous {@code defections} tables (the previous one may be empty). Output, one row per record added,
 * changed or removed, keyed by {@code event_id} (stable across nights: the record's earliest report):
 * {@code change} ({@code added}, {@code changed}, {@code removed}), {@code event_id}, {@code changed_fields} (the
 * columns whose values differ, for a changed record; empty otherwise), then the record's columns (the new values; a
 * removed record's last values). Records that did not change are not listed.
 */
public final class Changes {
  static final String ADDED = "added";
  static final String CHANGED = "changed";
  static final String REMOVED = "removed";

  private Changes() {}

  public static Dataset<Row> of(Dataset<Row> current, Dataset<Row> previous) {
    Dataset<Row> n = current.alias("n");
    Dataset<Row> o = previous.alias("o");
    Column nId = col("n.event_id");
    Column oId = col("o.event_id");
    Column change = when(oId.isNull(), lit(ADDED)).when(nId.isNull(), lit(REMOVED)).otherwise(lit(CHANGED));
    List<String> compared = new ArrayList<>(Arrays.asList(Tables.DEFECTION_COLUMNS));
    compared.remove("event_id");
    List<Column> differs = new ArrayList<>();
    for (String c : compared) {
      differs.add(when(not(col("n." + c).eqNullSafe(col("o." + c))), lit(c)));
    }
    Column changedFields = when(nId.isNotNull().and(oId.isNotNull()),
        array_compact(array(differs.toArray(new Column[0])))).otherwise(array().cast("array<string>"));
    List<Column> out = new ArrayList<>(List.of(change.as("change"), coalesce(nId, oId).as("event_id"),
        changedFields.as("changed_fields")));
    for (String c : compared) {
      out.add(when(nId.isNull(), col("o." + c)).otherwise(col("n." + c)).as(c));
    }
    Dataset<Row> all = n.join(o, nId.equalTo(oId), "full_outer").select(out.toArray(new Column[0]));
    return all.filter(all.col("change").notEqual(lit(CHANGED)).or(org.apache.spark.sql.functions.size(
        all.col("changed_fields")).gt(0)));
  }
}
