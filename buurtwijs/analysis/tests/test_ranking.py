"""Ranking themes and clusters by questions, votes and urgency."""

from buurtwijs.analysis.ranking import (
    RankInput,
    question_weight,
    rank_clusters,
    rank_themes,
)


def test_more_questions_rank_higher() -> None:
    items = [
        RankInput(themes=["wonen"], cluster="a"),
        RankInput(themes=["wonen", "veiligheid"], cluster="a"),
        RankInput(themes=["veiligheid"], cluster="b"),
        RankInput(themes=["wonen"], cluster="c"),
    ]
    assert [r.key for r in rank_themes(items)] == ["wonen", "veiligheid"]
    ranked = rank_clusters(items)
    assert [r.key for r in ranked] == ["a", "b", "c"]
    assert ranked[0].questions == 2


def test_votes_can_lift_a_smaller_cluster_above_a_bigger_one() -> None:
    items = [
        RankInput(themes=["wonen"], cluster="big"),
        RankInput(themes=["wonen"], cluster="big"),
        RankInput(themes=["veiligheid"], cluster="voted", votes=4),
    ]
    ranked = rank_clusters(items)
    assert [r.key for r in ranked] == ["voted", "big"]
    assert ranked[0].votes == 4


def test_stated_urgency_weighs_in_and_three_is_neutral() -> None:
    assert question_weight(RankInput(themes=[], cluster="x", urgency=3)) == 1.0
    assert question_weight(RankInput(themes=[], cluster="x", urgency=5)) > 1.0
    assert question_weight(RankInput(themes=[], cluster="x", urgency=1)) < 1.0
    # Out-of-range urgency is clamped, negative votes count as none.
    assert question_weight(RankInput(themes=[], cluster="x", urgency=9)) == (
        question_weight(RankInput(themes=[], cluster="x", urgency=5))
    )
    assert question_weight(RankInput(themes=[], cluster="x", votes=-3)) == 1.0
    items = [
        RankInput(themes=["wonen"], cluster="a", urgency=1),
        RankInput(themes=["veiligheid"], cluster="b", urgency=5),
    ]
    assert [r.key for r in rank_themes(items)] == ["veiligheid", "wonen"]


def test_listed_themes_without_questions_are_ranked_last_at_zero() -> None:
    items = [RankInput(themes=["wonen"], cluster="a")]
    ranked = rank_themes(items, ["armoede-en-schulden", "wonen", "veiligheid"])
    assert [r.key for r in ranked] == ["wonen", "armoede-en-schulden", "veiligheid"]
    assert ranked[1].score == 0.0
    assert ranked[1].questions == 0
