"""What django-axes needs to know about our sign-in form."""

LOGIN_USERNAME_FIELD = "auth-username"  # the two-step sign-in's first step (its form prefix)


def attempted_username(request, credentials=None) -> str | None:
    """The username a sign-in tried: from the credentials authenticate() was given, else from
    the posted form. Axes' own default reads one key for both, and ours differ."""
    if credentials:
        return credentials.get("username")
    return request.POST.get(LOGIN_USERNAME_FIELD)
