"""Editors' curation: rename, merge, split, hide, move — and all of it after a
re-analysis with new questions."""

import pytest
from django.core.exceptions import ValidationError

from buurtwijs.accounts.models import User
from buurtwijs.agenda import services
from buurtwijs.agenda.curation import Decision, EngineCluster, curate
from buurtwijs.agenda.models import AgendaCluster, AgendaQuestion, LearningAgenda
from buurtwijs.agenda.tests.factories import ENERGY, GREEN, LONELINESS, make_questions
from buurtwijs.calls.models import LearningQuestion
from conftest import TaskRunner


def _key_of(agenda: LearningAgenda, text: str) -> str:
    question = LearningQuestion.objects.get(call=agenda.call, text=text)
    return AgendaQuestion.objects.get(agenda=agenda, question=question).cluster_key


def _cluster(agenda: LearningAgenda, key: str) -> AgendaCluster:
    return AgendaCluster.objects.get(agenda=agenda, key=key)


def test_curate_replays_decisions_in_order() -> None:
    clusters = [EngineCluster("c1", "A", "t"), EngineCluster("c2", "B", "t")]
    placement = {1: "c1", 2: "c1", 3: "c2", 4: "c2"}
    assignment, curated = curate(
        clusters,
        placement,
        [
            Decision("rename", "c1", label="Anders"),
            Decision("split", "c1", target_key="e9", label="Nieuw", question_ids=(2,)),
            Decision("merge", "c2", target_key="c1"),
            Decision("move", "c1", target_key="e9", question_ids=(4, 99)),
            Decision("hide", "gone"),
        ],
    )
    assert assignment == {1: "c1", 2: "e9", 3: "c1", 4: "e9"}
    by_key = {cluster.key: cluster for cluster in curated}
    assert set(by_key) == {"c1", "e9"}
    assert by_key["c1"].label == "Anders" and by_key["e9"].label == "Nieuw"


def test_editors_changes_survive_a_reanalysis(
    analysed_agenda: LearningAgenda, editor: User, tasks: TaskRunner
) -> None:
    # given: an analysed agenda the editors curated
    agenda = analysed_agenda
    lonely = _key_of(agenda, LONELINESS[0])
    energy = _key_of(agenda, ENERGY[0])
    green = _key_of(agenda, GREEN[0])
    assert len({lonely, energy, green}) == 3
    services.cluster_rename(
        agenda=agenda, key=lonely, label="Eenzaamheid onder ouderen", editor=editor
    )
    moved = LearningQuestion.objects.get(call=agenda.call, text=ENERGY[2])
    split = services.cluster_split(
        agenda=agenda,
        key=energy,
        question_ids=[moved.pk],
        label="Een coöperatie oprichten",
        editor=editor,
    )
    services.cluster_merge(agenda=agenda, key=green, into=lonely, editor=editor)
    services.cluster_set_hidden(agenda=agenda, key=energy, hidden=True, editor=editor)
    wandering = LearningQuestion.objects.get(call=agenda.call, text=LONELINESS[3])
    services.question_move(
        agenda=agenda, question_id=wandering.pk, into=split.target_key, editor=editor
    )

    # when: new responses arrive and the agenda is analysed again
    make_questions(
        agenda.call,
        ["Hoe bereiken we eenzame ouderen in ons dorp?", ENERGY[0] + " Graag tips."],
        start=1,
    )
    run = services.analysis_request(agenda=agenda, user=editor)
    tasks.run()
    run.refresh_from_db()
    assert run.status == "done" and run.incremental

    # then: every decision holds, and new questions land where the engine put them
    assert _cluster(agenda, lonely).label == "Eenzaamheid onder ouderen"
    assert _cluster(agenda, energy).hidden
    assert not AgendaCluster.objects.filter(agenda=agenda, key=green).exists()
    assert _key_of(agenda, GREEN[0]) == lonely
    assert _key_of(agenda, ENERGY[2]) == split.target_key
    assert _key_of(agenda, LONELINESS[3]) == split.target_key
    assert _cluster(agenda, split.target_key).label == "Een coöperatie oprichten"
    assert _key_of(agenda, "Hoe bereiken we eenzame ouderen in ons dorp?") == lonely
    assert AgendaQuestion.objects.filter(agenda=agenda).count() == 11
    sizes = AgendaCluster.objects.filter(agenda=agenda).values_list("size", flat=True)
    assert sum(sizes) == 11


def test_curation_refuses_what_makes_no_sense(
    analysed_agenda: LearningAgenda, editor: User
) -> None:
    agenda = analysed_agenda
    lonely = _key_of(agenda, LONELINESS[0])
    energy = _key_of(agenda, ENERGY[0])
    members = list(
        AgendaQuestion.objects.filter(agenda=agenda, cluster_key=lonely).values_list(
            "question_id", flat=True
        )
    )
    with pytest.raises(ValidationError):
        services.cluster_merge(agenda=agenda, key=lonely, into=lonely, editor=editor)
    with pytest.raises(ValidationError):
        services.cluster_rename(agenda=agenda, key="nope", label="x", editor=editor)
    with pytest.raises(ValidationError):
        services.cluster_rename(agenda=agenda, key=lonely, label="  ", editor=editor)
    with pytest.raises(ValidationError):  # all of them: nothing would be left
        services.cluster_split(
            agenda=agenda, key=lonely, question_ids=members, label="x", editor=editor
        )
    with pytest.raises(ValidationError):  # a question of another cluster
        other = AgendaQuestion.objects.filter(agenda=agenda, cluster_key=energy)
        services.cluster_split(
            agenda=agenda,
            key=lonely,
            question_ids=[other.first().question_id],  # type: ignore[union-attr]
            label="x",
            editor=editor,
        )
    with pytest.raises(ValidationError):
        services.question_move(
            agenda=agenda, question_id=members[0], into=lonely, editor=editor
        )
    assert not agenda.decisions.exists()
