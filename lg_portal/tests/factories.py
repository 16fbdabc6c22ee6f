"""A person for the lg_portal app's own tests. The user model is the participants app's, named through
AUTH_USER_MODEL: the portal's base app does not import the apps built on it, not even in tests."""

import factory
from django.conf import settings


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"base{n}@example.org")
    name = factory.Sequence(lambda n: f"Base Person {n}")
    language = "nl"
    password = factory.PostGenerationMethodCall("set_password", "pw-lerende-gemeenschap")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()
