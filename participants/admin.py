from django.contrib import admin

from .models import Community, Invitation, Membership, Suggestion, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ("email", "name", "language", "is_active")
    search_fields = ("email", "name")
    exclude = ("password",)


@admin.register(Community)
class CommunityAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "starts_on", "ends_on", "initiator_kind")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "community", "sector", "status")
    list_filter = ("community", "sector", "status")
    list_select_related = ("user", "community")


admin.site.register(Invitation)
admin.site.register(Suggestion)
