import pytest
import yaml

from skill.content import loader, safety_spec
from skill.nlu import safety
from skill.nlu.normalize import normalize
from skill.nlu.router import route
from skill.review import safety_check
from skill.review.safety_check import example_cases, example_status


def reported(text):
    found = safety.first_reported(safety.findings(normalize(text)))
    return found.intent if found else None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my husband can't breathe", "EmergencyIntent"),
        ("she has chest pain", "EmergencyIntent"),
        ("my mom passed out", "EmergencyIntent"),
        ("he fell down the stairs", "EmergencyIntent"),
        ("sudden numbness in my legs", "EmergencyIntent"),
        ("the bleeding won't stop", "EmergencyIntent"),
        ("my wife is running a fever", "FeverIntent"),
        ("i have a fever and chills", "InfectionSignsIntent"),
        ("my incision is red and swollen", "IncisionConcernIntent"),
        ("there's green stuff coming out of the cut", "IncisionConcernIntent"),
        ("no, my incision is red", "IncisionConcernIntent"),
        ("i think it's infected", "InfectionSignsIntent"),
        ("my pain is getting worse", "WorseningPainIntent"),
        ("i have a new sharp pain in my hip", "WorseningPainIntent"),
        ("my dad's speech is slurred", "EmergencyIntent"),
        # a learner's bare verb of a wound's fluid; a pain denied before the surgery is new
        ("some yellow liquid is flow out from the cut", "IncisionConcernIntent"),
        ("i have a new pain in my hip, before surgery no this pain", "WorseningPainIntent"),
        ("i worry about my incision, it is red and swollen", "IncisionConcernIntent"),
        # what to watch for, then what is seen as a clause of its own
        ("what should i watch for, my incision is red and hot", "IncisionConcernIntent"),
        # pity said of the one cared for is no other experiencer
        ("my husband fell in the bathroom, poor thing", "EmergencyIntent"),
        ("my mum has a fever of 102, the poor thing", "FeverIntent"),
        # a learner's bare verb; shaking from the cold in bed; an easing denied
        ("my daughter says i talk very weird today", "EmergencyIntent"),
        ("i'm trembling from the cold in bed", "InfectionSignsIntent"),
        ("the ache is worse every day and not letting up", "WorseningPainIntent"),
        ("the redness is spreading", "IncisionConcernIntent"),
        ("there's pain shooting down my leg", "WorseningPainIntent"),
        ("nine one one", "EmergencyIntent"),
        # a thing or a time beside a report leaves it a report
        ("after my bath the incision looked red and swollen", "IncisionConcernIntent"),
        ("the drain site is red and leaking pus", "IncisionConcernIntent"),
        ("my incision has been red and swollen since then", "IncisionConcernIntent"),
        # emergencies and worse pain in everyday words
        ("my wife took a nasty fall on the stairs", "EmergencyIntent"),
        ("his smile looks all lopsided and he can not speak clearly", "EmergencyIntent"),
        ("she slumped to the floor and won't answer me", "EmergencyIntent"),
        ("the painkillers are not working anymore", "WorseningPainIntent"),
        ("the pain in my hip keeps creeping up", "WorseningPainIntent"),
        ("my husband all of a sudden can not stand up", "EmergencyIntent"),
        ("she is fighting for breath", "EmergencyIntent"),
        ("911 now", "EmergencyIntent"),
        # the time after the operation is no supposition about the operation itself
        ("in my surgery recovery i fell down the stairs", "EmergencyIntent"),
        ("i fell during my surgery recovery", "EmergencyIntent"),
        # a worry about what the patient has is a report
        ("should i be worried about the redness around my incision", "IncisionConcernIntent"),
        ("should i worry about numbness in my leg, it started an hour ago", "EmergencyIntent"),
        # a caregiver's "not me" says the patient has it, not the one speaking
        ("she has a fever of 102, not me", "FeverIntent"),
        ("i'm burning up inside, it's 102.5", "FeverIntent"),
        # a lower reading that is still a fever; a likeness is no supposition
        ("my fever was 103 this morning but it came down to 102", "FeverIntent"),
        ("it feels as if i have a fever of 102", "FeverIntent"),
        ("it feels as if suddenly my chest is being crushed", "EmergencyIntent"),
        ("my husband fell, not me", "EmergencyIntent"),
    ],
)
def test_reported_symptom_is_urgent(text, intent):
    assert reported(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "no fever, but can i take tylenol",
        "i don't have any redness",
        "the pain isn't getting worse",
        "is there a risk of infection",
        "what are the signs of infection",
        "how do i know if my incision is infected",
        "my fever is gone",
        "she fell asleep on the couch",
        "same day discharge",
        # an emergency number that names a thing
        "my neighbor just bought a porsche 911",
        "the 911 dispatcher put me on hold",
        # a pet is another experiencer, whatever the animal
        "my goldfish is bleeding",
        # getting better, long ago, a worry about the future, idioms and things
        "my back pain is much better than last week",
        "my dad fainted at a wedding years ago",
        "will the pain be worse after therapy sessions",
        "that movie gave me chills",
        "i nearly slipped on the ice but i was fine",
        "i passed out laughing at the party",
        "the old fence collapsed in the storm",
        "spurs are bleeding goals again",  # a team that concedes
        # "his" is the dog's, not the patient's
        "my dog's incision from his surgery is oozing",
    ],
)
def test_negated_or_asked_about_symptom_is_not_urgent(text):
    assert reported(text) is None


