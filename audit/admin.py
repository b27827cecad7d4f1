from django.contrib import admin

from .models import Event


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """The audit log: read-only for whoever may view it (superusers, or a grant of
    `audit.view_event`); nobody adds, edits or deletes events from the admin."""

    list_display = ["at", "action", "actor_name", "target", "address"]
    list_filter = ["action", ("actor", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["actor_name", "target", "detail", "address"]
    date_hierarchy = "at"
    fields = ["at", "action", "actor", "actor_name", "address", "target", "detail"]
    readonly_fields = fields
    list_per_page = 50

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
