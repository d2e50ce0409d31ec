"""The local router: its own samples, the held-out phrasings, and the safety rules."""

from __future__ import annotations

import pytest

from skill.content import loader
from skill.content.templates import expand
from skill.nlu.forms import CARRIERS
from skill.nlu.router import FALLBACK, Decision, Step, explain, route
from skill.review import cases, evaluate
from tests.support.heldout import CASES
from tests.support.paths import CASES_DIR

# A value that stands in for each slot when a sample is said back to the router.
SLOT_FILLERS = {"{temperature}": "ninety nine", "{decimal}": "five", "{unit}": "fahrenheit",
                "{topic}": "driving"}


def said(sample: str) -> str:
    for slot, value in SLOT_FILLERS.items():
        sample = sample.replace(slot, value)
    return sample


def routed_samples():
    for spec in loader.load_content().intents:
        if not spec.router:
            continue
        for line in (*spec.samples, *spec.local_samples):
            for sentence in expand(line, spec.rules):
                if not any(c in sentence for c in CARRIERS):  # Alexa's carriers: not routed
                    yield spec.name, said(sentence)


def test_every_sample_routes_to_its_own_intent():
    wrong = [(intent, text, route(text).intent) for intent, text in routed_samples()
             if route(text).intent != intent]
    assert wrong == []


def test_held_out_set_is_big_enough_and_independent_of_samples():
    samples = {text for _, text in routed_samples()}
    assert len(CASES) >= 300
    assert sum(c["urgent"] for c in CASES) >= 60
    assert sum(c["intent"] in (FALLBACK, "UncoveredTopicIntent") for c in CASES) >= 40
    # Written without seeing the samples; short natural questions ("help") coincide.
    same = [c["text"] for c in CASES if c["text"].lower() in samples]
    assert len(same) <= 0.15 * len(CASES), same


def test_held_out_urgent_recall_is_total():
    missed = [(c["text"], route(c["text"]).intent) for c in CASES
              if c["urgent"] and route(c["text"]).intent != c["intent"]]
    assert missed == []


def test_held_out_accuracy_at_least_95_percent():
    wrong = []
    for case in CASES:
        found = route(case["text"])
        slots_ok = all(found.slots.get(k) == str(v) for k, v in (case.get("slots") or {}).items())
        if found.intent != case["intent"] or not slots_ok:
            wrong.append((case["text"], case["intent"], found.intent, found.slots))
    accuracy = 1 - len(wrong) / len(CASES)
    assert accuracy >= 0.95, f"accuracy {accuracy:.3f}; wrong: {wrong}"


