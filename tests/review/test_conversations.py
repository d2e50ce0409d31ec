"""si-skill eval-dialogs: whole conversations scored turn by turn, and the blind figure."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest

from skill.cli import main
from skill.review import conversations
from tests.support.paths import DIALOGS

BLIND = DIALOGS / "blind" / "conversations.yaml"
# The share of blind turns answered right when this floor was set was 87.5 %; the floor
# sits a few turns below so a change that loses ground fails (target: 95 %). It read
# 94.1 % on 2026-11-27 (built-in intent names and "more" on the topic read as such).
BLIND_FLOOR = 0.92
# Each dev file (tuned on) at the share it reached, so a change that loses turns fails.
# writers2 expects the session to end after an emergency answer, writers3 and writers4
# that it stays open on the urgent path (repeat, then "no" with the call): it stays open.
DEV_FLOORS = {"conversations.yaml": 0.97, "writers.yaml": 0.94, "writers2.yaml": 0.92,
              "writers3.yaml": 0.96, "writers4.yaml": 0.97, "writers5.yaml": 0.82,
              "writers6.yaml": 0.85, "writers7.yaml": 0.865,
              "writers8.yaml": 0.90,
              # came in on 2026-11-26 at 78.5 %
              "writers9.yaml": 0.87,
              # came in on 2026-11-27 at 91.5 % (its writer's "offer_accepted" read as
              # the offered topic, the scorer's way of naming it)
              "writers10.yaml": 0.91,
              # came in on 2026-11-27 at 86.9 % (113 of 130 turns); 90.0 % now (a prompt where
              # its writer expected a decline is scored a miss)
              "writers11.yaml": 0.89,
              # came in on 2026-11-27 at 79.7 % with its writer's built-in intent names
              # (AMAZON.StopIntent, the topic for "tell me more") scored as misses; 95.1 %
              # read as the scorer now reads them
              "writers12.yaml": 0.95,
              # came in on 2026-11-27 at 90.5 % (86 of 95 turns), held out of the day's
              # conversation work, which did not reach it; 93.7 % once an expectation
              # named AMAZON.NoIntent is scored as the goodbye the skill's "no" answers
              "writers13.yaml": 0.936,
              # came in on 2026-11-27 at 82.5 % (99 of 120 turns), held out of the day's
              # first work, which did not reach it; 85.0 % with the late conversation work;
              # 86.7 % once a "no" after an urgent answer is read as the goodbye it opens;
              # 88.3 % with AMAZON.NoIntent scored as that goodbye; 91.7 % once a dropped
              # first h, a recognizer's "too" for two and "for X's sake" were read
              "writers14.yaml": 0.916,
              # came in on 2026-11-27 at 91.1 % (112 of 123 turns, its writer's built-in
              # intent names read as the scorer names them), 91.9 % with the day's first
              # work; 92.7 % with the late work (a "no" after an urgent answer read as the
              # goodbye it opens); 94.3 % with a wound's sign said of "it" in a session on
              # the incision, a number asked back and a new thing asked of the topic
              "writers15.yaml": 0.943,
              # came in on 2026-11-28 at 88.5 % (108 of 122 turns, 13 of its writer's
              # built-in intent names read as the scorer names them), half held out of the
              # day's work (53 of 61 on arrival and at the day's end); 88.5 % at the end
              "writers16.yaml": 0.885,
              # came in on 2026-11-28 (the day's second) at 81.3 % (100 of 123 turns, 12
              # of its writer's built-in intent names read as the scorer names them), half
              # held out of the day's work (54 of 62 on arrival, 55 at the day's end);
              # 83.7 % in all at the end
              "writers17.yaml": 0.837,
              # came in later on 2026-11-28 (the day's third) at 93.5 % (115 of 123 turns,
              # 15 of its writer's built-in intent names read as the scorer names them),
              # half held out of the day's work (57 of 61 on arrival and at the day's end);
              # 94.3 % in all at the end
              "writers18.yaml": 0.935}


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "conversations.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_each_expectation_is_scored(tmp_path):
    path = write(tmp_path, """\
        - name: lifting for the husband
          turns:
            - say: can I lift groceries
              expect: {topic: LiftingIntent, urgent: false, session_open: true, mentions: ["10"]}
            - say: what about for my husband?
              expect: {topic: LiftingIntent}
            - say: tell me more
              expect: {topic: more, mentions: ["3"]}
            - say: repeat that
              expect: {topic: repeat}
        - name: wrong on purpose
          turns:
            - say: what about for my husband?
              expect: {topic: LiftingIntent, mentions: ["911"]}
            - say: my incision is red
              expect: {topic: IncisionConcernIntent, urgent: false}
            - say: "no"
              expect: {topic: goodbye, session_open: true}
        """)
    report = conversations.evaluate(path)
    assert [bool(t.misses) for t in report.turns] == [False] * 4 + [True] * 3
    assert report.right == 4 and round(report.share, 3) == round(4 / 7, 3)
    kinds = report.misses_by_kind()
    assert kinds["topic"] == 1 and kinds["mention"] == 1 and kinds["urgent"] == 1
    assert kinds["session_open"] == 1


def test_built_in_names_and_the_topic_going_on(tmp_path):
    path = write(tmp_path, """\
        - name: sitting, more of it, again, then stop
          turns:
            - say: how long can I sit
              expect: {topic: SittingIntent}
            - say: tell me more
              expect: {topic: SittingIntent}
            - say: say that again
              expect: {topic: SittingIntent}
            - say: what about lifting
              expect: {topic: LiftingIntent}
            - say: repeat that
              expect: {topic: SittingIntent}
            - say: help
              expect: {topic: AMAZON.HelpIntent}
            - say: stop
              expect: {topic: AMAZON.StopIntent}
        """)
    report = conversations.evaluate(path)
    # the repeat after lifting repeats lifting, not sitting: the one miss
    assert [bool(t.misses) for t in report.turns] == [False] * 4 + [True] + [False] * 2


def test_a_no_named_by_its_built_in_is_the_goodbye_it_answers(tmp_path):
    path = write(tmp_path, """\
        - name: lifting, then no to more
          turns:
            - say: how much can I lift
              expect: {topic: LiftingIntent}
            - say: "no thanks"
              expect: {topic: AMAZON.NoIntent, session_open: false}
        - name: an urgent report, then no
          turns:
            - say: my incision is red and oozing
              expect: {topic: IncisionConcernIntent, urgent: true}
            - say: "no"
              expect: {topic: AMAZON.NoIntent, mentions: [call]}
        """)
    assert not [t.misses for t in conversations.evaluate(path).turns if t.misses]


def test_blind_conversations_share_above_the_floor():
    report = conversations.evaluate(BLIND)
    turns, share = len(report.turns), report.share
    del report  # a failure shows the figures only, never the blind words
    assert turns >= 150
    assert share >= BLIND_FLOOR


def test_cli_reports_the_share_without_the_words(tmp_path):
    path = write(tmp_path, """\
        - name: one
          turns:
            - say: a secret question about lifting groceries
              expect: {topic: SittingIntent}
        """)
    out = io.StringIO()
    assert main(["eval-dialogs", str(path)], out) == 0
    assert "1 turns, 0 right (0.0%)" in out.getvalue() and "secret" not in out.getvalue()
    shown = io.StringIO()
    main(["eval-dialogs", "--show-misses", str(path)], shown)
    assert "secret" in shown.getvalue()


def test_cli_reads_a_folder_file_by_file(tmp_path):
    lifting = write(tmp_path, """\
        - name: one
          turns:
            - say: can I lift groceries
              expect: {topic: LiftingIntent}
        """).read_text(encoding="utf-8")
    (tmp_path / "conversations.yaml").rename(tmp_path / "b.yaml")
    (tmp_path / "a.yaml").write_text(lifting, encoding="utf-8")
    out = io.StringIO()
    assert main(["eval-dialogs", str(tmp_path)], out) == 0
    lines = [line for line in out.getvalue().splitlines() if "turns" in line]
    assert [Path(line.split(":")[0]).name for line in lines] == ["a.yaml", "b.yaml"]
    assert all("1 turns, 1 right (100.0%)" in line for line in lines)


def test_cli_unreadable_file_exits_2(tmp_path):
    out = io.StringIO()
    assert main(["eval-dialogs", str(write(tmp_path, "name: not a list\n"))], out) == 2


@pytest.mark.parametrize(("name", "floor"), list(DEV_FLOORS.items()))
def test_dev_conversations_hold_their_floors(name, floor):
    report = conversations.evaluate(DIALOGS / "dev" / name)
    assert report.share >= floor, [t for t in report.turns if t.misses][:5]
