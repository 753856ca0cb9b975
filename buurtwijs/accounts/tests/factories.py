"""Factories for accounts and profiles, built through the services."""

import factory
from allauth.account.models import EmailAddress

from buurtwijs.accounts.models import Profile, User
from buurtwijs.accounts.services import profile_create

PASSWORD = "een-goed-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory[User]):
    """A person with an account and a verified e-mail address."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"persoon{n}")
    email = factory.Sequence(lambda n: f"persoon{n}@voorbeeld.nl")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(self, create: bool, extracted: bool | None, **kwargs: object) -> None:
        if create and extracted is not False:
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=True
            )


def make_profile(
    user: User | None = None, name: str = "Fatima de Vries", **fields: object
) -> Profile:
    """A profile through the same service the site uses."""
    return profile_create(user=user, name=name, **fields)
