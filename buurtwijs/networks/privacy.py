"""Personal data of learning networks: memberships, posts, mail settings."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, register
from buurtwijs.networks.models import (
    DigestSent,
    LearningNetwork,
    MailPreference,
    Membership,
    Reply,
    Thread,
)


def _export(user: User) -> list[dict[str, Any]]:
    memberships = (
        Membership.objects.filter(user=user).select_related("network").order_by("pk")
    )
    threads = Thread.objects.filter(author=user).select_related("network")
    replies = Reply.objects.filter(author=user).select_related("thread")
    preference = MailPreference.objects.filter(user=user).first()
    digests = DigestSent.objects.filter(user=user).order_by("sent_at")
    created = LearningNetwork.objects.filter(created_by=user).order_by("pk")
    return [
        *(
            {
                "kind": "membership",
                "network": m.network.name,
                "role": m.role,
                "notify": m.notify,
                "joined_at": m.joined_at,
            }
            for m in memberships
        ),
        *(
            {
                "kind": "thread",
                "network": t.network.name,
                "title": t.title,
                "body": t.body,
                "created_at": t.created_at,
            }
            for t in threads.order_by("created_at")
        ),
        *(
            {
                "kind": "reply",
                "thread": r.thread.title,
                "body": r.body,
                "created_at": r.created_at,
            }
            for r in replies.order_by("created_at")
        ),
        *(
            [{"kind": "mail_preference", "weekly_digest": preference.weekly_digest}]
            if preference is not None
            else []
        ),
        *(
            {"kind": "digest_sent", "digest": d.kind, "period": d.period}
            for d in digests
        ),
        *({"kind": "network_created", "network": n.name} for n in created),
    ]


def _erase(user: User) -> None:
    # Threads and replies are the network's shared knowledge: they stay, shown as
    # written by a "former member". Everything about the person is deleted.
    Thread.objects.filter(author=user).update(author=None)
    Reply.objects.filter(author=user).update(author=None)
    LearningNetwork.objects.filter(created_by=user).update(created_by=None)
    Membership.objects.filter(user=user).delete()
    MailPreference.objects.filter(user=user).delete()
    DigestSent.objects.filter(user=user).delete()


register(
    Provider(
        category="learning_networks",
        label=_("Learning networks"),
        description=_(
            "The learning networks you joined with your role and e-mail settings, "
            "the threads and replies you wrote, and which digests were sent to you "
            "(so none is sent twice). When you delete your account your "
            "memberships, settings and digest records are deleted; your threads "
            "and replies stay as written by a “former member”."
        ),
        fields=(
            "networks.Membership.user",
            "networks.Thread.author",
            "networks.Reply.author",
            "networks.MailPreference.user",
            "networks.DigestSent.user",
            "networks.LearningNetwork.created_by",
        ),
        export=_export,
        erase=_erase,
        order=70,
    )
)
