"""The three roles as Django groups, with the permissions each role needs."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

MEMBER = "member"
EDITOR = "editor"
ADMINISTRATOR = "administrator"

# Editors publish and moderate content and profiles; they do not manage accounts
# or roles.
_EDITOR_APPS = (
    "directory",
    "knowledge",
    "events",
    "cms",
    "core",
    "agenda",
    "newsletter",
    "networks",
    "articles",
)
_EDITOR_WAGTAIL = (
    ("wagtailadmin", "access_admin"),
    ("accounts", "add_profile"),
    ("accounts", "change_profile"),
    ("accounts", "delete_profile"),
    ("accounts", "view_profile"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "delete_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "delete_image"),
    ("wagtailimages", "choose_image"),
)


def roles_sync() -> None:
    """Create the role groups and give them their permissions; safe to repeat."""
    from wagtail.models import (
        Collection,
        GroupCollectionPermission,
        GroupPagePermission,
        Page,
    )

    Group.objects.get_or_create(name=MEMBER)
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    administrator, _ = Group.objects.get_or_create(name=ADMINISTRATOR)

    wagtail_perms = Q()
    for app_label, codename in _EDITOR_WAGTAIL:
        wagtail_perms |= Q(content_type__app_label=app_label, codename=codename)
    editor_perms = Permission.objects.filter(
        Q(content_type__app_label__in=_EDITOR_APPS) | wagtail_perms
    )
    editor.permissions.add(*editor_perms)
    administrator.permissions.add(*Permission.objects.all())

    root = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    page_perms = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=[
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
            "delete_page",
        ],
    )
    collection_perms = Permission.objects.filter(
        codename__in=[
            "add_document",
            "change_document",
            "choose_document",
            "add_image",
            "change_image",
            "choose_image",
        ],
        content_type__app_label__in=["wagtaildocs", "wagtailimages"],
    )
    for group in (editor, administrator):
        if root is not None:
            for permission in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
        if root_collection is not None:
            for permission in collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
