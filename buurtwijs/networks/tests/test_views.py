"""The public pages of learning networks: who sees and does what."""

from django.test import Client
from django.urls import reverse

from buurtwijs.accounts.models import User
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.tests.documents_support import published_document
from buurtwijs.networks import services
from buurtwijs.networks.models import LearningNetwork, Membership, Reply, Thread
from buurtwijs.networks.tests.factories import (
    join,
    make_event,
    make_network,
    make_person,
)


def detail(network: LearningNetwork) -> str:
    return network.get_absolute_url()


def thread_in(network: LearningNetwork, author: User) -> Thread:
    return services.thread_create(
        network=network,
        author=author,
        title="Modelstatuten gezocht",
        body="Wie heeft statuten met een ledenraad?",
    )


# The list -------------------------------------------------------------------------


def test_list_shows_networks_with_themes_and_member_count(
    visitor: Client, joined: LearningNetwork, other_member: User
) -> None:
    join(joined, other_member)
    make_network("Kennisnetwerk armoede en schulden", themes=("armoede-en-schulden",))

    page = visitor.get("/leernetwerken/").content.decode()

    assert "Leernetwerk buurtcoöperaties" in page
    assert "Kennisnetwerk armoede en schulden" in page
    assert "2 leden" in page
    assert "0 leden" in page
    assert "Organiseren en financieren" in page
    assert "Armoede en schulden" in page


def test_list_reads_a_fixed_number_of_queries(
    visitor: Client, django_assert_max_num_queries, network: LearningNetwork
) -> None:  # noqa: ANN001
    for number in range(15):
        other = make_network(f"Netwerk {number}", themes=("wonen", "veiligheid"))
        join(other, make_person(f"Persoon {number}"))

    with django_assert_max_num_queries(4):
        response = visitor.get("/leernetwerken/")

    assert response.status_code == 200
    assert response.content.decode().count('class="bw-card"') == 16


# One network, by who looks ----------------------------------------------------------


def test_visitor_sees_description_meetings_and_documents_but_not_threads(
    visitor: Client, joined: LearningNetwork, member: User
) -> None:
    meeting = make_event("Leerbijeenkomst coöperaties", days_from_now=10)
    past = make_event("Bijeenkomst van vorig jaar", days_from_now=-300)
    joined.meetings.add(meeting, past)
    public = published_document(title="Modelstatuten buurtcoöperatie")
    members_only = published_document(
        title="Begroting voor leden", visibility="members"
    )
    pending = published_document(
        title="Nog niet beoordeeld", status=Document.Status.PENDING
    )
    joined.documents.add(public, members_only, pending)
    thread_in(joined, member)

    page = visitor.get(detail(joined)).content.decode()

    assert "Voor bewoners die een buurtcoöperatie oprichten" in page
    assert "Leerbijeenkomst coöperaties" in page
    assert "Bijeenkomst van vorig jaar" not in page
    assert "Modelstatuten buurtcoöperatie" in page
    assert "Begroting voor leden" not in page
    assert "Nog niet beoordeeld" not in page
    assert "Modelstatuten gezocht" not in page
    assert "Word lid om mee te doen" in page
    assert "Log in om lid te worden" in page


