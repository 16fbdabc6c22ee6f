from django.contrib import admin

from .models import AgendaItem, Meeting, MeetingSettings, Rsvp


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ("title", "community", "kind", "starts_at", "host", "host_state", "cancelled_at")
    list_filter = ("kind", "community")
    raw_id_fields = ("host", "created_by", "workgroup")


admin.site.register(MeetingSettings)
admin.site.register(Rsvp, raw_id_fields=("meeting", "membership"))
admin.site.register(AgendaItem, raw_id_fields=("meeting", "proposed_by"))