def test_without_negated_cuts_the_denied_symptom():
    text = normalize("no fever but can i take tylenol")
    assert safety.without_negated(text, safety.findings(text)) == "but can i take acetaminophen"


# --- The safety file's own examples, and the issue's failure classes -------------------

SPEC = safety_spec.load()
ENGINE = safety.default_engine()


@pytest.mark.parametrize(("rule", "status", "text"), list(example_cases(SPEC)))
def test_every_example_in_the_safety_file_has_its_status(rule, status, text):
    assert example_status(ENGINE, rule, text) == status


def test_every_rule_carries_an_example_of_each_status():
    for rule in SPEC.rules:
        assert {k for k, v in rule.examples.items() if v} == set(safety_spec.STATUSES), rule.name


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("the skin around my staples is hot and angry", "IncisionConcernIntent"),
        ("the steri strips are wet with yellow stuff", "IncisionConcernIntent"),
        ("the ache has doubled since this morning", "WorseningPainIntent"),
        ("I'm hurting much more than I did at breakfast", "WorseningPainIntent"),
        ("dial nine one one", "EmergencyIntent"),
        ("I need paramedics", "EmergencyIntent"),
    ],
)
def test_issue_reports_are_urgent(text, intent):
    assert reported(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "my cat is running a fever",
        "the oven is at 350",
        "set the heat to 68",
        "my phone battery is swollen",
        "the sink is leaking",
        "is numbness normal after surgery?",
        "could I bleed a lot during the operation?",
        "what if it starts oozing later?",
    ],
)
def test_issue_non_reports_are_not_urgent(text):
    assert reported(text) is None


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("my cat is running a fever", "other_experiencer"),
        ("is numbness normal after surgery?", "asked"),
        ("what if it starts oozing later?", "asked"),
        ("the redness went away", "resolved"),
        ("no redness or swelling", "negated"),
    ],
)
def test_mentions_carry_the_modifier_that_reaches_them(text, status):
    assert {f.status for f in safety.findings(normalize(text))} == {status}


@pytest.mark.parametrize(("text", "status"), [
    # a question that opens on the symptom itself
    ("is numbness in my leg normal after this", "asked"),
    ("are chills a sign of something", "asked"),
    # the same words further in still report
    ("there is numbness in my leg", "reported"),
    # someone asked about, not a site: "my wife" is the patient a caregiver speaks for
    ("is it normal for my wife to have some numbness after fusion", "asked"),
    # of a site, in a learner's words too, asks (after "normal that" as well); a report
    # before a tag question still reports
    ("is it normal for the stitches to look a bit red", "asked"),
    ("is normal that my wound is little bit swollen", "asked"),
    ("my incision is red and puffy tonight, is that normal", "reported"),
])
def test_a_question_opening_on_the_symptom_asks(text, status):
    assert {f.status for f in safety.findings(normalize(text))} == {status}


def test_a_misspelt_modifier_key_is_refused():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["modifiers"]["negated"]["befor"] = ["not"]
    with pytest.raises(safety_spec.SpecError, match="modifiers.negated: unknown key 'befor'"):
        safety_spec.parse(raw)


def test_a_modifier_setting_that_is_not_true_or_false_is_refused():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["modifiers"]["not_patient"]["across_breaks"] = "yes"
    with pytest.raises(safety_spec.SpecError, match="across_breaks: expected true or false"):
        safety_spec.parse(raw)


def test_a_misspelt_rule_key_or_setting_is_refused():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["rules"][0]["windw"] = 3
    with pytest.raises(safety_spec.SpecError, match="unknown key 'windw'"):
        safety_spec.parse(raw)
    raw["rules"][0].pop("windw")
    raw["rules"][0]["contrast"] = "yes"
    with pytest.raises(safety_spec.SpecError, match="contrast: expected true or false"):
        safety_spec.parse(raw)


@pytest.mark.parametrize(("text", "intent"), [
    # a pain score told against a lower one across "but" (the rule's contrast)
    ("my pain was 3 yesterday but now it is 8", "WorseningPainIntent"),
    # a wound's sign told against what was: only the words after it say what is so now
    ("the wound looked fine yesterday but today it is red", "IncisionConcernIntent"),
    ("the incision looked bad yesterday but the redness has gone now", None),
])
def test_only_a_contrast_rule_pairs_across_but(text, intent):
    assert reported(text) == intent


def test_a_person_between_the_thing_and_the_symptom_is_the_experiencer_again():
    assert reported("my dog jumped on my incision and now it is red and swollen") == (
        "IncisionConcernIntent")