def test_member_sees_threads_members_only_documents_and_own_setting(
    client_for, joined: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    joined.documents.add(
        published_document(title="Begroting voor leden", visibility="members")
    )
    thread_in(joined, member)

    page = client_for(member).get(detail(joined)).content.decode()

    assert "Modelstatuten gezocht" in page
    assert "Begroting voor leden" in page
    assert "Begin een gesprek" in page
    assert "Je e-mail van dit netwerk" in page
    assert "Zeg je lidmaatschap op" in page


def test_visitor_and_non_member_get_a_join_page_for_threads_and_members(
    visitor: Client,
    client_for,  # noqa: ANN001
    joined: LearningNetwork,
    member: User,
    other_member: User,
) -> None:
    thread = thread_in(joined, member)
    addresses = [
        thread.get_absolute_url(),
        reverse("networks:network_members", args=[joined.slug]),
        reverse("networks:thread_create", args=[joined.slug]),
    ]
    for client in (visitor, client_for(other_member)):
        for address in addresses:
            response = client.get(address)
            assert response.status_code == 403, address
            page = response.content.decode()
            assert "Voor leden van dit netwerk" in page
            assert "Wie heeft statuten" not in page
    assert "Word lid van dit netwerk" in (
        client_for(other_member).get(addresses[0]).content.decode()
    )


def test_member_list_is_for_members_and_shows_no_addresses(
    client_for, joined: LearningNetwork, member: User, other_member: User
) -> None:  # noqa: ANN001
    join(joined, other_member, role=Membership.Role.MODERATOR)

    page = (
        client_for(member)
        .get(reverse("networks:network_members", args=[joined.slug]))
        .content.decode()
    )

    assert "Anouk Jansen" in page
    assert "Bram van den Berg" in page
    assert "Moderator" in page
    assert "@voorbeeld.nl" not in page


def test_editor_reads_threads_without_joining_and_may_remove_them(
    client_for, joined: LearningNetwork, member: User, editor: User
) -> None:  # noqa: ANN001
    thread = thread_in(joined, member)
    client = client_for(editor)

    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Wie heeft statuten met een ledenraad?" in page
    assert "Plaats reactie" not in page  # reading is not taking part

    response = client.post(
        reverse("networks:thread_delete", args=[joined.slug, thread.pk])
    )
    assert response.status_code == 302
    assert not Thread.objects.exists()


def test_other_member_cannot_remove_someone_elses_reply(
    client_for, joined: LearningNetwork, member: User, other_member: User
) -> None:  # noqa: ANN001
    join(joined, other_member)
    thread = thread_in(joined, member)
    reply = services.reply_create(thread=thread, author=member, body="Mijn reactie")

    response = client_for(other_member).post(
        reverse("networks:reply_delete", args=[joined.slug, thread.pk, reply.pk])
    )

    assert response.status_code == 403
    assert Reply.objects.filter(pk=reply.pk).exists()


def test_unknown_network_or_thread_is_404(
    client_for, joined: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    client = client_for(member)
    assert client.get("/leernetwerken/bestaat-niet/").status_code == 404
    assert (
        client.get(f"/leernetwerken/{joined.slug}/gesprekken/999999/").status_code
        == 404
    )


# Joining and leaving ----------------------------------------------------------------


def test_member_joins_and_leaves_by_post(
    client_for, network: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    client = client_for(member)
    join_url = reverse("networks:network_join", args=[network.slug])

    assert client.get(join_url).status_code == 405
    response = client.post(join_url, follow=True)
    assert "Welkom bij Leernetwerk buurtcoöperaties" in response.content.decode()
    client.post(join_url)  # a second click changes nothing
    membership = Membership.objects.get(network=network, user=member)
    assert membership.notify == "daily"

    response = client.post(
        reverse("networks:network_leave", args=[network.slug]), follow=True
    )
    assert "Je bent geen lid meer" in response.content.decode()
    assert not Membership.objects.exists()


def test_joining_needs_the_csrf_token(network: LearningNetwork, member: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)

    response = client.post(reverse("networks:network_join", args=[network.slug]))

    assert response.status_code == 403
    assert not Membership.objects.exists()


def test_visitor_who_joins_is_sent_to_log_in(
    visitor: Client, network: LearningNetwork
) -> None:
    response = visitor.post(reverse("networks:network_join", args=[network.slug]))

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert not Membership.objects.exists()


def test_closed_network_and_unconfirmed_account_cannot_join(
    client_for, member: User
) -> None:  # noqa: ANN001
    closed = make_network("Leernetwerk leefbaarheid", is_open=False)
    response = client_for(member).post(
        reverse("networks:network_join", args=[closed.slug]), follow=True
    )
    assert "neemt op dit moment geen nieuwe leden aan" in response.content.decode()

    open_network = make_network("Academie voor buurtwerkers")
    unconfirmed = make_person("Nog Niet Bevestigd")
    unconfirmed.groups.clear()
    response = client_for(unconfirmed).post(
        reverse("networks:network_join", args=[open_network.slug]), follow=True
    )
    assert "Bevestig eerst je e-mailadres" in response.content.decode()
    assert not Membership.objects.exists()


def test_member_chooses_how_to_hear_of_posts(
    client_for, joined: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    client = client_for(member)

    client.post(
        reverse("networks:network_notify", args=[joined.slug]), {"notify": "each"}
    )
    assert Membership.objects.get(user=member).notify == "each"

    response = client.post(
        reverse("networks:network_notify", args=[joined.slug]), {"notify": "vaak"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=member).notify == "each"


def test_settings_page_changes_every_network_and_the_weekly_digest(
    client_for, joined: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    other = make_network("Kennisnetwerk armoede en schulden")
    join(other, member)
    client = client_for(member)

    page = client.get("/leernetwerken/instellingen/").content.decode()
    assert "Kennisnetwerk armoede en schulden" in page

    client.post(
        "/leernetwerken/instellingen/",
        {f"notify_{joined.pk}": "none", f"notify_{other.pk}": "each"},
    )

    notify = dict(Membership.objects.values_list("network__slug", "notify"))
    assert notify == {joined.slug: "none", other.slug: "each"}
    assert member.network_mail_preference.weekly_digest is False


def test_settings_page_asks_visitors_to_log_in(visitor: Client) -> None:
    response = visitor.get("/leernetwerken/instellingen/")
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


# Threads and replies ----------------------------------------------------------------


def test_member_starts_a_thread_and_others_reply(
    client_for, joined: LearningNetwork, member: User, other_member: User
) -> None:  # noqa: ANN001
    join(joined, other_member)

    response = client_for(member).post(
        reverse("networks:thread_create", args=[joined.slug]),
        {
            "title": "  Buurtbudget:   wie beslist?  ",
            "body": "Hoe doen jullie dat?\r\n",
        },
    )
    thread = Thread.objects.get()
    assert response["Location"] == thread.get_absolute_url()
    assert thread.title == "Buurtbudget: wie beslist?"
    assert thread.author == member

    response = client_for(other_member).post(
        thread.get_absolute_url(), {"body": "Met een stembus langs de deuren."}
    )
    reply = Reply.objects.get()
    assert response["Location"].endswith(f"#reactie-{reply.pk}")

    page = client_for(member).get(thread.get_absolute_url()).content.decode()
    assert "Met een stembus langs de deuren." in page
    assert "Bram van den Berg" in page
    assert "1 reactie" in page


def test_sending_the_same_reply_twice_stores_it_once(
    client_for, joined: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    thread = thread_in(joined, member)
    client = client_for(member)
    for _ in range(2):
        client.post(thread.get_absolute_url(), {"body": "Dubbel geklikt"})

    assert Reply.objects.count() == 1


def test_non_member_cannot_post_a_thread_or_reply(
    client_for, joined: LearningNetwork, member: User, other_member: User
) -> None:  # noqa: ANN001
    thread = thread_in(joined, member)
    client = client_for(other_member)

    create = client.post(
        reverse("networks:thread_create", args=[joined.slug]),
        {"title": "Binnengesmokkeld", "body": "Tekst"},
    )
    reply = client.post(thread.get_absolute_url(), {"body": "Ook binnengesmokkeld"})

    assert create.status_code == 403
    assert reply.status_code == 403
    assert Thread.objects.count() == 1
    assert not Reply.objects.exists()


def test_html_in_posts_is_shown_as_text(
    client_for, joined: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    thread = services.thread_create(
        network=joined,
        author=member,
        title='<img src=x onerror="alert(1)">',
        body='<script>alert("x")</script>\nZie https://example.org/statuten',
    )
    services.reply_create(
        thread=thread, author=member, body='<a href="javascript:alert(1)">klik</a>'
    )

    page = client_for(member).get(thread.get_absolute_url()).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert '<img src=x onerror="alert(1)">' not in page
    assert "&lt;img src=x" in page
    assert 'href="javascript:' not in page
    assert 'href="https://example.org/statuten"' in page


def test_too_long_or_empty_posts_are_refused_with_a_clear_message(
    client_for, joined: LearningNetwork, member: User
) -> None:  # noqa: ANN001
    client = client_for(member)
    create = reverse("networks:thread_create", args=[joined.slug])

    response = client.post(create, {"title": "T" * 201, "body": "Tekst"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Te lang: hoogstens 200 tekens, en dit zijn er 201." in page
    assert 'value="' + "T" * 201 + '"' in page  # nothing typed is lost

    response = client.post(create, {"title": "Titel", "body": "x" * 10_001})
    assert "hoogstens 10.000 tekens, en dit zijn er 10.001" in response.content.decode()

    response = client.post(create, {"title": "   ", "body": "\x00"})
    assert response.content.decode().count("Dit is leeg. Schrijf hier iets.") >= 2
    assert not Thread.objects.exists()


def test_detail_page_reads_a_fixed_number_of_queries(
    client_for,  # noqa: ANN001
    django_assert_max_num_queries,  # noqa: ANN001
    joined: LearningNetwork,
    member: User,
) -> None:
    joined.meetings.add(make_event("Leerbijeenkomst", days_from_now=5))
    joined.documents.add(published_document(title="Handreiking"))
    for number in range(12):
        author = make_person(f"Lid {number}")
        join(joined, author)
        thread = services.thread_create(
            network=joined, author=author, title=f"Vraag {number}", body="Tekst"
        )
        services.reply_create(thread=thread, author=author, body="Aanvulling")
    client = client_for(member)

    with django_assert_max_num_queries(20):
        response = client.get(detail(joined))
    assert response.content.decode().count('class="bw-card"') == 12

    first = Thread.objects.first()
    assert first is not None
    with django_assert_max_num_queries(16):
        assert client.get(first.get_absolute_url()).status_code == 200
