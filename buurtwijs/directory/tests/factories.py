"""Factories for initiatives and partners."""

import factory

from buurtwijs.core.models import Municipality
from buurtwijs.core.text import dutch_sort_key
from buurtwijs.directory.models import Initiative, Partner, PartnerRole
from buurtwijs.search.services import index_later


class InitiativeFactory(factory.django.DjangoModelFactory[Initiative]):
    """A published initiative in Utrecht unless told otherwise."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Buurtcoöperatie De Linde {n}")
    slug = factory.Sequence(lambda n: f"buurtcooperatie-de-linde-{n}")
    sort_name = factory.LazyAttribute(lambda o: dutch_sort_key(o.name))
    kind = "buurtcooperatie"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(code="GM0344"))
    summary = "Bewoners beheren samen het buurthuis."
    status = Initiative.Status.PUBLISHED

    @factory.post_generation
    def search_index(obj: Initiative, create: bool, extracted: object) -> None:  # noqa: N805 - factory_boy passes the object
        # As the services do: the search entry follows in a task after the
        # commit (run it with the `tasks` fixture).
        if create:
            index_later(kind="initiative", object_id=obj.pk)


class PartnerFactory(factory.django.DjangoModelFactory[Partner]):
    class Meta:
        model = Partner

    initiative = factory.SubFactory(InitiativeFactory)
    name = "Gemeente Utrecht"
    role = PartnerRole.MUNICIPALITY
