"""Roles: members use the site, editors manage /beheer/, administrators everything."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from buurtwijs.accounts.models import User
from buurtwijs.cms.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_three_role_groups_exist_and_wagtail_defaults_are_gone() -> None:
    names = set(Group.objects.values_list("name", flat=True))
    assert {"member", "editor", "administrator"} <= names
    assert not names & {"Editors", "Moderators"}


def test_editor_reaches_the_wagtail_admin_at_beheer(editor: User, client_for) -> None:  # noqa: ANN001
    response = client_for(editor).get("/beheer/")
    assert response.status_code == 200
    assert "wagtail" in response.content.decode().lower()


def test_editor_can_edit_pages_but_not_manage_users(editor: User, client_for) -> None:  # noqa: ANN001
    client = client_for(editor)
    home = HomePage.objects.get()
    assert client.get(f"/beheer/pages/{home.pk}/edit/").status_code == 200
    assert client.get("/beheer/users/").status_code == 302
    assert not editor.has_perm("accounts.change_user")


def test_administrator_manages_users(administrator: User, client_for) -> None:  # noqa: ANN001
    assert administrator.has_perm("accounts.change_user")
    assert client_for(administrator).get("/beheer/users/").status_code == 200


def test_member_and_visitor_cannot_enter_beheer(
    member: User, client_for, visitor: Client
) -> None:  # noqa: ANN001
    assert client_for(member).get("/beheer/").status_code == 302
    response = visitor.get("/beheer/")
    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


def test_editor_manages_initiatives_people_documents_and_themes_in_beheer(
    editor: User,
    member: User,
    client_for,  # noqa: ANN001
) -> None:
    paths = [
        "/beheer/snippets/directory/initiative/",
        "/beheer/snippets/accounts/profile/",
        "/beheer/snippets/knowledge/document/",
        "/beheer/snippets/core/theme/",
    ]
    editor_client = client_for(editor)
    member_client = client_for(member)
    for path in paths:
        assert editor_client.get(path).status_code == 200, path
        assert member_client.get(path).status_code == 302, path


def test_editor_logs_into_beheer_with_email_address(
    editor: User, password: str
) -> None:
    client = Client()
    response = client.post(
        "/beheer/login/", {"username": editor.email, "password": password}
    )
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200
