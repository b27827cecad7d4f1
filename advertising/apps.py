from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdvertisingConfig(AppConfig):
    name = "advertising"
    verbose_name = _("Advertising")
