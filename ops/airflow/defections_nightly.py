"""Airflow DAG: the nightly recompute of the defection tables through spark-submit.

Needs the apache-airflow-providers-apache-spark package and a Spark connection (`spark_default`: master URL, and
spark-home/deploy mode in its extras). The application jar is `mvn package`'s target/defection-analytics-*-app.jar,
copied where the workers can read it. One run at a time (max_active_runs=1): the job also locks the warehouse
(local or NFS warehouses), and refuses to start while another night runs.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

APP_JAR = "/opt/defection-analytics/defection-analytics-0.1.0-SNAPSHOT-app.jar"
INPUT = "/data/news/articles"
WAREHOUSE = "/data/defections"
ADD_OPENS = " ".join(
    ["-XX:+IgnoreUnrecognizedVMOptions", "-Djdk.reflect.useDirectMethodHandle=false"]
    + ["--add-opens=java.base/%s=ALL-UNNAMED" % p for p in (
        "java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio", "java.util",
        "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch", "sun.nio.cs",
        "sun.security.action", "sun.util.calendar")])

with DAG(
    dag_id="defections_nightly",
    description="Incremental nightly recompute of the defection tables",
    schedule="15 2 * * *",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=20)},
    tags=["defections"],
) as dag:
    SparkSubmitOperator(
        task_id="nightly",
        conn_id="spark_default",
        application=APP_JAR,
        java_class="org.defections.cli.Main",
        name="defections-nightly-{{ ds }}",
        conf={
            "spark.driver.extraJavaOptions": ADD_OPENS,
            "spark.executor.extraJavaOptions": ADD_OPENS,
            "spark.sql.session.timeZone": "UTC",
            "spark.executor.memory": "2g",
        },
        # the run date is the logical date of the DAG run: a re-run of a past night records that night
        application_args=["nightly", "--input", INPUT, "--warehouse", WAREHOUSE, "--run-date", "{{ ds }}"],
        execution_timeout=timedelta(hours=6),
    )
