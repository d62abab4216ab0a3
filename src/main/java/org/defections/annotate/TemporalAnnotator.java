package org.defections.annotate;

import com.johnsnowlabs.nlp.Annotation;
import com.johnsnowlabs.nlp.IAnnotation;
import com.johnsnowlabs.nlp.JavaAnnotation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Our own Spark ML stage for what Spark NLP's date matchers get wrong offline (weekdays, "last week", "21 Jun 2012",
 * month names without a year): reads Spark NLP {@code document} annotations (the sentence column) and writes
 * {@code date} annotations in Spark NLP's annotation schema, one per temporal expression, with metadata
 * {@code sentence} (index of the sentence) and {@code value} (see {@link TemporalTagger}).
 *
 * <p>Input column: array of Spark NLP annotations of type {@code document}; output column: array of annotations
 * of type {@code date}. Saveable and loadable with the pipeline model.
 */
public final class TemporalAnnotator extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  public static final String ANNOTATOR_TYPE = "date";

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> language;

  public TemporalAnnotator() {
    this(Identifiable$.MODULE$.randomUID("TemporalAnnotator"));
  }

  public TemporalAnnotator(String uid) {
    this.uid = uid;
    this.inputCol = new Param<>(this, "inputCol", "sentence annotations column (type document)");
    this.outputCol = new Param<>(this, "outputCol", "output column of date annotations");
    this.language = new Param<>(this, "language", "ISO 639-1 language of the texts (en, es)");
    setDefault(language, "en");
  }

  public Param<String> language() {
    return language;
  }

  public TemporalAnnotator setLanguage(String l) {
    set(language, l);
    return this;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public TemporalAnnotator setInputCol(String c) {
    set(inputCol, c);
    return this;
  }

  public TemporalAnnotator setOutputCol(String c) {
    set(outputCol, c);
    return this;
  }

  @Override
  public String uid() {
    return uid;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String in = $(inputCol);
    if (!java.util.Arrays.asList(schema.fieldNames()).contains(in)) {
      throw new IllegalArgumentException("TemporalAnnotator requires input column '" + in
          + "' (Spark NLP annotations of type document); the schema has " + String.join(", ", schema.fieldNames()));
    }
    DataType t = schema.apply(in).dataType();
    if (!(t instanceof ArrayType) || !((ArrayType) t).elementType().sameType(Annotation.dataType())) {
      throw new IllegalArgumentException("TemporalAnnotator input column '" + in
          + "' must be an array of Spark NLP annotations, found " + t.simpleString());
    }
    return schema.add(new StructField($(outputCol), annotationArray(), true,
        new org.apache.spark.sql.types.MetadataBuilder().putString("annotatorType", ANNOTATOR_TYPE).build()));
  }

  private static ArrayType annotationArray() {
    return DataTypes.createArrayType(Annotation.dataType(), true);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String lang = $(language);
    UserDefinedFunction tag = functions.udf((UDF1<Seq<Row>, List<Row>>) s -> tagSentences(s, lang),
        annotationArray());
    return dataset.withColumn($(outputCol), tag.apply(functions.col($(inputCol))));
  }

  /** Date annotations for a sequence of sentence annotations (offsets are inclusive, as in Spark NLP). */
  static List<Row> tagSentences(Seq<Row> sentences, String language) {
    List<Row> out = new ArrayList<>();
    if (sentences == null) {
      return out;
    }
    for (int i = 0; i < sentences.size(); i++) {
      Row s = sentences.apply(i);
      scala.collection.Map<String, String> md = s.getMap(s.fieldIndex("metadata"));
      String sentence = md.contains("sentence") ? md.apply("sentence") : Integer.toString(i);
      tag(s.getInt(s.fieldIndex("begin")), s.getString(s.fieldIndex("result")), sentence, language,
          (begin, end, text, meta) -> out.add(RowFactory.create(ANNOTATOR_TYPE, begin, end, text, meta,
              new float[0])));
    }
    return out;
  }

  /**
   * Date annotations for the sentence annotations of a {@link com.johnsnowlabs.nlp.LightPipeline} (the same as
   * {@link #transform} gives for those sentences).
   */
  public static List<JavaAnnotation> tag(List<? extends IAnnotation> sentences, String language) {
    List<JavaAnnotation> out = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      JavaAnnotation s = (JavaAnnotation) sentences.get(i);
      String sentence = s.metadata().getOrDefault("sentence", Integer.toString(i));
      tag(s.begin(), s.result(), sentence, language, (begin, end, text, meta) -> out.add(new JavaAnnotation(
          ANNOTATOR_TYPE, begin, end, text, meta, new float[0])));
    }
    return out;
  }

  /** Receives one date annotation: inclusive offsets, covered text, metadata (sentence, value). */
  private interface Sink {
    void add(int begin, int end, String text, Map<String, String> metadata);
  }

  /** The dates of one sentence that starts at {@code begin}. */
  private static void tag(int begin, String text, String sentence, String language, Sink sink) {
    for (TemporalTagger.Expression e : TemporalTagger.tag(text, language)) {
      Map<String, String> meta = new HashMap<>();
      meta.put("sentence", sentence);
      meta.put("value", e.value());
      sink.add(begin + e.begin(), begin + e.end() - 1, e.text(), meta);
    }
  }

  @Override
  public TemporalAnnotator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<TemporalAnnotator> read() {
    return new DefaultParamsReader<>();
  }

  public static TemporalAnnotator load(String path) {
    return read().load(path);
  }
}
