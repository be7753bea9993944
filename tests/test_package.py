import os
import subprocess
import sys


def run_python(code: str, **env: str) -> str:
    environment = {key: value for key, value in os.environ.items() if key != "OMP_WAIT_POLICY"} | env
    done = subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_storyline_makes_torchs_threads_wait_without_spinning():
    assert run_python("import storyline, os; print(os.environ['OMP_WAIT_POLICY'])") == "PASSIVE"


def test_a_wait_policy_the_user_set_is_kept():
    code = "import storyline, os; print(os.environ['OMP_WAIT_POLICY'])"
    assert run_python(code, OMP_WAIT_POLICY="ACTIVE") == "ACTIVE"
