"""Which point of a topic a question gets: word forms, small words between, kinds of
question, comparisons. Phrasings are the team's own, not from the frozen sets."""

from __future__ import annotations

import pytest

from skill.content import answers, loader
from skill.nlu import facet_moves, facets


def _entry(key: str) -> answers.Answer:
    return answers.of(loader.load_content())[key]


@pytest.mark.parametrize(("key", "text", "facet"), [
    # word forms: "heal" in the data meets "healing"
    ("risks", "what happens if the joint is not healing", "non_healing"),
    # small words between the words of a phrase
    ("risks", "what if the bones are not going to heal", "non_healing"),
    # a dropped ending meets a word with a final "e": "deciding" is "decide"
    ("candidacy", "how are they deciding whether i get it", "decision"),
    # a kind of question plus the facet's words beats the words alone
    ("walking", "how long will my dad have to use his walker", "walker_how_long"),
    ("walking", "does she need a walker", "walker"),
    # the kind beats a bare word of the same rank: the odds, not the infection
    ("risks", "how often does infection happen", "odds"),
    ("hospital_stay", "how many nights will he stay", "how_long"),
    ("procedure_steps", "how many screws do they put in", "how_many"),
    # kinds of question: a cause asked with the facet's words, how one can tell, a day
    ("about_procedure", "how come my si joint is so sore", "cause_asked"),
    ("fusion_healing", "how can i tell the bones have joined", "confirm"),
    ("pain_expectations", "which day does the worst of it end", "how_long_asked"),
    # the joint's name alone is no point: what is asked of it is
    ("about_procedure", "what role does the sacroiliac joint play", "joint_role"),
    ("about_procedure", "what is the sacroiliac joint", "anatomy"),
    # points of the guide that had no facet: who it is for, the last step, an age
    ("candidacy", "would it help someone with chronic pain in the pelvis", "conditions"),
    ("procedure_steps", "do i get stitches afterwards", "closing"),
    ("candidacy", "am i too old for this", "age"),
    ("fusion_healing", "what happens if the bone graft does not take", "non_healing"),
    # a number asked about a point the guide gives without one: it says so
    ("surgical_approach", "how many days sooner will i recover with small cuts", "recovery_time"),
    ("candidacy", "how long should i do injections first", "tried_first_how_long"),
    # a phrase's pointing word is any the user says, or none; a hedge between is skipped
    ("about_procedure", "what does this joint really do", "joint_role"),
    ("about_procedure", "what does joint usually do", "joint_role"),
    # a size, a unit or a score asked of a point: the guide gives none, and says so
    ("procedure_steps", "what size are the screws", "implant_size"),
    ("procedure_steps", "how long is the cut in centimeters", "cut_size"),
    ("surgical_approach", "will the scar be more than two inches", "incision_measure"),
    ("pain_expectations", "what should my pain score be", "scale"),
    ("risks", "what is the bleeding rate", "odds"),
    # the facet whose words meet more of the question: the decision's scans and deciding
    # over the one word of who it is for
    ("candidacy", "do they look at my mri scans to decide if i am a candidate", "decision"),
    ("candidacy", "am i a candidate", "conditions"),
    # the everyday words of a point: what holds the joint, why the open way, who it suits
    ("fusion_healing", "what holds the bones in place while they grow together", "implants"),
    ("surgical_approach", "why would anyone need the open way", "open_reason"),
    ("benefits", "will i feel better after", "success"),
    ("candidacy", "am i eligible for this", "conditions"),
    ("candidacy", "at what point would a surgeon recommend it", "considered"),
    ("risks", "will i be less flexible afterwards", "motion"),
    ("benefits", "will the relief wear off", "lasting"),
    ("about_procedure", "is the fusion temporary", "reversible"),
    # points of topics that had none: the time asleep, the stay after, who to call, how
    # long a fever or how much drainage (the guide gives no number, and says so)
    ("surgery_duration", "how long will she be knocked out", "time_asleep"),
    ("surgery_duration", "when can he leave the recovery room", "afterwards"),
    ("care_team_contact", "who should i call with a question", "who"),
    ("fever", "how many days can a fever last", "fever_days"),
    ("incision_calm", "roughly how much oozing is okay", "incision_amount"),
    # a point in everyday words: compared with other surgery, what to expect, what
    # therapy is for, bones knitting, what is scraped out, who it is intended for
    ("risks", "is it more risky than a knee replacement", "any_surgery"),
    ("pain_expectations", "should i expect pain after the operation", "expected"),
    ("physical_therapy", "will therapy make me stronger", "purpose"),
    ("fusion_healing", "do the bones knit together", "grow_together"),
    ("procedure_steps", "do they scrape out the joint", "removed"),
    ("candidacy", "which patients is it intended for", "conditions"),
    # a facet whose kind of question is not asked names no point to weigh: "joint" is
    # no size question, so "or" leaves the names alone
    ("about_procedure", "is sacroiliac fusion the same as the joint fusion or something else",
     "names"),
    # one word to a facet: the operation is the surgery, a unit's short or British form
    ("risks", "what happens if i need a second operation", "non_healing"),
    ("sitting", "how many hrs can i sit in the car", "how_long_asked"),
    ("procedure_steps", "how many millimetres wide are the screws", "implant_size"),
    # one word naming two facets is one point, though "or" is said: not a comparison
    ("walking", "how many days or weeks will i need the cane", "walker_how_long"),
    # "better" alone compares nothing: the point asked stays
    ("candidacy", "arthritis in the si joint that never got better, is that a reason",
     "sacroiliitis"),
    # any question of how long to a topic whose guide gives no time: it says so
    ("lifting_limit", "by which date is the 10 pound rule over", "how_long_asked"),
    # how one would tell, a sign the guide does not name, the care team out of hours
    ("infection_calm", "how would i tell that the wound has an infection", "tell"),
    ("infection_calm", "is night sweating a sign of infection", "other_sign"),
    ("care_team_contact", "can i reach the spine team out of hours", "hours"),
    # the bones' own growing is their growing together; a limit lifted is one ended; a
    # precision asked for frames the question ("what precise week")
    ("fusion_healing", "will there be bone growth between the two sides", "grow_together"),
    ("fusion_healing", "do the bones fuse slowly over time", "grow_together"),
    ("lifting_limit", "when is the ten pound limit lifted", "how_long"),
    ("pain_expectations", "what precise week will the soreness end", "how_long_asked"),
    # an exact figure of the surgery's time: about one hour, the guide gives no minutes
    ("surgery_duration", "how long is the surgery exactly", "exact"),
])
def test_a_question_gets_the_point_it_asks_about(key, text, facet):
    assert facets.choose(text, _entry(key)) == facet


