"""Field types of the site settings, carrying their checks (brand.validators): migrations refer
to these, never to the models."""

from django.db import models

from .validators import ProfileURLValidator, validate_behind_white_text, validate_colour


class ColourField(models.CharField):
    """A #rrggbb colour; `behind_white_text`: one the site prints white text on, so it must be
    dark enough to read it."""

    def __init__(self, *args, behind_white_text: bool = False, **kwargs):
        self.behind_white_text = behind_white_text
        super().__init__(*args, **{"max_length": 7, **kwargs})

    @property
    def validators(self):
        check = validate_behind_white_text if self.behind_white_text else validate_colour
        return [*super().validators, check]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs | {"behind_white_text": self.behind_white_text}


class ProfileURLField(models.URLField):
    """The https address of the station's page on one social network (`hosts`: the network's)."""

    def __init__(self, *args, network: str = "", hosts=(), **kwargs):
        self.network, self.hosts = network, tuple(hosts)
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        return [*super().validators, ProfileURLValidator(self.network, self.hosts)]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs | {"network": self.network, "hosts": self.hosts}

    def formfield(self, **kwargs):
        # An address typed without its scheme is read as https://, the only one accepted.
        return super().formfield(**{"assume_scheme": "https", **kwargs})
