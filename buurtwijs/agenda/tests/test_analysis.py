"""The analysis as a background task: progress, stored results, write-back."""

from buurtwijs.accounts.models import User
from buurtwijs.agenda import services
from buurtwijs.agenda.models import AgendaCluster, AgendaQuestion, AnalysisRun
from buurtwijs.agenda.tests.factories import (
    ENERGY,
    LONELINESS,
    make_call_with_questions,
    make_questions,
)
from buurtwijs.calls.models import LearningQuestion
from conftest import TaskRunner


def test_analysis_runs_in_the_worker_and_stores_clusters_and_themes(
    editor: User, tasks: TaskRunner
) -> None:
    # given
    call, questions = make_call_with_questions()
    hidden = make_questions(call, ["Hoe bereiken we eenzame ouderen? (verborgen)"])[0]
    hidden.status = LearningQuestion.Status.HIDDEN
    hidden.save(update_fields=["status"])
    agenda = services.agenda_get_or_create(call=call)
    # when
    run = services.analysis_request(agenda=agenda, user=editor)
    assert run.status == AnalysisRun.Status.QUEUED
    assert services.analysis_request(agenda=agenda, user=editor) == run
    assert tasks.run() >= 1
    # then
    run.refresh_from_db()
    agenda.refresh_from_db()
    assert run.status == AnalysisRun.Status.DONE
    assert run.progress == 100
    assert run.started_at and run.finished_at
    assert run.question_count == len(questions)
    assert agenda.question_count == len(questions)
    assert AgendaQuestion.objects.filter(agenda=agenda).count() == len(questions)
    assert not AgendaQuestion.objects.filter(question=hidden).exists()
    clusters = list(AgendaCluster.objects.filter(agenda=agenda).order_by("rank"))
    assert run.cluster_count == len(clusters) >= 2
    assert sum(cluster.size for cluster in clusters) == len(questions)
    assert all(1 <= len(cluster.examples) <= 3 for cluster in clusters)
    assert [cluster.rank for cluster in clusters] == list(range(1, len(clusters) + 1))
    # the lonely elderly questions ask the same thing: one cluster
    lonely = {q.pk for q in questions if q.text in LONELINESS}
    keys = set(
        AgendaQuestion.objects.filter(question_id__in=lonely).values_list(
            "cluster_key", flat=True
        )
    )
    assert len(keys) == 1
    first = LearningQuestion.objects.get(pk=questions[0].pk)
    assert first.analysed_at is not None
    assert len(first.theme_scores) == 14
    assert first.cluster_key == f"{agenda.pk}:{keys.pop()}"
    assert first.themes.exists()
    scores = [theme["score"] for theme in agenda.themes]
    assert len(scores) == 14 and scores == sorted(scores, reverse=True)


def test_progress_is_saved_while_the_engine_runs(
    editor: User, tasks: TaskRunner
) -> None:
    call, _questions = make_call_with_questions()
    agenda = services.agenda_get_or_create(call=call)
    run = services.analysis_request(agenda=agenda, user=editor)
    seen: list[int] = []
    progress = services._Progress(run.pk)
    for stage, done, total in [
        ("themes", 5, 10),
        ("themes", 10, 10),
        ("clustered", 1, 1),
    ]:
        progress(stage, done, total)
        seen.append(AnalysisRun.objects.get(pk=run.pk).progress)
    assert seen == sorted(seen) and seen[0] > 0 and seen[-1] < 100


def test_across_calls_agenda_takes_every_visible_question(
    editor: User, tasks: TaskRunner
) -> None:
    call, questions = make_call_with_questions()
    posted = make_questions(None, ENERGY[:1])
    agenda = services.agenda_get_or_create(call=None)
    services.analysis_request(agenda=agenda, user=editor)
    tasks.run()
    placed = set(
        AgendaQuestion.objects.filter(agenda=agenda).values_list(
            "question_id", flat=True
        )
    )
    assert placed == {q.pk for q in questions + posted}
    # questions of a call keep the cluster of their call's agenda (none yet)
    assert LearningQuestion.objects.get(pk=questions[0].pk).cluster_key == ""
    assert LearningQuestion.objects.get(pk=posted[0].pk).cluster_key.startswith(
        f"{agenda.pk}:"
    )


def test_a_failing_analysis_is_marked_failed(editor: User, tasks: TaskRunner) -> None:
    call, _questions = make_call_with_questions()
    agenda = services.agenda_get_or_create(call=call)
    run = services.analysis_request(agenda=agenda, user=editor)
    # Broken stored state (earlier clusters that are not a list): the run must
    # say that it failed rather than stay "running".
    agenda.engine_clusters = "not a list"
    agenda.save(update_fields=["engine_clusters"])
    tasks.run()
    run.refresh_from_db()
    assert run.status == AnalysisRun.Status.FAILED
    assert run.error
