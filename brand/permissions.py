"""Who may change which site settings: the one rule the admin (and anything else) goes through.

The brand is the site's owners' (`brand.change_sitesettings`: superusers, or whom they grant it
to; no role has it). The home page's video is the desk's: Editors have
`brand.choose_home_video`, which opens only the video's fields.
"""


def may_change_brand(user) -> bool:
    return user.is_active and user.has_perm("brand.change_sitesettings")


def may_choose_video(user) -> bool:
    return may_change_brand(user) or (user.is_active and user.has_perm("brand.choose_home_video"))


def editable_fields(user, all_fields) -> tuple[str, ...]:
    """The fields of the settings form `user` may change (none: they may not open it)."""
    if may_change_brand(user):
        return tuple(all_fields)
    if may_choose_video(user):
        return tuple(name for name in all_fields if name.startswith("video_"))
    return ()