# Floors on the outside writers' dev cases, at the figures measured when each file came
# in (`si-skill eval FILES`): a change that loses ground fails. The urgent set
# (reports and near misses in everyday words) came in far below the rest and is held
# apart, so that ground won there is kept.
WRITER_FLOORS = {
    # came in on 2026-11-28 (the day's second), measured on arrival on the day's first
    # build and split: the even entries joined dev, the odd half was held out of the day's
    # work (10 + 10 lines repeating older cases dropped). Urgent reports and near misses in
    # seven voices, a third speech-recognition transcripts: 85.7 / 98.3 / 8.9 / 1.1 / 81.2
    # / 1.1 (dev half) and 87.6 / 94.9 / 10.9 / 1.1 / 81.2 / 6.7 (held-out half) on
    # arrival; the held-out half the same with the day's work, 89.5 / 98.3 / 10.9 / 1.1 /
    # 81.2 / 4.5 once a substance coming from a site and drainage heard in pieces were
    # read. In-scope questions and household chatter in eight voices: 81.6 / - / 0 / 0 /
    # 98.3 / 22.4 and 88.8 / - / 0 / 0 / 98.3 / 12.3 on arrival; the held-out half 89.6 /
    # - / 0 / 0 / 96.7 / 9.2 at the day's end. Floors at the day's end, both halves (as
    # measured on the tests' pinned day, which reads a month named with its year apart).
    ("writers_dh.yaml",): (
        {"urgent recall": 0.99, "accuracy": 0.875, "off-topic declined": 0.810},
        {"false urgent": 0.100, "911 for non-emergency": 0.017}),
    ("writers_di.yaml",): (
        {"accuracy": 0.887, "off-topic declined": 0.974},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    # came in later on 2026-11-28 (the day's third), measured on arrival and split the same
    # way (15 + 9 lines repeating older cases dropped). Urgent reports and near misses in
    # seven voices, a third speech-recognition transcripts: 83.5 / 94.9 / 13.6 / 1.1 / 61.9
    # / 7.3 (dev half) and 88.2 / 93.2 / 2.3 / 0 / 86.7 / 6.9 (held-out half) on arrival;
    # the held-out half 89.2 / 93.2 / 2.3 / 0 / 86.7 / 5.7 at the day's end. In-scope
    # questions and household chatter in eight voices (Tagalog- and Haitian Creole-English
    # among them): 83.3 / - / 1.6 / 0.8 / 95.1 / 21.5 and 82.4 / - / 0.8 / 0 / 98.4 / 28.1
    # on arrival; the held-out half 85.6 / - / 0.8 / 0 / 98.4 / 23.4 at the day's end.
    # Floors a little under the day's end, both halves.
    ("writers_dj.yaml",): (
        {"urgent recall": 0.96, "accuracy": 0.86, "off-topic declined": 0.70},
        {"false urgent": 0.09, "911 for non-emergency": 0.01}),
    ("writers_dk.yaml",): (
        {"accuracy": 0.87, "off-topic declined": 0.965},
        {"false urgent": 0.012, "911 for non-emergency": 0.006}),
    # came in on 2026-11-28, measured on arrival on the day's first build and split: the
    # even entries joined dev, the odd half was held out of the day's work. Urgent reports
    # and near misses, half of them speech-recognition transcripts: 84.1 / 96.6 / 12.5 /
    # 0 / 72.7 / 3.1 (dev half) and 89.5 / 91.5 / 10.9 / 0 / 81.8 / 3.2 (held-out half) on
    # arrival; 92.4 / 100 / 6.5 / 0 / 81.8 / 2.1 on the held-out half at the day's end.
    # In-scope questions and household chatter: 89.7 / - / 0.8 / 0 / 93.8 / 4.9 and 89.8 /
    # - / 1.6 / 0.8 / 97.1 / 10.3 on arrival; 90.6 / - / 1.6 / 0.8 / 97.1 / 10.3 on the
    # held-out half at the day's end. Floors at the day's end, both halves.
    ("writers_dg.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.915, "off-topic declined": 0.909},
        {"false urgent": 0.043, "911 for non-emergency": 0.0}),
    ("writers_df.yaml",): (
        {"accuracy": 0.909, "off-topic declined": 0.970},
        {"false urgent": 0.012, "911 for non-emergency": 0.004}),
    # came in on 2026-11-27 and held out of the day's first work (on arrival: urgent reports
    # and near misses in eight voices 89.0 / 95.5 / 12.2 / 2.8 / 81.2 / 2.4; in-scope
    # questions and everyday lines in eight voices 86.7 / - / 0.5 / 0 / 100 / 11.0;
    # reports and their look-alikes in two voices and speech-recognition forms 71.7 /
    # 91.7 / 18.9 / 9.1 / 100 / 10.0); floors at the day's end, once long-ago events,
    # questions of anybody, plain and misheard report words and moves in everyday words
    # were read
    ("writers_da.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.934, "off-topic declined": 0.875},
        {"false urgent": 0.079, "911 for non-emergency": 0.0057}),
    ("writers_db.yaml",): (
        {"accuracy": 0.920, "off-topic declined": 1.0},
        {"false urgent": 0.0050, "911 for non-emergency": 0.0}),
    ("writers_de.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.816},
        {"false urgent": 0.056, "911 for non-emergency": 0.0159}),
    # came in on 2026-11-27 and measured on arrival (after 3 and 9 repeats of older cases
    # dropped): urgent reports and near misses in eight voices 86.6 / 94.4 / 4.5 / 0.6 /
    # 100 / 3.5, the same with the day's first merged work; floors once a contrast, a gone
    # sign's return, a side's arm and leg and a hedged substance were read. In-scope
    # questions and everyday lines in eight voices 93.0 / - / 0.9 / 0 / 98.6 / 4.3 on
    # arrival and at the day's end.
    ("writers_ca.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.889, "off-topic declined": 1.0},
        {"false urgent": 0.046, "911 for non-emergency": 0.006}),
    ("writers_cb.yaml",): (
        {"accuracy": 0.926, "off-topic declined": 0.985},
        {"false urgent": 0.010, "911 for non-emergency": 0.0}),
    # came in on 2026-11-27 and held out of the day's work: urgent reports and near misses
    # in eight voices 89.9 / 92.0 / 4.5 / 0.6 / 93.3 / 3.8 on arrival and the same with the
    # day's merged work; floors once risk questions, past falls, machines' temperatures,
    # plain-word discharge, chills in everyday words and th-stopped numbers were read (a
    # risk said with "you can get" stays a report: one may follow, "i think i have one").
    # In-scope questions and everyday lines in eight voices 92.1 / - / 0 / 0 / 98.3 / 7.6,
    # on arrival and at the day's end.
    ("writers_ba.yaml",): (
        {"urgent recall": 0.988, "accuracy": 0.934, "off-topic declined": 1.0},
        {"false urgent": 0.028, "911 for non-emergency": 0.0}),
    ("writers_bb.yaml",): (
        {"accuracy": 0.921, "off-topic declined": 0.983},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    # came in on 2026-11-27 and held out of the day's tuning, so these are both the
    # on-arrival and the day's end figures: urgent reports and near misses in seven voices
    # 81.1 / 96.3 / 13.5 / 0 / 100 / 4.1; in-scope questions and everyday lines in eight
    # 87.0 / - / 0 / 0 / 94.9 / 10.5
    ("writers_ay.yaml",): (
        {"urgent recall": 0.962, "accuracy": 0.811, "off-topic declined": 1.0},
        {"false urgent": 0.135, "911 for non-emergency": 0.0}),
    ("writers_az.yaml",): (
        {"accuracy": 0.869, "off-topic declined": 0.949},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    # came in on 2026-11-27, the day's second batch (on arrival: urgent reports and near
    # misses in six voices 85.1 / 95.0 / 7.5 / 1.2 / 88.9 / 6.8; in-scope questions and
    # everyday lines in eleven voices 84.3 / - / 0.5 / 0 / 92.7 / 13.5)
    ("writers_aw.yaml",): (
        {"urgent recall": 0.950, "accuracy": 0.850, "off-topic declined": 0.888},
        {"false urgent": 0.075, "911 for non-emergency": 0.0117}),
    # (writers_ax 89.2 / - / 0.5 / 0 / 100 / 9.8 once idioms, silencing, pieces of a
    # phrase's word and everyday senses were read; relief sought and prudence were taken
    # back in review)
    ("writers_ax.yaml",): (
        {"accuracy": 0.892, "off-topic declined": 1.0},
        {"false urgent": 0.0050, "911 for non-emergency": 0.0}),
    # came in on 2026-11-27 (on arrival: hard urgent reports and their neighbours in five
    # voices 81.3 / 87.4 / 10.5 / 0 / - / 8.5; in-scope questions phrased as a developer
    # would not expect, in five voices 78.1 / - / 0 / 0 / - / 15.3)
    ("writers_au.yaml",): (
        {"urgent recall": 0.873, "accuracy": 0.812},
        {"false urgent": 0.106, "911 for non-emergency": 0.0}),
    ("writers_av.yaml",): (
        {"accuracy": 0.78},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    # came in on 2026-11-27 (on arrival: urgent reports and near misses in five voices
    # 82.7 / 93.3 / 7.5 / 0 / 66.7 / 7.2; everyday requests and chatter in the domain's
    # words 90.6 / - / 0.9 / 0 / 92.4 / 0)
    ("writers_as.yaml",): (
        {"urgent recall": 0.932, "accuracy": 0.826, "off-topic declined": 0.666},
        {"false urgent": 0.075, "911 for non-emergency": 0.0}),
    ("writers_at.yaml",): (
        {"accuracy": 0.906, "off-topic declined": 0.923},
        {"false urgent": 0.009, "911 for non-emergency": 0.0}),
    # came in on 2026-11-27 (on arrival: questions and everyday requests in six new voices
    # 89.0 / - / 0 / 0 / 100 / 11.4; urgent reports and near misses in five voices 92.3 /
    # 98.0 / 5.2 / 0.6 / 75.0 / 1.2)
    ("writers_ap.yaml",): (
        {"accuracy": 0.89, "off-topic declined": 1.0},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    # everyday chatter sharing words with recovery topics (on arrival 87.7 / - / 2.2 / 0.4 /
    # 89.4 / -; 93.4 / 94.7 once measures, affairs and others' operations were declined;
    # 93.0 / 94.3 since an affair said by the speaker keeps the speaker's question)
    ("writers_ar.yaml",): (
        {"accuracy": 0.929, "off-topic declined": 0.942},
        {"false urgent": 0.023, "911 for non-emergency": 0.0045}),
    ("writers_aq.yaml",): (
        {"urgent recall": 0.979, "accuracy": 0.923, "off-topic declined": 0.75},
        {"false urgent": 0.052, "911 for non-emergency": 0.0062}),
    # came in on 2026-11-27 (on arrival: questions and everyday requests 86.8 / - / 0.5 /
    # 0.5 / 96.1 / 11.5; urgent reports, near misses and transcripts 91.5 / 96.6 / 3.0 /
    # 0.6 / 69.2 / 1.1)
    ("writers_an.yaml",): (
        {"accuracy": 0.868, "off-topic declined": 0.96},
        {"false urgent": 0.006, "911 for non-emergency": 0.006}),
    ("writers_ao.yaml",): (
        {"urgent recall": 0.966, "accuracy": 0.915, "off-topic declined": 0.69},
        {"false urgent": 0.031, "911 for non-emergency": 0.0062}),
    # came in on 2026-11-26 (on arrival: speech transcripts without punctuation 87.4 / 96.9
    # / 3.5 / 0 / 100 / 6.5, questions and everyday requests 78.9 / - / 1.6 / 0 / 94.1 /
    # 10.9); writers_al tuned on since (safety by mechanism: 88.4 / 100 / 2.8)
    ("writers_al.yaml",): (
        {"urgent recall": 0.995, "accuracy": 0.874, "off-topic declined": 0.99},
        {"false urgent": 0.036, "911 for non-emergency": 0.0}),
    ("writers_am.yaml",): (
        {"accuracy": 0.789, "off-topic declined": 0.94},
        {"false urgent": 0.017, "911 for non-emergency": 0.0}),
    # written after the day's first changes (on arrival: 89.8 / 95.6 / 4.2 / 0.6 / 84.6 /
    # 8.1 and 87.4 / - / 0 / 0 / 98.0 / 11.4)
    ("writers_aj.yaml",): (
        {"urgent recall": 0.955, "accuracy": 0.897, "off-topic declined": 0.845},
        {"false urgent": 0.043, "911 for non-emergency": 0.0065}),
    ("writers_ak.yaml",): (
        {"accuracy": 0.873, "off-topic declined": 0.979},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    ("writers_ai.yaml",): (  # on arrival: 85.5 / - / 0 / 0 / 97.9 / 15.1
        {"accuracy": 0.854, "off-topic declined": 0.978},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    ("writers_ah.yaml",): (  # on arrival: 86.1 / 93.4 / 13.5 / 0.7 / 64.3 / 6.6
        {"urgent recall": 0.933, "accuracy": 0.86, "off-topic declined": 0.642},
        {"false urgent": 0.136, "911 for non-emergency": 0.008}),
    ("writers_ag.yaml",): (  # on arrival: 80.2 / 94.7 / 12.2 / 1.4 / 73.3 / 4.9
        {"urgent recall": 0.946, "accuracy": 0.801, "off-topic declined": 0.732},
        {"false urgent": 0.123, "911 for non-emergency": 0.015}),
    # written after the day's changes, floors at the on-arrival figures (77.6 / 86.9 / 7.2 /
    # 0.6 and 85.5 / - / 0.5 / 0); writers_ae tuned on since (safety by mechanism:
    # 83.7 / 100 / 3.1 / 0)
    # false urgent 0.032 until Tagalog "anak" was read as a son, the patient a caregiver
    # speaks for, as "my son" is (the relation alone decides nothing): "yung anak ko po,
    # may lagnat na 39, pwede ba siya mag-school" is read as a report since
    ("writers_ae.yaml",): (
        {"urgent recall": 0.995, "accuracy": 0.835, "off-topic declined": 0.865},
        {"false urgent": 0.042, "911 for non-emergency": 0.001}),
    ("writers_af.yaml",): (
        {"accuracy": 0.854, "off-topic declined": 0.983},
        {"false urgent": 0.0055, "911 for non-emergency": 0.0}),
    # came in on 2026-11-26, floors at the on-arrival figures (78.6 / 84.3 / 6.4 / 1.9 and
    # 84.0 / - / 1.0 / 0); writers_aa tuned on since (safety by mechanism: 86.7 / 100)
    ("writers_aa.yaml",): (
        {"urgent recall": 0.999, "accuracy": 0.866, "off-topic declined": 0.863},
        {"false urgent": 0.065, "911 for non-emergency": 0.02}),
    ("writers_ab.yaml",): (
        {"accuracy": 0.839, "off-topic declined": 0.895},
        {"false urgent": 0.011, "911 for non-emergency": 0.0}),
    # came in today (on arrival: 71.7 / 85.1 / 12.4 / 3.2 and 84.5 / - / 0.5 / 0)
    ("writers_y.yaml",): (
        {"urgent recall": 0.98, "accuracy": 0.805, "off-topic declined": 1.0},
        # a goat "cut up sheself on de wire and bleedin bad" is the goat's again: a
        # creature's scope goes on past an "and" that opens no new subject
        {"false urgent": 0.074, "911 for non-emergency": 0.0065}),
    ("writers_z.yaml",): (
        {"accuracy": 0.844, "off-topic declined": 0.923},
        {"false urgent": 0.0052, "911 for non-emergency": 0.0}),
    ("writers_u.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.866},
        {"false urgent": 0.035, "911 for non-emergency": 0.0052}),
    ("writers_v.yaml",): (
        {"accuracy": 0.847, "off-topic declined": 0.973},
        {"false urgent": 0.0044, "911 for non-emergency": 0.0}),
    ("writers_s.yaml",): (
        {"urgent recall": 0.957, "accuracy": 0.835},
        {"false urgent": 0.0674, "911 for non-emergency": 0.02}),
    ("writers_t.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.788, "off-topic declined": 0.96},
        {"false urgent": 0.008, "911 for non-emergency": 0.0}),
    ("writers_a.yaml", "writers_b.yaml", "writers_chatter.yaml"): (
        {"urgent recall": 1.0, "accuracy": 0.91},
        {"false urgent": 0.006, "911 for non-emergency": 0.002}),
    ("writers_urgent.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.82},
        {"false urgent": 0.072, "911 for non-emergency": 0.0}),
    ("writers_chatter2.yaml",): (
        {"off-topic declined": 0.949},
        {"false urgent": 0.015, "911 for non-emergency": 0.004}),
    ("writers_e.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.92},
        {"false urgent": 0.01, "911 for non-emergency": 0.008}),
    ("writers_c.yaml", "writers_d.yaml"): (
        {"urgent recall": 1.0, "accuracy": 0.85},
        {"false urgent": 0.026, "911 for non-emergency": 0.005}),
    ("writers_f.yaml",): (
        {"urgent recall": 0.984, "accuracy": 0.85},
        {"false urgent": 0.055, "911 for non-emergency": 0.004}),
    ("writers_g.yaml",): (
        {"accuracy": 0.80},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    ("writers_h.yaml",): (
        {"urgent recall": 0.99, "accuracy": 0.76},
        {"false urgent": 0.052, "911 for non-emergency": 0.023}),
    ("writers_chatter3.yaml",): (
        {"off-topic declined": 0.896},
        {"false urgent": 0.007, "911 for non-emergency": 0.0}),
    ("writers_m.yaml",): (
        {"accuracy": 0.74},
        {"false urgent": 0.0, "911 for non-emergency": 0.0}),
    ("writers_n.yaml",): (
        {"urgent recall": 1.0, "accuracy": 0.88, "off-topic declined": 0.91},
        {"false urgent": 0.028, "911 for non-emergency": 0.008}),
    # came in at 75.8 / 83.7 / 9.4 / 0.9 / 84.0 (accuracy / urgent recall / false urgent /
    # 911 / declined)
    # "should i worry about numbness after this surgery" gets the emergency number: an
    # asked trigger for "should i worry about" also hid "should i be worried about the
    # redness around my incision", a report, and was taken out
    ("writers_p.yaml",): (
        {"urgent recall": 0.96, "accuracy": 0.83, "off-topic declined": 0.88},
        {"false urgent": 0.064, "911 for non-emergency": 0.005}),
    # came in at 79.6 accuracy, 89.0 % of everyday requests declined (91.7 % before
    # HEAD_SCORE 28, the dev choice once writers R came in: 90.97 % since)
    ("writers_q.yaml",): (
        {"accuracy": 0.83, "off-topic declined": 0.909},
        {"false urgent": 0.004, "911 for non-emergency": 0.0}),
    # came in at 70.1 / 80.0 / 6.2 / 1.7 / 83.3
    ("writers_r.yaml",): (
        {"urgent recall": 0.98, "accuracy": 0.76, "off-topic declined": 0.83},
        {"false urgent": 0.056, "911 for non-emergency": 0.017}),
}


@pytest.mark.parametrize("names", list(WRITER_FLOORS))
def test_writers_dev_cases_hold_their_floors(names):
    floors, ceilings = WRITER_FLOORS[names]
    figures = evaluate.evaluate(cases.load([CASES_DIR / "dev" / n for n in names])).figures
    assert all((figures[k] or 0) >= v for k, v in floors.items()), figures
    assert all((figures[k] or 0) <= v for k, v in ceilings.items()), figures


def test_held_out_confident_wrong_answers_are_rarer_than_declines():
    wrong = declined = 0
    for case in CASES:
        found = route(case["text"]).intent
        if found == FALLBACK and case["intent"] != FALLBACK:
            declined += 1
        elif found != case["intent"]:
            wrong += 1
    assert wrong <= max(declined, 1) * 1.5 and wrong / len(CASES) < 0.03


@pytest.mark.parametrize(
    ("text", "intent", "slots"),
    [
        ("can I lift groceries?", "LiftingIntent", {}),
        ("when can I sit longer?", "SittingIntent", {}),
        ("can my mom sit in the car that long", "SittingIntent", {}),
        ("is 101 a fever", "FeverIntent", {"temperature": "101"}),
        ("temp's one oh two", "FeverIntent", {"temperature": "102"}),
        ("a hundred and one point five", "FeverIntent", {"temperature": "101.5"}),
        ("thirty eight point nine", "FeverIntent", {"temperature": "38.9"}),
        ("my husband's temperature is 102 degrees fahrenheit", "FeverIntent",
         {"temperature": "102", "unit": "fahrenheit"}),
        ("I have a fever of 102, can I take Tylenol?", "FeverIntent", {"temperature": "102"}),
        ("no fever, but can I take Tylenol?", "PainMedicationIntent", {}),
        ("my in session is red", "IncisionConcernIntent", {}),
        ("she can't breathe", "EmergencyIntent", {}),
        ("my dad fell in the bathroom", "EmergencyIntent", {}),
        ("is there a risk of infection?", "RisksIntent", {}),
        ("can I take a shower", "UncoveredTopicIntent", {"topic": "showering"}),
        ("when can my husband go back to work", "UncoveredTopicIntent", {"topic": "work"}),
        ("play some music", FALLBACK, {}),
        ("what's the weather", FALLBACK, {}),
        ("", FALLBACK, {}),
    ],
)
def test_route_examples_from_the_brief(text, intent, slots):
    found = route(text)
    assert (found.intent, found.slots) == (intent, slots)


def test_normal_temperature_does_not_override_the_question():
    assert route("my temperature is normal, how long can I sit in the car").intent == (
        "SittingIntent")


def test_explain_shows_normalized_text_candidates_and_safety_rule():
    found = explain("um my dad's in session is oozing, can he take advil")
    assert found.normalized.startswith("my incision is oozing")
    assert found.route.intent == "IncisionConcernIntent"
    assert found.route.rule == Decision(Step.SAFETY, "incision sign")
    assert found.candidates and found.candidates[0].score >= found.candidates[-1].score


def test_explain_reports_negated_symptom():
    found = explain("i don't have a fever, when can i walk more")
    assert any(f.status == "negated" and f.intent == "FeverIntent" for f in found.findings)
    assert found.route.intent == "WalkingIntent"


@pytest.mark.parametrize(("text", "intent"), [
    # the speaker's own pay: the speaker's recovery all the same
    ("how long until i'm back at work earning a wage", "ReturnToNormalIntent"),
    ("i work at the stock market, when can i sit at my desk all day", "SittingIntent"),
])
def test_the_speaker_s_affairs_keep_the_question(text, intent):
    assert route(text).intent == intent
