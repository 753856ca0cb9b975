"""The demo networks and the editors' admin of learning networks."""

from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.demo.accounts import load_demo_accounts
from buurtwijs.demo.networks import load_demo_networks
from buurtwijs.networks.models import LearningNetwork, Membership, Reply, Thread


def test_demo_networks_load_once_with_members_and_conversations(db: None) -> None:
    load_demo_accounts(lambda line: None)

    added = load_demo_networks(lambda line: None)

    assert added > 0
    assert LearningNetwork.objects.count() == 5
    assert LearningNetwork.objects.filter(is_open=False).count() == 1
    assert Thread.objects.count() >= 6
    assert Reply.objects.count() >= 6
    demo_member = User.objects.get(email="lid@buurtwijs.test")
    assert Membership.objects.filter(user=demo_member).count() == 2
    assert Membership.objects.filter(role="moderator").count() == 5
    assert load_demo_networks(lambda line: None) == 0
    assert LearningNetwork.objects.count() == 5


def test_editor_creates_a_network_in_the_admin(client_for, editor: User) -> None:  # noqa: ANN001
    client = client_for(editor)
    response = client.post(
        "/beheer/snippets/networks/learningnetwork/add/",
        {
            "name": "Kennisnetwerk armoede en schulden",
            "slug": "kennisnetwerk-armoede-en-schulden",
            "description": "Voor wie met bewoners werkt aan armoede en schulden.",
            "is_open": "on",
        },
    )

    assert response.status_code == 302
    network = LearningNetwork.objects.get()
    assert network.created_by == editor
    assert (
        client.get("/leernetwerken/kennisnetwerk-armoede-en-schulden/").status_code
        == 200
    )


def test_admin_refuses_a_reserved_address(client_for, editor: User) -> None:  # noqa: ANN001
    response = client_for(editor).post(
        "/beheer/snippets/networks/learningnetwork/add/",
        {"name": "Instellingen", "slug": "instellingen", "description": "x"},
    )

    assert response.status_code == 200
    assert not LearningNetwork.objects.exists()


def test_member_without_editor_role_cannot_manage_networks(
    client_for,
    member: User,  # noqa: ANN001
) -> None:
    response = client_for(member).get("/beheer/snippets/networks/learningnetwork/")

    assert response.status_code in (302, 403)


def test_visitor_is_sent_away_from_the_admin(visitor: Client) -> None:
    response = visitor.get("/beheer/snippets/networks/learningnetwork/add/")
    assert response.status_code == 302


def test_admin_lists_members_and_posts_by_name_never_by_address(
    client_for,
    editor: User,
    member: User,  # noqa: ANN001
) -> None:
    from buurtwijs.networks import services
    from buurtwijs.networks.tests.factories import join, make_network

    network = make_network()
    join(network, member)
    services.thread_create(
        network=network, author=member, title="Statuten gezocht", body="Wie?"
    )
    client = client_for(editor)

    for address in (
        "/beheer/snippets/networks/membership/",
        "/beheer/snippets/networks/thread/",
    ):
        page = client.get(address).content.decode()
        assert "Anouk Jansen" in page, address
        assert member.email not in page, address
