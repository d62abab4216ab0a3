package org.defections.resolve;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.defections.extract.Mention;

/**
 * The resolution stage's Spark side. Input: all mentions. Output: {@link DefectionRecord}s. The work spreads over the
 * cluster: mentions are grouped by report (each report resolved on its own, {@link ReportResolver}); report clusters
 * are compared only within their blocks ({@link BlockingKeys}, {@link Blocks}); the matched pairs' connected
 * components ({@link Components}) are the records ({@link RecordBuilder}). No step groups all mentions of an origin.
 * {@link MentionResolver} does the same in plain Java.
 */
public final class Resolution {
  private static final StructType EDGES = new StructType().add("a", DataTypes.StringType)
      .add("b", DataTypes.StringType);

  private Resolution() {}

  public static Dataset<DefectionRecord> resolve(Dataset<Mention> mentions) {
    Dataset<Mention> countable = mentions.filter(functions.col("keptOutReason").isNull()
        .and(functions.col("factuality").isin("ASSERTED", "REPORTED"))
        .and(functions.col("originCountry").isNotNull()));
    Dataset<ReportCluster> clusters = countable
        .groupByKey((MapFunction<Mention, String>) ReportResolver::reportOf, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Mention, ReportCluster>) (report, it) -> {
          List<Mention> ms = new ArrayList<>();
          it.forEachRemaining(ms::add);
          List<ReportCluster> out = new ArrayList<>();
          for (List<Mention> c : ReportResolver.clusters(ms)) {
            out.add(new ReportCluster(report + "|" + c.get(0).getMentionId(), report, null, c));
          }
          return out.iterator();
        }, Encoders.bean(ReportCluster.class)).localCheckpoint();
    Dataset<Row> edges = clusters
        .flatMap((FlatMapFunction<ReportCluster, ReportCluster>) c -> {
          List<ReportCluster> keyed = new ArrayList<>();
          for (String k : BlockingKeys.of(c.getMentions())) {
            keyed.add(new ReportCluster(c.getId(), c.getReport(), k, c.getMentions()));
          }
          return keyed.iterator();
        }, Encoders.bean(ReportCluster.class))
        .groupByKey((MapFunction<ReportCluster, String>) ReportCluster::getKey, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, ReportCluster, Row>) (key, it) -> {
          List<ReportCluster> block = new ArrayList<>();
          it.forEachRemaining(block::add);
          List<Blocks.Member> members = new ArrayList<>();
          block.forEach(c -> members.add(new Blocks.Member(c.getReport(), c.getMentions())));
          List<Row> out = new ArrayList<>();
          for (int[] e : Blocks.edges(key, members)) {
            out.add(RowFactory.create(block.get(e[0]).getId(), block.get(e[1]).getId()));
          }
          return out.iterator();
        }, Encoders.row(EDGES));
    Dataset<Row> components = Components.of(edges);
    Dataset<Row> labelled = clusters.toDF().join(components, clusters.col("id").equalTo(components.col("id")),
        "left").select(clusters.col("mentions"), coalesce(components.col("component"), clusters.col("id"))
        .as("component"));
    return labelled.as(Encoders.bean(ComponentRow.class))
        .groupByKey((MapFunction<ComponentRow, String>) ComponentRow::getComponent, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, ComponentRow, DefectionRecord>) (component, it) -> {
          List<Mention> all = new ArrayList<>();
          it.forEachRemaining(r -> all.addAll(r.getMentions()));
          all.sort(RecordBuilder.REPORT_ORDER);
          return List.of(RecordBuilder.toRecord(all)).iterator();
        }, Encoders.bean(DefectionRecord.class));
  }

  /** A report cluster with its component (bean for the last grouping). */
  public static class ComponentRow implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private String component;
    private List<Mention> mentions;

    public String getComponent() { return component; }
    public void setComponent(String v) { component = v; }
    public List<Mention> getMentions() { return mentions; }
    public void setMentions(List<Mention> v) { mentions = v; }
  }
}
