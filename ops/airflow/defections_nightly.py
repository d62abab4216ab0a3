"""Airflow DAG: the nightly recompute of the defection tables through spark-submit.

Needs the apache-airflow-providers-apache-spark package and a Spark connection (`spark_default`: master URL, and
spark-home/deploy mode in its extras). The application jar is `mvn package`'s target/defection-analytics-*-app.jar,
copied where the workers can read it. One run at a time (max_active_runs=1): the job also locks the warehouse and
refuses to start while another night runs. Not loaded by Airflow's DagBag in the project's tests: Airflow comes from
PyPI, which the build machine cannot reach; the tests compile it and check its arguments.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

APP_JAR = "/opt/defection-analytics/defection-analytics-0.1.0-SNAPSHOT-app.jar"
INPUT = "/data/news/articles"
WAREHOUSE = "/data/defections"
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
        name="defections-nightly-{{ data_interval_end.strftime('%Y-%m-%d') }}",
        # no JVM flags: Spark 3.5.7 adds those Java 17 needs; the job sets its session's time zone (UTC) itself
        conf={
            "spark.driver.memory": "4g",
            "spark.executor.memory": "4g",
        },
        # the run date is the UTC day the night runs, as cron and Kubernetes pass it: the end of the data interval
        # (a re-run of a past night records that night)
        application_args=["nightly", "--input", INPUT, "--warehouse", WAREHOUSE,
                          "--run-date", "{{ data_interval_end.strftime('%Y-%m-%d') }}"],
        execution_timeout=timedelta(hours=6),
    )
