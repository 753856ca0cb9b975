"""Demo: the closed call analysed and published as a learning agenda; idempotent."""

from collections.abc import Callable

from buurtwijs.agenda import services
from buurtwijs.agenda.models import AgendaCluster, AgendaItem, AnalysisRun
from buurtwijs.calls.models import Call
from buurtwijs.demo.calls import SEED_CALL_SLUG
from buurtwijs.events.models import EventPage
from buurtwijs.knowledge.models import CasePage, Document

COMMENTARY = (
    "Bijna vierhonderd buurtmakers, professionals en beleidsmakers uit alle "
    "provincies vertelden wat zij willen leren. Drie dingen springen eruit: hoe je "
    "mensen bereikt die niet vanzelf meedoen, hoe je als bewonersinitiatief "
    "financiering rond krijgt en houdt, en hoe je de energietransitie in de buurt "
    "samen organiseert.\n\n"
    "De redactie heeft de vragen die hetzelfde vragen samengevoegd en een paar "
    "onderwerpen op de agenda gezet. Bij elk agendapunt staat wie het oppakt en "
    "welke praktijkvoorbeelden, documenten en bijeenkomsten al een antwoord geven. "
    "Staat jouw vraag erbij? Volg via de vraag wat ermee gebeurt."
)
OWNERS = (
    ("Leernetwerk Sociaal Domein", AgendaItem.Status.IN_PROGRESS),
    ("Redactie Buurtwijs", AgendaItem.Status.ANSWERED),
    ("Werkgroep Energie in de Buurt", AgendaItem.Status.OPEN),
)


def load_demo_agenda(log: Callable[[str], None]) -> int:
    """Analyse the seed's closed call and publish its agenda; 0 when already there."""
    call = Call.objects.filter(slug=SEED_CALL_SLUG).first()
    if call is None:
        return 0
    agenda = services.agenda_get_or_create(call=call)
    if agenda.is_published:
        return 0
    if agenda.analysed_at is None:
        log("Analysing the closed call's learning questions")
        run = services.analysis_request(agenda=agenda, user=None)
        # Synchronously: the seed has no worker running.
        run = services.analysis_run(run_id=run.pk)
        if run.status != AnalysisRun.Status.DONE:
            return 0
        agenda.refresh_from_db()
    services.agenda_update(
        agenda=agenda,
        title="Leeragenda leefbaarheid in de wijk",
        commentary=COMMENTARY,
    )
    clusters = list(
        AgendaCluster.objects.filter(agenda=agenda, hidden=False).order_by("rank")[
            : len(OWNERS)
        ]
    )
    cases = list(CasePage.objects.live().order_by("title")[:3])
    documents = list(
        Document.objects.filter(status=Document.Status.PUBLISHED).order_by("id")[:3]
    )
    events = list(EventPage.objects.live().order_by("starts_at")[:2])
    for index, (cluster, (owner, status)) in enumerate(
        zip(clusters, OWNERS, strict=False)
    ):
        item = services.agenda_item_adopt(agenda=agenda, cluster_key=cluster.key)
        services.agenda_item_update(
            item=item,
            owner=owner,
            status=status,
            description="",
            cases=[case.pk for case in cases[index : index + 1]],
            documents=[document.pk for document in documents[index : index + 1]],
            events=[event.pk for event in events[index : index + 1]],
        )
    top_theme = next((theme["slug"] for theme in agenda.themes if theme["count"]), "")
    if top_theme:
        item = services.agenda_item_adopt(agenda=agenda, theme_slug=top_theme)
        services.agenda_item_update(
            item=item,
            owner="Kennisinstituut Leefbaarheid",
            status=AgendaItem.Status.IN_PROGRESS,
            description="Een leertraject in vier bijeenkomsten, in 2026 in elke "
            "provincie.",
        )
    services.agenda_set_published(agenda=agenda, published=True)
    log("Published the learning agenda at /leeragenda/")
    return 1