def test_a_clinic_adds_a_body_site_by_editing_the_data():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    text = normalize("the skin flap is puffy")
    assert not any(f.status == "reported" for f in ENGINE.findings(text))
    raw["concepts"]["site"].append("skin flap")
    engine = safety.Engine(safety_spec.parse(raw))
    assert safety.first_reported(engine.findings(text)).intent == "IncisionConcernIntent"


def check(raw) -> list[str]:
    problems: list[str] = []
    safety_check.check_spec(safety_spec.parse(raw), INTENTS, "intents/_safety.yaml",
                            lambda w, m: problems.append(f"{w}: {m}"))
    return problems


INTENTS = {s.name for s in loader.load_content().intents}


def test_validate_names_unknown_concepts_missing_kinds_and_wrong_examples():
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    assert check(raw) == []
    rule = next(r for r in raw["rules"] if r["name"] == "chills")
    rule["concepts"] = ["chills", "goosebumps"]
    del rule["examples"]["resolved"]
    fever = next(r for r in raw["rules"] if r["name"] == "reported fever")
    fever["examples"]["negated"] = ["i have a fever"]
    raw["readings"]["examples"]["not_reading"].append("my temperature is 102")
    problems = check(raw)
    assert "intents/_safety.yaml: rules.chills: unknown concept 'goosebumps'" in problems
    assert "intents/_safety.yaml: rules.chills: needs a 'resolved' example" in problems
    assert ("intents/_safety.yaml: rules.reported fever: 'i have a fever' should be negated, "
            "is reported") in problems
    assert ("intents/_safety.yaml: readings: 'my temperature is 102' is not a reading, "
            "reads 102") in problems


def test_a_misspelt_section_or_an_unknown_topic_is_refused(tmp_path):
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    raw["emergency_questions"].append("ChestPainIntent")
    assert ("intents/_safety.yaml: emergency_questions: unknown intent 'ChestPainIntent'"
            in check(raw))
    raw["asked_answer"] = raw.pop("asked_answers")  # a section left out would go unseen
    (tmp_path / "intents").mkdir()
    (tmp_path / "intents" / "_safety.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    problems: list[str] = []
    safety_check.check_safety(tmp_path, INTENTS, lambda w, m: problems.append(f"{w}: {m}"))
    assert problems == [f"{tmp_path / 'intents' / '_safety.yaml'}: file: unknown key "
                        "'asked_answer'"]


def test_validate_names_a_phrase_normalize_cuts_to_one_of_its_words():
    """'what kind of' is a bare 'what' once the hedge is dropped: it would mark every
    question that says 'what' as asked."""
    raw = yaml.safe_load(safety_spec.safety_path().read_text(encoding="utf-8"))
    asked = next(m for name, m in raw["modifiers"].items() if name == "asked")
    asked["before"].append("what kind of")
    assert ("intents/_safety.yaml: modifiers.asked.before: 'what kind of' is only 'what' "
            "after normalize() (the other words are fillers)") in check(raw)


def test_malformed_safety_file_is_one_path_message(tmp_path):
    (tmp_path / "intents").mkdir()
    (tmp_path / "intents" / "_safety.yaml").write_text("rules: {oops: 1}\n", encoding="utf-8")
    problems: list[str] = []
    safety_check.check_safety(tmp_path, INTENTS, lambda w, m: problems.append(f"{w}: {m}"))
    assert problems == [f"{tmp_path / 'intents' / '_safety.yaml'}: rules: expected a list"]


@pytest.mark.parametrize(("text", "intent", "key"), [
    # once the reasons to call; now the symptom's calm answer (skill.nlu.calm.kept)
    ("how can i tell if my wound is infected", "InfectionSignsIntent", "infection_calm"),
    ("what if the swelling around my incision gets worse", "IncisionConcernIntent",
     "incision_calm"),
    # a question that names calling keeps the reasons to call
    ("what if the swelling around my incision gets worse, do i call", "WhenToCallIntent",
     "when_to_call"),
])
def test_a_question_about_a_symptom_gets_an_informational_answer_not_the_urgent_one(
        text, intent, key):
    from skill.alexa import responses
    from skill.content import loader
    from skill.nlu.router import route

    found = route(text)
    choice = responses.select(found.intent, found.slots, loader.load_content())
    assert (found.intent, choice.key, choice.urgent) == (intent, key, False), found


def test_a_question_no_topic_answers_gets_the_calm_answer_of_its_symptom():
    # once the reasons to call; now the wound's calm answer (skill.nlu.calm)
    from skill.alexa import responses
    from skill.content import loader
    from skill.nlu.router import route

    found = route("is a little drainage from the incision normal")
    choice = responses.select(found.intent, found.slots, loader.load_content())
    assert (found.intent, choice.key, choice.urgent) == (
        "IncisionConcernIntent", "incision_calm", False)


@pytest.mark.parametrize(("text", "emergency"), [
    ("can i sit on the floor with my grandkids", False),
    ("is it ok to kneel on the ground to weed the garden", False),
    ("my wife is lying on the floor and can't get up", True),
    ("i'm on the floor, i slipped in the kitchen", True),
])
def test_a_place_to_sit_is_no_fall_but_someone_down_is(text, emergency):
    assert (route(text).intent == "EmergencyIntent") is emergency
