"""template.yaml (AWS SAM): cfn-lint clean, and the function Alexa needs."""

from __future__ import annotations

import re
from typing import Any

import pytest
from cfnlint.api import lint_all, lint_file
from cfnlint.decode import cfn_yaml

from tests.support.paths import ROOT

TEMPLATE = ROOT / "template.yaml"


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    loaded: dict[str, Any] = cfn_yaml.load(str(TEMPLATE))
    return loaded


@pytest.fixture(scope="module")
def function(template) -> dict[str, Any]:
    resource: dict[str, Any] = template["Resources"]["SkillFunction"]
    return resource


@pytest.mark.slow  # cfn-lint
def test_template_passes_cfn_lint():
    problems = lint_file(TEMPLATE)
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.slow  # cfn-lint
def test_cfn_lint_catches_a_broken_function():
    broken = TEMPLATE.read_text().replace("Runtime: python3.12", "Runtime: python2.7")
    assert lint_all(broken), "the lint test could not fail"


def test_template_function_runs_the_lambda_handler(function):
    props = function["Properties"]
    assert function["Type"] == "AWS::Serverless::Function"
    assert props["Handler"] == "skill.alexa.lambda_function.handler"
    assert props["Runtime"] in ("python3.11", "python3.12")
    assert 128 <= props["MemorySize"] <= 512
    assert props["Timeout"] == 8  # Alexa waits eight seconds for an answer


def test_template_alexa_trigger_scoped_to_skill_id(function):
    trigger = function["Properties"]["Events"]["AlexaSkillKit"]
    assert trigger["Type"] == "AlexaSkill"
    assert trigger["Properties"]["SkillId"] == {"Ref": "AlexaSkillId"}


def test_template_environment_from_parameters(template, function):
    variables = function["Properties"]["Environment"]["Variables"]
    assert variables == {
        "CLINIC_NAME": {"Ref": "ClinicName"},
        "CARE_TEAM_PHONE": {"Ref": "CareTeamPhone"},
        "ALEXA_SKILL_ID": {"Ref": "AlexaSkillId"},
    }
    assert set(template["Parameters"]) == {"AlexaSkillId", "ClinicName", "CareTeamPhone"}
    pattern = template["Parameters"]["AlexaSkillId"]["AllowedPattern"]
    assert re.fullmatch(pattern, "amzn1.ask.skill.11111111-2222-3333-4444-555555555555")
    assert not re.fullmatch(pattern, "arn:aws:lambda:us-east-1:1:function:x")


def test_template_build_target_exists(function):
    """``sam build`` runs ``make build-<LogicalId>`` for BuildMethod: makefile."""
    assert function["Metadata"]["BuildMethod"] == "makefile"
    assert "build-SkillFunction:" in (ROOT / "Makefile").read_text()