@pytest.mark.parametrize(("key", "text"), [
    # a content word between keeps a name apart: "si joint fusion" is not "si fusion"
    ("about_procedure", "who needs si joint fusion"),
    # a bare word never gains an "e": "can" is not "cane"
    ("walking", "can she go for a stroll now"),
    # two points weighed against each other: the overview, which names both
    ("surgical_approach", "is mine going to be open surgery or minimally invasive"),
    # a kind of question with no facet of that kind: the topic's first answer
    ("surgery_duration", "how long is the surgery"),
])
def test_a_question_without_one_point_gets_the_overview(key, text):
    assert facets.choose(text, _entry(key)) is None


@pytest.mark.parametrize(("key", "text", "opener"), [
    ("about_procedure", "is the fusion permanent", "Yes."),
    ("about_procedure", "can an si fusion be undone", "No."),
    ("about_procedure", "is it only temporary", "No."),
    ("fusion_healing", "will the fused bones stay that way forever", "Yes."),
    ("fusion_healing", "can they reverse the fusion", "No."),
])
def test_a_yes_no_question_gets_the_opener_of_its_polarity(key, text, opener):
    entry = _entry(key)
    point = facets.choose(text, entry)
    assert point is not None
    assert entry.facets[point].speech[0].say.startswith(opener)


def test_a_question_asked_both_ways_gets_no_yes_or_no():
    entry = _entry("about_procedure")
    point = facets.choose("is the fusion permanent or can it be undone", entry)
    assert point == "permanence"
    assert not entry.facets[point].speech[0].say.startswith(("Yes", "No"))


def test_an_urgent_intents_points_are_those_of_its_calm_answer():
    content = loader.load_content()
    points = facets.points_of("IncisionConcernIntent", content)
    assert points is not None and points.key == "incision_calm"
    own = facets.points_of("SurgeryDurationIntent", content)
    assert own is not None and own.key == "surgery_duration"


@pytest.mark.parametrize("text", [
    "how come my sacroiliac joint aches",
    "what makes that joint so painful",
])
def test_a_reason_asked_of_the_joints_own_pain_is_its_cause(text):
    moved = facet_moves.elsewhere("PainExpectationsIntent", text, loader.load_content())
    assert moved == ("AboutProcedureIntent", "cause_asked")


