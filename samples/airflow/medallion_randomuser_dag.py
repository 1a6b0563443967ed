"""Example Airflow DAG: the RandomUser medallion pipeline, branching on the CLI's exit code.

The run task starts the samples jar. The codes a person must act on end the task normally and
pick a branch; the codes of a failing engine, lake or JVM fail the task, so Airflow's retries run
it again (a rerun processes only what is new). The summary JSON of a completed run carries its run
id, which the branch passes on (XCom key run_id) for downstream tasks to find that run's log
entries and report.

Copy this file into the DAGs folder and set the Airflow variables MEDALLION_JAR (path of
medallion-samples.jar) and MEDALLION_LAKE (the lake folder). Exit codes: docs/observability.md.
"""

import json
from datetime import datetime, timedelta

from airflow import DAG

try:  # Airflow 3 moved the core operators into the standard provider.
    from airflow.providers.standard.operators.bash import BashOperator
    from airflow.providers.standard.operators.empty import EmptyOperator
    from airflow.providers.standard.operators.python import BranchPythonOperator
except ImportError:  # Airflow 2
    from airflow.operators.bash import BashOperator
    from airflow.operators.empty import EmptyOperator
    from airflow.operators.python import BranchPythonOperator

# The samples' exit codes (io.medallion.samples.ExitCode); a test checks they match.
EXIT_CODES = {
    "OK": 0,
    "RUN_FAILED": 1,
    "USAGE": 2,
    "INPUT": 3,
    "LAKE": 4,
    "OUT_OF_MEMORY": 5,
    "QUALITY_GATE": 6,
}

# Codes that end the run task normally and choose a branch; any other code fails it (retried).
BRANCHES = {
    EXIT_CODES["OK"]: "publish",
    EXIT_CODES["QUALITY_GATE"]: "quality_gate_failed",
    EXIT_CODES["INPUT"]: "input_missing",
}

SUMMARY = "{{ var.value.MEDALLION_LAKE }}/summaries/{{ ts_nodash }}.json"

RUN = (
    "java -Xmx2g -jar {{ var.value.MEDALLION_JAR }} randomuser --quiet"
    " --lake {{ var.value.MEDALLION_LAKE }} --summary-json " + SUMMARY + "; "
    "code=$?; "
    "case $code in "
    + "|".join(str(code) for code in sorted(BRANCHES))
    + ") echo $code ;; "
    "*) exit $code ;; "
    "esac"
)


def choose_branch(ti, summary_file, **_):
    """Picks the task for the exit code the run task printed last and passes the run id on."""
    code = int(ti.xcom_pull(task_ids="run_pipeline"))
    ti.xcom_push(key="run_id", value=run_id(summary_file))
    return BRANCHES[code]


def run_id(summary_file):
    """The run id from the summary JSON, or None when the run stopped before writing it."""
    try:
        with open(summary_file, encoding="utf-8") as summary:
            return json.load(summary).get("run_id")
    except FileNotFoundError:
        return None


with DAG(
    dag_id="medallion_randomuser",
    start_date=datetime(2026, 1, 1),
    schedule="@hourly",
    catchup=False,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=5)},
    tags=["medallion"],
) as dag:
    run_pipeline = BashOperator(task_id="run_pipeline", bash_command=RUN, do_xcom_push=True)
    branch = BranchPythonOperator(
        task_id="branch_on_exit_code",
        python_callable=choose_branch,
        op_kwargs={"summary_file": SUMMARY},
    )
    publish = EmptyOperator(task_id="publish")
    quality_gate_failed = BashOperator(
        task_id="quality_gate_failed",
        bash_command="echo 'a quality gate failed the batch: the tables keep their earlier rows;"
        " the run log and quality report say which rule'; exit 1",
    )
    input_missing = BashOperator(
        task_id="input_missing",
        bash_command="echo 'the input is missing or unreadable; nothing was loaded'; exit 1",
    )
    run_pipeline >> branch >> [publish, quality_gate_failed, input_missing]
