"""Theme scores: shape, robustness, and accuracy on the development set."""

import json

from buurtwijs.analysis.tests.devset import devset
from buurtwijs.analysis.themes import THEMES_PATH, assigned, load_themes, score_text

# Measured on data/devset.csv (351 questions) when these floors were set:
# top-1 in the labelled themes 0.960, main theme first 0.766, recall of the
# labelled themes in the top 3 0.809, all labelled themes in the top 3 0.687.
# The lexicon was written from the theme table before the set; the set is still
# the engine's own, so the floors sit well below the figures.
TOP1_FLOOR = 0.90
RECALL_AT_3_FLOOR = 0.75


def test_every_text_gets_all_fourteen_themes_highest_first() -> None:
    scores = score_text("Hoe richt je een buurtcoöperatie op?")
    assert [item.slug for item in sorted(scores, key=lambda s: s.slug)] == sorted(
        theme.slug for theme in load_themes()
    )
    assert len(scores) == 14
    assert all(0.0 <= item.score <= 1.0 for item in scores)
    assert [item.score for item in scores] == sorted(
        (item.score for item in scores), reverse=True
    )
    assert scores[0].slug == "organiseren-en-financieren"
    assert scores[0].label == "Organiseren en financieren"


def test_themes_are_read_from_the_core_data_file() -> None:
    slugs = [item["slug"] for item in json.loads(THEMES_PATH.read_text("utf-8"))]
    assert [theme.slug for theme in load_themes()] == slugs


def test_several_themes_in_one_sentence_all_score_high() -> None:
    scores = score_text(
        "Hoe help je eenzame ouderen met schulden die niet meer rondkomen?"
    )
    top3 = [item.slug for item in scores[:3]]
    assert {"ouder-worden", "ontmoeting-en-eenzaamheid", "armoede-en-schulden"} == set(
        top3
    )
    assert len(assigned(scores)) == 3


def test_spelling_slips_still_find_the_theme() -> None:
    assert score_text("eenzaamhijd onder seniorren")[0].slug in {
        "ontmoeting-en-eenzaamheid",
        "ouder-worden",
    }
    assert score_text("hoe vinden we vrijwiligers")[0].slug == (
        "organiseren-en-financieren"
    )
    assert score_text("subsdie aanvragen")[0].slug == "organiseren-en-financieren"


def test_informal_words_and_missing_diaereses_count() -> None:
    assert score_text("de oudjes zitten de hele dag achter de geraniums")[0].slug == (
        "ouder-worden"
    )
    assert score_text("hoe start je een buurtcooperatie")[0].slug == (
        "organiseren-en-financieren"
    )


def test_a_verb_is_not_the_theme_noun() -> None:
    scores = {
        item.slug: item.score for item in score_text("Hoe zorg je dat het werkt?")
    }
    assert scores["zorg-en-gezondheid"] == 0.0
    assert scores["werk-en-economie"] == 0.0


def test_compound_heads_and_parts_are_found() -> None:
    scores = score_text("jongerenoverlast bij het winkelcentrum")
    top3 = [item.slug for item in scores[:3]]
    assert "jeugd-en-opvoeden" in top3
    assert "veiligheid" in top3


def test_text_about_nothing_scores_zero_everywhere() -> None:
    for text in ["", "   ", "?!", "asdfgh qwerty", "😀🏘️"]:
        assert {item.score for item in score_text(text)} == {0.0}
        assert assigned(score_text(text)) == []


def test_one_word_and_very_long_texts_work() -> None:
    assert score_text("Eenzaamheid")[0].slug == "ontmoeting-en-eenzaamheid"
    long_text = "Hoe bereiken we eenzame ouderen in de wijk? " * 2_000
    scores = score_text(long_text)
    assert scores[0].slug in {"ontmoeting-en-eenzaamheid", "ouder-worden"}
    # A page of text is damped, not 1 on everything it mentions once.
    assert scores[0].score < 1.0


def test_accuracy_on_the_development_set_stays_above_the_floors() -> None:
    # given
    questions = devset()
    top1 = recalled = labels = 0
    # when
    for question in questions:
        ranked = [item.slug for item in score_text(question.text)]
        top1 += ranked[0] in question.themes
        recalled += sum(slug in ranked[:3] for slug in question.themes)
        labels += len(question.themes)
    # then
    assert len(questions) >= 300
    assert top1 / len(questions) >= TOP1_FLOOR
    assert recalled / labels >= RECALL_AT_3_FLOOR