@pytest.mark.parametrize("text", [
    # the pain after the operation, the joint unnamed or the operation named
    "why does my back ache after surgery",
    "why is the joint still sore",
    "why does the si joint hurt since the operation",
])
def test_a_reason_asked_of_the_pain_after_the_operation_stays(text):
    moved = facet_moves.elsewhere("PainExpectationsIntent", text, loader.load_content())
    assert moved != ("AboutProcedureIntent", "cause_asked")


@pytest.mark.parametrize(("text", "point"), [
    ("what is the role of the sacroiliac joint", "joint_role"),
    ("what role does that joint play in my body", "joint_role"),
    ("where exactly is the si joint, near the tailbone", "anatomy"),
])
def test_a_point_of_the_joint_itself_is_the_procedures(text, point):
    content = loader.load_content()
    assert facet_moves.elsewhere("FusionHealingIntent", text, content) == (
        "AboutProcedureIntent", point)
    # asked back between the procedure and another topic: the joint's point settles it
    pair = ("AboutProcedureIntent", "FusionHealingIntent")
    assert facet_moves.one_point(pair, text, content) == ("AboutProcedureIntent", point)


def test_the_joint_after_the_operation_is_no_point_of_the_joint_itself():
    content = loader.load_content()
    assert facet_moves.joint_point("what does the si joint do after the fusion", content) is None


def test_of_two_topics_the_one_whose_point_alone_is_named_is_chosen():
    content = loader.load_content()
    pair = ("CandidacyIntent", "HospitalStayIntent")
    assert facet_moves.one_point(pair, "will my si fusion be inpatient or outpatient",
                                 content) == ("HospitalStayIntent", "going_home")
    # the recovery unnamed but by the point's own word (a screw is an implant): no choice
    pair = ("ProcedureStepsIntent", "FusionHealingIntent")
    assert facet_moves.one_point(pair, "how do i tighten a screw that keeps turning",
                                 content) is None


def test_a_topic_of_no_points_keeps_nothing_of_a_question_naming_another_topics_point():
    content = loader.load_content()
    moved = facet_moves.elsewhere("ReturnToNormalIntent",
                                  "how many weeks of injections do i need to try before surgery",
                                  content)
    assert moved == ("CandidacyIntent", "tried_first")
    # when to call keeps its question: contacting the team is said in passing
    assert facet_moves.elsewhere("WhenToCallIntent",
                                 "which warning signs mean contacting the surgical team",
                                 content) is None


def test_a_kind_of_question_alone_never_moves_a_question_to_another_topic():
    content = loader.load_content()
    # "how long" asks a duration in several topics: no sign of any one of them
    assert facet_moves.elsewhere("AMAZON.FallbackIntent", "how long", content) is None


def test_a_declined_number_asked_of_a_thing_a_point_names_gets_that_point():
    content = loader.load_content()
    # the measure asked ("how many millimetres") of the wound, which the guide gives none of
    moved = facet_moves.number_asked("how many millimetres wide would my incision end up",
                                     content)
    assert moved is not None and moved[1] in ("cut_size", "incision_measure")
    # the kind alone names nothing; the thing without an operation's own word neither
    assert facet_moves.number_asked("how many millimetres wide is it", content) is None
    assert facet_moves.number_asked("buy screws 8 millimetres long for the shelf",
                                    content) is None


def test_an_unknown_kind_of_question_is_malformed():
    entries = {"_asks": {"duration": ["how long"]},
               "k": {"speech": [{"say": "Walk.", "from": "Walk and move regularly"}],
                     "facets": {"f": {"asks": "distance", "speech": [
                         {"say": "Walk.", "from": "Walk and move regularly"}]}}}}
    parsed, errors = answers.parse_all(entries)
    assert "k" not in parsed and any("distance" in e and "_asks" in e for e in errors)


def test_a_facet_needs_words_or_a_kind():
    with pytest.raises(answers.AnswerError, match="needs a list of 'words', or 'asks'"):
        answers.parse("k", {"speech": [{"say": "Walk.", "from": "x"}],
                            "facets": {"f": {"speech": [{"say": "Walk.", "from": "x"}]}}})


def test_a_number_asked_of_a_topic_gets_its_point_of_that_kind():
    stay = _entry("hospital_stay")
    assert facets.number_point(facets.forms_of("how many hours do they keep you"), stay) \
        == "how_long"
    assert facets.number_point(facets.forms_of("do they keep you in"), stay) is None
